import { Type, type Static, type TSchema } from 'typebox';
import { ORDER_STATES, ORDER_TYPES } from '../../domain/case';
import { REFUND_CAUSES } from '../../domain/refund';
import { Cursor, FreeObject, Id, Limit, NextCursor, Nullable } from './common';

export const RefundFields = {
  amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Amount to refund, integer fen' }),
  cause: Type.Enum([...REFUND_CAUSES]),
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  invoice: Type.Object(
    {
      provided: Type.Boolean({ description: 'false: the invoice is lost, a finance proof step is added' }),
      number: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    },
    { additionalProperties: false },
  ),
  evidence: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 20 })),
  rectification: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
};

export const RefundOrderInput = Type.Object(
  { type: Type.Literal('refund'), customerId: Id, ...RefundFields },
  { additionalProperties: false, title: 'RefundOrder' },
);
export type RefundOrderInput = Static<typeof RefundOrderInput>;

/**
 * Order types whose process has not shipped yet: accepted by the schema so
 * the API can answer 422 ("not available yet") rather than a confusing 400.
 * Their fields get a strict schema when their process ships.
 */
const pendingType = (type: string) =>
  Type.Object(
    { type: Type.Literal(type), customerId: Id },
    { additionalProperties: true, title: `${type} (process not yet available)` },
  );

const branches: TSchema[] = [RefundOrderInput, ...ORDER_TYPES.filter((t) => t !== 'refund').map(pendingType)];

/** `{ type, customerId, ...typeFields }`, discriminated by `type`. */
export const OrderInput = Type.Unsafe<RefundOrderInput | { type: Exclude<(typeof ORDER_TYPES)[number], 'refund'>; customerId: string; [k: string]: unknown }>({
  type: 'object',
  required: ['type', 'customerId'],
  oneOf: branches,
  discriminator: { propertyName: 'type' },
  description: `Body by \`type\` (${ORDER_TYPES.join(', ')}); only types with a running process are accepted (others: 422).`,
});
export type OrderInput = Static<typeof OrderInput>;

export const SlaView = Type.Object({
  key: Type.String({ description: 'SLA policy key' }),
  startedAt: Type.String(),
  dueAt: Type.String(),
  jeopardy: Type.Boolean(),
  breached: Type.Boolean(),
  stoppedAt: Nullable(Type.String()),
});

export const PendingTaskView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  role: Type.String(),
  assignee: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
});

const orderCore = {
  id: Type.String(),
  type: Type.String(),
  state: Type.String({ description: `TMF622 state: ${ORDER_STATES.join(', ')}` }),
  stage: Type.String(),
  outcome: Nullable(Type.String()),
  stateReason: Nullable(Type.String()),
  customerId: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  data: FreeObject,
};

export const OrderView = Type.Object({
  ...orderCore,
  sla: Type.Array(SlaView),
  pendingTasks: Type.Array(PendingTaskView),
});
export type OrderView = Static<typeof OrderView>;

export const OrderSummary = Type.Object(orderCore, {
  description: 'An order as listed: the order view without sla and pendingTasks (GET /v1/orders/{id} has them)',
});
export type OrderSummary = Static<typeof OrderSummary>;

export const OrderList = Type.Object({ items: Type.Array(OrderSummary), nextCursor: NextCursor });

export const OrderListQuery = Type.Object({
  type: Type.Optional(Type.Enum([...ORDER_TYPES])),
  state: Type.Optional(Type.Enum([...ORDER_STATES])),
  customerId: Type.Optional(Id),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
});

export const CaseEventView = Type.Object({
  at: Type.String(),
  actor: Type.String(),
  kind: Type.String(),
  detail: FreeObject,
});
export const CaseEventList = Type.Array(CaseEventView, { description: 'Oldest first' });

export const CancelInput = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const CaseSnapshotView = Type.Object({
  id: Type.String(),
  type: Type.String(),
  state: Type.String(),
  stage: Type.String(),
  outcome: Nullable(Type.String()),
  stateReason: Nullable(Type.String()),
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '^[\\x20-\\x7E]+$',
      description: 'Same key and body: the same order (200). Same key, other body: 409.',
    }),
  ),
});
