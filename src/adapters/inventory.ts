import { sql } from 'kysely';
import type { Db } from '../db/index';
import { addressKey, type AccessType } from '../domain/inventory';
import { AdapterRefusal } from './errors';

export interface PortRequest {
  /** The case id and the step: one port per key however often the call is retried. */
  idempotencyKey: string;
  caseId: string;
  address: string;
  accessType: AccessType;
}

/** A held port; the address is not repeated (it is the customer's personal data). */
export interface PortReservation {
  reservationId: string;
  accessType: AccessType;
  status: 'reserved' | 'in_use' | 'released';
}

export interface NumberRequest {
  idempotencyKey: string;
  caseId: string;
}

/** The operator's resource inventory: ports at addresses, and service numbers. Every call is idempotent on its key. */
export interface InventoryAdapter {
  /** Holds a free port at the address for the access type; null when there is none. */
  reservePort(req: PortRequest): Promise<PortReservation | null>;
  /** Gives the held port back (nothing to do when it was never held or is already given back). */
  releasePort(idempotencyKey: string): Promise<void>;
  /** The held port now carries the service. */
  usePort(idempotencyKey: string, serviceId: string): Promise<void>;
  /** Gives back the ports a service holds in use, but the one held under `keep` (the new one, when a line moves); idempotent. */
  releaseServicePorts(serviceId: string, keep?: string): Promise<void>;
  /** A new service number. */
  assignNumber(req: NumberRequest): Promise<{ number: string }>;
}

const view = (r: { idempotency_key: string; access_type: AccessType; status: PortReservation['status'] }): PortReservation => ({
  reservationId: `port_${r.idempotency_key}`,
  accessType: r.access_type,
  status: r.status,
});

/**
 * Ports in `port_capacity` (loaded by an admin through PUT /v1/inventory/ports)
 * held in `port_reservations`; a reservation locks the capacity row, so two
 * orders at one address never take the same last port.
 */
export function builtInInventory(db: Db): InventoryAdapter {
  return {
    async reservePort(req) {
      const key = addressKey(req.address);
      return db.transaction().execute(async (tx) => {
        const held = await tx.selectFrom('port_reservations').selectAll().where('idempotency_key', '=', req.idempotencyKey).executeTakeFirst();
        if (held) return view(held);
        const stock = await tx
          .selectFrom('port_capacity')
          .select('capacity')
          .where('address_key', '=', key)
          .where('access_type', '=', req.accessType)
          .forUpdate()
          .executeTakeFirst();
        if (!stock) return null;
        const taken = await tx
          .selectFrom('port_reservations')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('address_key', '=', key)
          .where('access_type', '=', req.accessType)
          .where('status', 'in', ['reserved', 'in_use'])
          .executeTakeFirstOrThrow();
        if (taken.n >= stock.capacity) return null;
        const row = await tx
          .insertInto('port_reservations')
          .values({ idempotency_key: req.idempotencyKey, case_id: req.caseId, address_key: key, access_type: req.accessType, status: 'reserved', service_id: null, released_at: null })
          .returningAll()
          .executeTakeFirstOrThrow();
        return view(row);
      });
    },

    async releasePort(idempotencyKey) {
      await db
        .updateTable('port_reservations')
        .set({ status: 'released', released_at: new Date() })
        .where('idempotency_key', '=', idempotencyKey)
        .where('status', '=', 'reserved')
        .execute();
    },

    async usePort(idempotencyKey, serviceId) {
      const row = await db
        .updateTable('port_reservations')
        .set({ status: 'in_use', service_id: serviceId })
        .where('idempotency_key', '=', idempotencyKey)
        .where('status', 'in', ['reserved', 'in_use'])
        .returning('status')
        .executeTakeFirst();
      if (!row) throw new AdapterRefusal('inventory', `no port is held under ${idempotencyKey}`);
    },

    async releaseServicePorts(serviceId, keep) {
      let free = db
        .updateTable('port_reservations')
        .set({ status: 'released', released_at: new Date() })
        .where('service_id', '=', serviceId)
        .where('status', '=', 'in_use');
      if (keep) free = free.where('idempotency_key', '!=', keep);
      await free.execute();
    },

    async assignNumber(req) {
      await db
        .insertInto('number_assignments')
        .values({ idempotency_key: req.idempotencyKey, case_id: req.caseId, number: sql<string>`'028' || nextval('service_number_seq')` })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      return db.selectFrom('number_assignments').select('number').where('idempotency_key', '=', req.idempotencyKey).executeTakeFirstOrThrow();
    },
  };
}
