/**
 * Orders and complaints seen alike: one case view for the case page, the
 * search and the links. Complaints follow the orders' contract with
 * `status` for `state` (api-contract.md); both are normalised here to one view.
 */
import { api, ok } from './client';
import type { CaseEvent, ComplaintQuery, Order, OrderQuery, OrderSummary, PendingTask, SlaEntry } from './types';

export type CaseKind = 'order' | 'complaint';

export interface CaseView {
  kind: CaseKind;
  id: string;
  type: string;
  state: string;
  stage: string;
  outcome: string | null;
  stateReason: string | null;
  customerId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sla: SlaEntry[];
  pendingTasks: PendingTask[];
  data: Record<string, unknown>;
  /** Fields a kind adds (a complaint's severity, owner, reply deadline…). */
  extra: Record<string, unknown>;
}

export type CaseSummary = Omit<CaseView, 'sla' | 'pendingTasks'>;

export const kindOfCaseType = (caseType: string): CaseKind => (caseType === 'complaint' ? 'complaint' : 'order');

export function casePath(kind: CaseKind, id: string): string {
  return `/${kind === 'complaint' ? 'complaints' : 'orders'}/${encodeURIComponent(id)}`;
}

const FINAL_STATES = ['completed', 'cancelled', 'rejected', 'failed', 'closed'];
export const isFinished = (state: string) => FINAL_STATES.includes(state);

const CORE = ['id', 'type', 'state', 'status', 'stage', 'outcome', 'stateReason', 'customerId', 'createdBy', 'createdAt', 'updatedAt', 'sla', 'pendingTasks', 'data'];

function normalise(kind: CaseKind, raw: Record<string, unknown>): CaseView {
  const r = raw as Partial<Order> & { status?: string };
  return {
    kind,
    id: String(r.id),
    type: r.type ?? kind,
    state: r.state ?? r.status ?? '',
    stage: r.stage ?? '',
    outcome: r.outcome ?? null,
    stateReason: r.stateReason ?? null,
    customerId: r.customerId ?? '',
    createdBy: r.createdBy ?? '',
    createdAt: r.createdAt ?? '',
    updatedAt: r.updatedAt ?? '',
    sla: r.sla ?? [],
    pendingTasks: r.pendingTasks ?? [],
    data: (r.data ?? {}) as Record<string, unknown>,
    extra: Object.fromEntries(Object.entries(raw).filter(([k]) => !CORE.includes(k))),
  };
}

export async function loadCase(kind: CaseKind, id: string): Promise<CaseView> {
  const raw =
    kind === 'order'
      ? ok(await api.GET('/v1/orders/{id}', { params: { path: { id } } }))
      : ok(await api.GET('/v1/complaints/{id}', { params: { path: { id } } }));
  return normalise(kind, raw as Record<string, unknown>);
}

export async function loadCaseEvents(kind: CaseKind, id: string): Promise<CaseEvent[]> {
  return kind === 'order'
    ? ok(await api.GET('/v1/orders/{id}/events', { params: { path: { id } } }))
    : ok(await api.GET('/v1/complaints/{id}/events', { params: { path: { id } } }));
}

export interface CaseSearch {
  kind: CaseKind;
  type?: string;
  state?: string;
  customerId?: string;
  breached?: boolean;
  cursor?: string;
}

export async function searchCases(q: CaseSearch): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  if (q.kind === 'order') {
    const query: OrderQuery = { limit: 50 };
    if (q.type) query.type = q.type as OrderQuery['type'];
    if (q.state) query.state = q.state as OrderQuery['state'];
    if (q.customerId) query.customerId = q.customerId;
    if (q.breached !== undefined) query.breached = q.breached;
    if (q.cursor) query.cursor = q.cursor;
    const page = ok(await api.GET('/v1/orders', { params: { query } }));
    return { items: page.items.map((o: OrderSummary) => normalise('order', o as Record<string, unknown>)), nextCursor: page.nextCursor };
  }
  const query: ComplaintQuery = { limit: 50 };
  if (q.state) query.status = q.state as ComplaintQuery['status'];
  if (q.customerId) query.customerId = q.customerId;
  if (q.breached !== undefined) query.breached = q.breached;
  if (q.cursor) query.cursor = q.cursor;
  const page = ok(await api.GET('/v1/complaints', { params: { query } }));
  return { items: page.items.map((c) => normalise('complaint', c as Record<string, unknown>)), nextCursor: page.nextCursor };
}
