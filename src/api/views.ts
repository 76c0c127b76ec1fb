/** How cases and tasks look on the wire (the contract's field names), from their rows. */
import { maskPersonalData } from '../domain/masking';
import { CUSTOMER_SERVING_ROLES, hasAnyRole, type Actor } from '../domain/roles';
import type { CaseDetails, CaseRow } from '../store/cases';
import type { TaskRow } from '../store/tasks';
import { iso } from '../store/time';
import type { ComplaintSummary, ComplaintView } from './schemas/complaints';
import type { OrderSummary, OrderView } from './schemas/orders';
import type { TaskView } from './schemas/tasks';

/**
 * Case or task data as the actor may see it: phone, line and identity
 * numbers, addresses and e-mail are masked for roles that do not
 * serve the customer (as in the customers API), by the one rule of
 * src/domain/masking.ts that hub events follow too.
 */
function dataFor<T extends Record<string, unknown> | null>(data: T, viewer: Viewer): T {
  return data === null || viewer === 'system' || hasAnyRole(viewer, CUSTOMER_SERVING_ROLES) ? data : maskPersonalData(data);
}

/** Who the view is for: a person (masked by role), or Switchboard itself (the hub masks per subscriber). */
export type Viewer = Actor | 'system';

export function orderSummary(row: CaseRow, actor: Viewer): OrderSummary {
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    stage: row.stage,
    outcome: row.outcome,
    stateReason: row.state_reason,
    customerId: row.customer_id,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    data: dataFor((row.data ?? {}) as Record<string, unknown>, actor),
  };
}

/** The case with its clocks and the tasks waiting on people. */
export function orderView(row: CaseRow & CaseDetails, actor: Viewer): OrderView {
  const { tasks, clocks } = row;
  return {
    ...orderSummary(row, actor),
    sla: clocks.map((c) => ({
      key: c.policy_key,
      startedAt: iso(c.started_at),
      dueAt: iso(c.due_at),
      jeopardyAt: iso(c.jeopardy_at),
      jeopardy: c.jeopardy,
      breached: c.breached,
      stoppedAt: iso(c.stopped_at),
    })),
    pendingTasks: tasks.map((t) => ({ id: t.id, kind: t.kind, role: t.role, assignee: t.assignee, dueAt: iso(t.due_at) })),
  };
}

/** A complaint is an order-like case with `status` for `state` (TMF621) and its first-responder facts on top. */
function asComplaint<V extends OrderSummary>(view: V, row: CaseRow): Omit<V, 'state'> & Omit<ComplaintSummary, keyof OrderSummary> {
  const { state, ...rest } = view;
  const data = (row.data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  return {
    ...rest,
    status: state,
    owner: text('owner'),
    severity: text('severity') as ComplaintSummary['severity'],
    baseSeverity: text('baseSeverity') as ComplaintSummary['baseSeverity'],
    repeat: data.repeat === true,
    replyDueAt: text('replyDueAt'),
    escalationLevel: typeof data.escalationLevel === 'number' ? data.escalationLevel : 0,
  };
}

export function complaintSummary(row: CaseRow, actor: Viewer): ComplaintSummary {
  return asComplaint(orderSummary(row, actor), row);
}

export function complaintView(row: CaseRow & CaseDetails, actor: Viewer): ComplaintView {
  return asComplaint(orderView(row, actor), row);
}

/** A case just opened: its workflow has not started, so it has no clock or task yet. */
export function openedOrderView(row: CaseRow, actor: Viewer): OrderView {
  return { ...orderSummary(row, actor), sla: [], pendingTasks: [] };
}

export function taskView(t: TaskRow, actor: Viewer): TaskView {
  const view: TaskView = {
    id: t.id,
    caseId: t.case_id,
    caseType: t.case_type,
    kind: t.kind,
    role: t.role,
    assignee: t.assignee,
    department: t.department,
    owner: t.owner,
    state: t.state,
    createdAt: iso(t.created_at),
    dueAt: iso(t.due_at),
    ...(t.jeopardy_at !== undefined ? { jeopardyAt: iso(t.jeopardy_at) } : {}),
    outcomes: t.outcomes ?? [],
    approvesMoney: t.approves_money,
    form: (t.form ?? {}) as Record<string, unknown>,
    data: dataFor((t.data ?? {}) as Record<string, unknown>, actor),
  };
  if (t.state === 'completed' || t.outcome !== null) {
    view.outcome = t.outcome;
    view.comment = t.comment;
    view.result = dataFor(t.result as Record<string, unknown> | null, actor);
    view.completedBy = t.completed_by;
    view.completedAt = iso(t.completed_at);
  }
  return view;
}
