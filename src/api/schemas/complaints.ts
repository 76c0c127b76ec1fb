import { Type, type Static } from 'typebox';
import { COMPLAINT_STATUSES } from '../../domain/case';
import { SEVERITIES } from '../../domain/complaint';
import { ComplaintInput } from '../../processes/complaint';
import { Cursor, Id, Limit, NextCursor, Nullable } from './common';
import { OrderSummary, PendingTaskView, SlaView } from './orders';

export const ComplaintBody = Type.Object(
  { customerId: Id, ...ComplaintInput.properties },
  { additionalProperties: false, title: 'complaint' },
);
export type ComplaintBody = Static<typeof ComplaintBody>;

const { state: _state, ...caseCore } = OrderSummary.properties;

const complaintCore = {
  ...caseCore,
  status: Type.String({ description: `TMF621 status: ${COMPLAINT_STATUSES.join(', ')}` }),
  owner: Nullable(Type.String({ description: 'The first responder: the staff member who owns the complaint until it is closed' })),
  severity: Nullable(Type.Enum([...SEVERITIES], { description: 'What the complaint is handled as: from flags and tier, one step up for a repeat' })),
  baseSeverity: Nullable(Type.Enum([...SEVERITIES], { description: 'From flags and tier alone' })),
  repeat: Type.Boolean({ description: 'The customer complained of the same subject within complaint.repeat_window' }),
  replyDueAt: Nullable(Type.String({ description: 'The reply deadline told to the customer (null: resolved on the spot, or not yet set)' })),
  escalationLevel: Type.Integer({ minimum: 0, maximum: 3, description: '0 none; 1 supervisor, 2 branch_leader, 3 general_manager' }),
};

export const ComplaintSummary = Type.Object(complaintCore, {
  description: 'A complaint as listed: the complaint view without sla and pendingTasks (GET /v1/complaints/{id} has them)',
});
export type ComplaintSummary = Static<typeof ComplaintSummary>;

export const ComplaintView = Type.Object({ ...complaintCore, sla: Type.Array(SlaView), pendingTasks: Type.Array(PendingTaskView) });
export type ComplaintView = Static<typeof ComplaintView>;

export const ComplaintList = Type.Object({ items: Type.Array(ComplaintSummary), nextCursor: NextCursor });

export const ComplaintListQuery = Type.Object({
  status: Type.Optional(Type.Enum([...COMPLAINT_STATUSES])),
  owner: Type.Optional(Type.String({ pattern: '^(me|[A-Za-z0-9_-]{1,64})$', description: '`me` or a staff id: the complaints that staff member owns' })),
  severity: Type.Optional(Type.Enum([...SEVERITIES])),
  customerId: Type.Optional(Id),
  breached: Type.Optional(Type.Boolean({ description: 'true: only complaints with a breached SLA clock; false: only those without' })),
  open: Type.Optional(Type.Boolean({ description: 'true: only complaints not yet closed (with `owner=me`: my open complaints and their deadlines)' })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
});
