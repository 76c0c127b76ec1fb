import { Type, type Static, type TSchema } from 'typebox';
import { ORDER_STATES, ORDER_TYPES, type OrderType } from '../../domain/case';
import type { ProcessDefinition } from '../../processes/define';
import { processOf } from '../../processes/index';
import { Cursor, FreeObject, Id, Limit, NextCursor, Nullable } from './common';

/** An order body of a shipped process: `{ type, customerId, ...its input }`, strictly. */
function orderBody(p: ProcessDefinition) {
  return Type.Object({ type: Type.Literal(p.type), customerId: Id, ...p.input.properties }, { additionalProperties: false, title: `${p.type} order` });
}

/**
 * Order types whose process has not shipped yet: accepted by the schema so
 * the API can answer 422 ("not available yet") rather than a confusing 400.
 */
const pendingType = (type: string) =>
  Type.Object({ type: Type.Literal(type), customerId: Id }, { additionalProperties: true, title: `${type} (process not yet available)` });

const branches: TSchema[] = ORDER_TYPES.map((type) => {
  const process = processOf(type);
  return process?.kind === 'order' ? orderBody(process) : pendingType(type);
});

/** `{ type, customerId, ...typeFields }`, discriminated by `type`. */
export const OrderInput = Type.Unsafe<{ type: OrderType; customerId: string; [field: string]: unknown }>({
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
  jeopardyAt: Type.String({ description: 'When the clock reaches jeopardy' }),
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
  data: Type.Object(
    {},
    { additionalProperties: true, description: 'Type-specific; phone numbers, identity numbers and addresses are masked for roles that do not serve the customer' },
  ),
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
  breached: Type.Optional(Type.Boolean({ description: 'true: only orders with a breached SLA clock; false: only those without' })),
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
