import type { InventoryAdapter, NumberRequest, PortRequest, PortReservation } from '../src/adapters/inventory';

/** The resource inventory: ports at the customer's address and service numbers, each once per idempotency key. */
export function inventoryActivities(inventory: InventoryAdapter) {
  return {
    reservePort: (req: PortRequest): Promise<PortReservation | null> => inventory.reservePort(req),
    releasePort: (idempotencyKey: string): Promise<void> => inventory.releasePort(idempotencyKey),
    usePort: (idempotencyKey: string, serviceId: string): Promise<void> => inventory.usePort(idempotencyKey, serviceId),
    releaseServicePorts: (serviceId: string, keep?: string): Promise<void> => inventory.releaseServicePorts(serviceId, keep),
    assignNumber: (req: NumberRequest): Promise<{ number: string }> => inventory.assignNumber(req),
  };
}
