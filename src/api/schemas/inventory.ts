import { Type, type Static } from 'typebox';
import { ACCESS_TYPES } from '../../domain/inventory';

const AccessType = Type.Enum([...ACCESS_TYPES], { description: 'xdsl | lan | ftth' });

export const PortCapacityInput = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          address: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'The premises, as written on orders (spacing, letter case and full-width digits do not matter)' }),
          accessType: AccessType,
          capacity: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Ports at the address for this access type' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type PortCapacityInput = Static<typeof PortCapacityInput>;

export const PortStockView = Type.Object({
  addressKey: Type.String({ description: 'The normalised address orders are matched on' }),
  address: Type.String(),
  accessType: Type.String(),
  capacity: Type.Integer(),
  reserved: Type.Integer({ description: 'Held for orders not yet activated' }),
  inUse: Type.Integer({ description: 'Carrying a service' }),
  free: Type.Integer(),
});

export const PortStockList = Type.Object({ items: Type.Array(PortStockView) });
