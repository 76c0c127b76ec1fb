import { Type, type Static } from 'typebox';
import { TIERS } from '../../domain/account';
import { Id, Nullable, Timestamp } from './common';


/** Integer fen, within the range a JS number holds exactly. */
const Fen = (description: string, minimum = -1e15) => Type.Integer({ description, minimum, maximum: 1e15 });

export const AccountInput = Type.Object(
  {
    arrearsFen: Fen('Outstanding arrears (fen)', 0),
    balanceFen: Fen('Account balance (fen; may be negative)'),
    monthlyRevenueFen: Type.Optional(Nullable(Fen('Monthly revenue (fen)', 0))),
    agreementEndsAt: Type.Optional(Nullable(Timestamp)),
    noArrearsSinceMonths: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1200 }))),
    paymentMethod: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
    points: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9, description: 'Points collected (redeemable when the customer leaves); absent: 0' })),
  },
  { additionalProperties: false },
);

export const ServiceInput = Type.Object(
  {
    id: Id,
    kind: Type.String({ minLength: 1, maxLength: 64 }),
    address: Type.String({ minLength: 1, maxLength: 500 }),
    region: Type.Enum(['urban', 'rural']),
    number: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
    status: Type.String({ minLength: 1, maxLength: 64 }),
    monthlyRentFen: Type.Optional(Nullable(Fen('Monthly rent of the service (fen)', 0))),
  },
  { additionalProperties: false },
);

export const CustomerInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Enum(['individual', 'group']),
    tier: Type.Enum([...TIERS]),
    phone: Type.String({ minLength: 3, maxLength: 32, pattern: '^[0-9+() -]+$' }),
    idNumber: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
    account: AccountInput,
    services: Type.Optional(
      Type.Array(ServiceInput, { maxItems: 200, description: 'When given, replaces the customer\'s services' }),
    ),
  },
  { additionalProperties: false },
);
export type CustomerInput = Static<typeof CustomerInput>;

export const CustomerView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  tier: Type.String(),
  phone: Type.String({ description: 'Masked unless the caller serves the customer' }),
  idNumber: Nullable(Type.String({ description: 'Masked unless the caller serves the customer' })),
  masked: Type.Boolean({ description: 'Whether phone and idNumber are masked for this caller' }),
  account: Nullable(
    Type.Object({
      arrearsFen: Type.Integer(),
      balanceFen: Type.Integer(),
      monthlyRevenueFen: Nullable(Type.Integer()),
      agreementEndsAt: Nullable(Type.String()),
      noArrearsSinceMonths: Nullable(Type.Integer()),
      paymentMethod: Nullable(Type.String()),
      points: Type.Integer(),
    }),
  ),
  services: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      address: Type.String(),
      region: Type.String(),
      number: Nullable(Type.String({ description: 'Masked like phone unless the caller serves the customer' })),
      status: Type.String(),
      numberChangeBlocked: Type.Boolean(),
      monthlyRentFen: Nullable(Type.Integer()),
    }),
  ),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type CustomerView = Static<typeof CustomerView>;
