import { Type, type Static } from 'typebox';
import { CASE_TYPES } from '../../domain/case';
import { TASK_STATES } from '../../domain/tasks';
import { Cursor, FreeObject, Id, Limit, NextCursor, Nullable } from './common';
import { CaseSnapshotView } from './orders';

export const TaskView = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseType: Type.String(),
  kind: Type.String(),
  role: Type.String({ description: 'The role that may complete the task' }),
  assignee: Nullable(Type.String()),
  department: Nullable(Type.String({ description: 'Only holders of the role from this department (token claim `dept`) may act on it' })),
  owner: Nullable(Type.String({ description: "The one staff member who may act on it (a complaint's first responder); no one else may claim, release or complete it (403)" })),
  state: Type.String({ description: TASK_STATES.join(' | ') }),
  createdAt: Type.String(),
  dueAt: Nullable(Type.String()),
  jeopardyAt: Type.Optional(Nullable(Type.String({ description: "When the task's SLA clock reaches jeopardy (lists and GET /v1/tasks/{id})" }))),
  outcomes: Type.Array(Type.String()),
  approvesMoney: Type.Boolean({ description: 'The task approves money: an admin may not complete it' }),
  form: Type.Object({}, { additionalProperties: true, description: 'outcome → JSON Schema of the data that outcome needs' }),
  data: FreeObject,
  outcome: Type.Optional(Nullable(Type.String())),
  comment: Type.Optional(Nullable(Type.String())),
  result: Type.Optional(Nullable(FreeObject)),
  completedBy: Type.Optional(Nullable(Type.String())),
  completedAt: Type.Optional(Nullable(Type.String())),
});
export type TaskView = Static<typeof TaskView>;

export const TaskList = Type.Object({ items: Type.Array(TaskView), nextCursor: NextCursor });

export const TaskListQuery = Type.Object({
  state: Type.Optional(Type.Enum([...TASK_STATES], { description: 'Default: open and claimed' })),
  role: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '`me` or a staff id' })),
  caseId: Type.Optional(Id),
  kind: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Task kind, e.g. approve_refund' })),
  caseType: Type.Optional(Type.Enum([...CASE_TYPES], { description: 'Type of the case the task belongs to' })),
  sort: Type.Optional(
    Type.Enum(['createdAt', 'dueAt'], { default: 'createdAt', description: 'createdAt: oldest first; dueAt: soonest deadline first, tasks without one last' }),
  ),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
});

export const CompleteInput = Type.Object(
  {
    outcome: Type.String({ minLength: 1, maxLength: 64 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    data: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'Validated against form[outcome]' })),
  },
  { additionalProperties: false },
);

export const CompleteResult = Type.Object({ task: TaskView, case: CaseSnapshotView });
