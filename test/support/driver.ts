/**
 * A generic driver of cases over HTTP, for any process in the registry:
 * opens cases from each process's own input schema, then works the inbox as
 * the staff would — every open task is completed with an outcome that leads
 * forward and data built from the task's own JSON Schema form (required
 * fields, enums, formats, minimums). It knows no task kind; what it needs
 * from the world outside (free ports at an address) it provides the way an
 * admin would, through the API. Load tests, failure tests and benchmarks
 * share it: given an API and a way to sign tokens, it drives every case to
 * completion.
 */
import { randomBytes } from 'node:crypto';
import { isFinalState, type CaseState } from '../../src/domain/case';
import { ROLES, type Role } from '../../src/domain/roles';
import type { ProcessDefinition } from '../../src/processes/define';

export type Schema = Record<string, any>;

/** Signs a token for a person: what TestApi.token and a prod-like stack's secret both give. */
export type SignToken = (sub: string, roles: Role[], opts?: { name?: string; dept?: string }) => Promise<string>;

export interface DriverEndpoint {
  /** http://host:port, without /v1. */
  url: string;
  token: SignToken;
}

// ---------------------------------------------------------------------------
// A minimal valid instance of a JSON Schema.

/** Where a value goes: the field names from the root, and what the task or case already mentions. */
export interface FillContext {
  path: string[];
  /** Strings found in the task's data: an enum value among them is the one to pick (an offer the task lists). */
  mentioned: ReadonlySet<string>;
  /** A value for a field by its name and path, before the schema's own minimum. */
  hint?: (name: string, path: string[], schema: Schema) => unknown;
}

const MINUTE = 60_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/**
 * Times whose meaning the field's name gives: a slot starts in the future
 * and ends after it starts; what happened (arrival, contact, a report)
 * happened now or a moment ago.
 */
function timeFor(name: string): string {
  if (name === 'start') return at(2 * MINUTE);
  if (name === 'end') return at(182 * MINUTE);
  if (/^reported/.test(name)) return at(-MINUTE);
  return at(0);
}

/** Text candidates tried in order against a string's pattern and length. */
const TEXT_CANDIDATES = ['driver', 'driver-1', '000000', '0281234', 'driver@example.com', 'x'];

function stringFor(schema: Schema, name: string): string {
  if (schema.format === 'date-time') return timeFor(name);
  if (schema.format === 'date') return at(0).slice(0, 10);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
  // A name the customer signs with must not be a staff member's (the driver's staff are driver-<role>).
  const own = name === 'signerName' ? ['客户本人'] : [`driver ${name}`.slice(0, Math.max(1, Math.min(max, 40)))];
  for (const candidate of [...own, ...TEXT_CANDIDATES]) {
    const padded = candidate.padEnd(min, 'x');
    if (padded.length <= max && (!pattern || pattern.test(padded))) return padded;
  }
  throw new Error(`the driver cannot make a string for ${name} (${JSON.stringify(schema)})`);
}

export function minimalInstance(schema: Schema, ctx: FillContext): unknown {
  const name = ctx.path.at(-1) ?? '';
  const hinted = ctx.hint?.(name, ctx.path, schema);
  if (hinted !== undefined) return hinted;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => typeof v === 'string' && ctx.mentioned.has(v)) ?? schema.enum[0];
  const branches: Schema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (branches) return minimalInstance(branches.find((b) => b.type !== 'null') ?? branches[0]!, ctx);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
    case 'string':
      return stringFor(schema, name);
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, (_, i) => minimalInstance(schema.items ?? {}, { ...ctx, path: [...ctx.path, String(i)] }));
    default: {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        out[key] = minimalInstance(schema.properties?.[key] ?? {}, { ...ctx, path: [...ctx.path, key] });
      }
      return out;
    }
  }
}

/** Every string in a value, at any depth. */
function stringsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, into));
  return into;
}

// ---------------------------------------------------------------------------
// Opening cases.

/** A customer of the built-in BSS with one broadband line, and the personal data it carries. */
export interface DrivenCustomer {
  customerId: string;
  serviceId: string;
  phone: string;
  idNumber: string;
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');

/** Written through the API as a front-office system would; phone and ID unique, so logs can be searched for them. */
export async function putDrivenCustomer(api: DriverEndpoint, address: string): Promise<DrivenCustomer> {
  const customerId = `cus_drv_${randomBytes(8).toString('hex')}`;
  const customer: DrivenCustomer = { customerId, serviceId: `svc_${customerId.slice(4)}`, phone: `139${digits(8)}`, idNumber: `510107${digits(12)}` };
  const token = await api.token('driver-clerk', ['frontoffice']);
  const body = {
    name: '张三',
    type: 'individual',
    tier: 'standard',
    phone: customer.phone,
    idNumber: customer.idNumber,
    account: { arrearsFen: 0, balanceFen: 10_000, monthlyRevenueFen: 12_000, noArrearsSinceMonths: 12, paymentMethod: 'alipay' },
    services: [{ id: customer.serviceId, kind: 'broadband', address, region: 'urban', number: `028${digits(8)}`, status: 'active', monthlyRentFen: 5000 }],
  };
  const r = await send(api, 'PUT', `/v1/customers/${customerId}`, token, body);
  if (r.status !== 200 && r.status !== 201) throw new Error(`PUT customer: ${r.status} ${JSON.stringify(r.body)}`);
  return customer;
}

export interface CaseWorld {
  customer: DrivenCustomer;
  /** Another existing customer (a line's new owner). */
  otherCustomerId: string;
  /** Where lines are installed or moved to (ports are loaded there, or the driver loads them). */
  address: string;
}

/**
 * The opening body of a case of `process`: the minimal instance of its input
 * schema, with the world's ids, address and the customer's own contact.
 */
export function caseBody(process: ProcessDefinition, world: CaseWorld, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { customer } = world;
  const hint = (name: string, path: string[]): unknown => {
    if (name === 'serviceId') return customer.serviceId;
    if (name === 'customerId') return world.otherCustomerId;
    if (name === 'phone') return customer.phone;
    if (name === 'idNumber' || (name === 'number' && path.includes('idDocument'))) return customer.idNumber;
    if (name === 'text' && /address/i.test(path.at(-2) ?? '')) return world.address;
    return undefined;
  };
  const fields = minimalInstance(process.input, { path: [], mentioned: new Set(), hint }) as Record<string, unknown>;
  // Orders name their type; a complaint is a complaint by its route.
  return { ...(process.kind === 'order' ? { type: process.type } : {}), customerId: customer.customerId, ...fields, ...overrides };
}

/** Where cases of a process are opened and read: /v1/orders or /v1/complaints. */
export const casesPath = (process: Pick<ProcessDefinition, 'kind'>) => (process.kind === 'complaint' ? '/v1/complaints' : '/v1/orders');

/** Opens a case as a front-office clerk; answers its id. */
export async function openCaseOverHttp(api: DriverEndpoint, process: ProcessDefinition, body: Record<string, unknown>, idempotencyKey?: string): Promise<string> {
  const token = await api.token('driver-clerk', ['frontoffice']);
  const r = await send(api, 'POST', casesPath(process), token, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
  if (r.status !== 201 && r.status !== 200) throw new Error(`POST ${casesPath(process)} (${process.type}): ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

// ---------------------------------------------------------------------------
// Working the inbox.

export interface InboxTask {
  id: string;
  caseId: string;
  caseType: string;
  kind: string;
  role: Role;
  assignee: string | null;
  /** A complaint's first responder: only they may act on it. */
  owner: string | null;
  department: string | null;
  state: string;
  outcomes: string[];
  form: Record<string, Schema>;
  data: Record<string, unknown>;
}

/**
 * Outcomes that go back, loop or give up rather than lead forward: the
 * driver takes them only when no other outcome is accepted.
 */
const BACKWARD = new Set([
  'customer_absent',
  'company_reschedule',
  'technical_failure',
  'needs_escalation',
  'needs_visit',
  'not_verified',
  'deny',
  'no_resource',
  'not_proven',
  'still_faulty',
  'retry_retention',
  'abandon',
  'flagged',
  'unreachable',
  'dissatisfied',
]);

/** The outcomes to try on a task, most forward first (`prefer`: a kind's own order, e.g. to take another path). */
export function forwardOutcomes(task: Pick<InboxTask, 'kind' | 'outcomes'>, prefer: Record<string, string[]> = {}): string[] {
  const preferred = (prefer[task.kind] ?? []).filter((o) => task.outcomes.includes(o));
  const rest = task.outcomes.filter((o) => !preferred.includes(o));
  return [...preferred, ...rest.filter((o) => !BACKWARD.has(o)), ...rest.filter((o) => BACKWARD.has(o))];
}

/** The data of `outcome` on `task`: the minimal instance of its form, choosing what the task's data offers. */
export function taskData(task: Pick<InboxTask, 'form' | 'data'>, outcome: string): Record<string, unknown> {
  const schema = task.form[outcome];
  if (!schema) return {};
  return minimalInstance(schema, { path: [], mentioned: stringsIn(task.data) }) as Record<string, unknown>;
}

export interface DriverOptions {
  /** A kind's outcomes to try first (default: the form's order, backward ones last). */
  prefer?: Record<string, string[]>;
  /** Tasks worked at once. */
  concurrency?: number;
  /** Port capacity the driver sets at an address a case waits on (an admin's PUT /v1/inventory/ports). */
  portCapacity?: number;
}

export interface DriverStats {
  completed: number;
  /** Completions refused (422: another outcome is tried next; 409: someone else was faster). */
  refused: number;
  /** Requests that failed without an answer or with a 5xx (a process or server down): retried on the next pass. */
  failed: number;
  /** Per task kind: completions. */
  byKind: Record<string, number>;
  /** The last refusals and failures, for a test's message. */
  recent: string[];
}

interface HttpAnswer {
  status: number;
  body: any;
}

async function send(api: Pick<DriverEndpoint, 'url'>, method: string, path: string, token: string, json?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: json === undefined ? undefined : JSON.stringify(json),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: kept as text for the message.
  }
  return { status: res.status, body };
}

/** Works an API's inbox: every open task of every role, until told to stop. */
export class Driver {
  readonly stats: DriverStats = { completed: 0, refused: 0, failed: 0, byKind: {}, recent: [] };
  private readonly tokens = new Map<string, Promise<string>>();
  /** Outcomes refused per task, so the next pass tries the next one. */
  private readonly refusedOutcomes = new Map<string, Set<string>>();
  private readonly loadedAddresses = new Set<string>();
  /** What the last pass found open, to say what is left when time runs out. */
  private lastOpen: InboxTask[] = [];

  constructor(
    private readonly apis: DriverEndpoint[],
    private readonly options: DriverOptions = {},
  ) {
    if (apis.length === 0) throw new Error('the driver needs an API');
  }

  private api(n: number): DriverEndpoint {
    return this.apis[n % this.apis.length]!;
  }

  private token(sub: string, roles: Role[], dept?: string | null): Promise<string> {
    const key = `${sub}|${roles.join(',')}|${dept ?? ''}`;
    let t = this.tokens.get(key);
    if (!t) {
      t = this.apis[0]!.token(sub, roles, { name: sub, ...(dept ? { dept } : {}) });
      this.tokens.set(key, t);
    }
    return t;
  }

  private note(line: string): void {
    this.stats.recent.push(line);
    if (this.stats.recent.length > 20) this.stats.recent.shift();
  }

  /** Every open or claimed task, read as an admin (who sees every case, personal data unmasked). */
  async inbox(): Promise<InboxTask[]> {
    const reader = await this.token('driver-reader', ['admin']);
    const all = new Map<string, InboxTask>();
    await Promise.all(
      ROLES.map(async (role, i) => {
        let cursor: string | null = null;
        do {
          const query: string = `/v1/tasks?role=${role}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const r = await send(this.api(i), 'GET', query, reader);
          if (r.status !== 200) throw new Error(`GET ${query}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          for (const t of r.body.items as InboxTask[]) all.set(t.id, t);
          cursor = r.body.nextCursor;
        } while (cursor);
      }),
    );
    return [...all.values()];
  }

  /** One pass: reads the inbox and works every task in it once. Answers how many tasks were open. */
  async pass(filter: (task: InboxTask) => boolean = () => true): Promise<number> {
    let tasks: InboxTask[];
    try {
      tasks = (await this.inbox()).filter(filter);
    } catch (err) {
      this.stats.failed++;
      this.note(`inbox: ${(err as Error).message}`);
      return -1;
    }
    this.lastOpen = tasks;
    let next = 0;
    const concurrency = this.options.concurrency ?? 8;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        while (next < tasks.length) await this.work(tasks[next++]!, worker);
      }),
    );
    return tasks.length;
  }

  /**
   * Passes until `done` holds (checked after each pass), or fails saying
   * what is still open: after `timeoutMs`, or sooner when `stallMs` pass
   * with tasks open and none completed (slow is not stuck: a loaded machine
   * drains thousands of cases slowly, a lost case never).
   */
  async driveUntil(
    done: () => Promise<boolean>,
    { timeoutMs = 300_000, stallMs = timeoutMs, idleMs = 250, filter }: { timeoutMs?: number; stallMs?: number; idleMs?: number; filter?: (task: InboxTask) => boolean } = {},
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let progress = { completed: this.stats.completed, at: Date.now() };
    for (;;) {
      const open = await this.pass(filter);
      if (await done().catch(() => false)) return;
      if (this.stats.completed !== progress.completed) progress = { completed: this.stats.completed, at: Date.now() };
      if (Date.now() > deadline || (open > 0 && Date.now() - progress.at > stallMs)) {
        const left = this.lastOpen.slice(0, 10).map((t) => ({
          task: `${t.kind} ${t.id} (${t.state}${t.assignee ? ` by ${t.assignee}` : ''})`,
          case: `${t.caseType} ${t.caseId}`,
          refused: [...(this.refusedOutcomes.get(t.id) ?? [])],
        }));
        throw new Error(`the driver timed out with ${open} tasks open: ${JSON.stringify(left)}; ${JSON.stringify({ ...this.stats, recent: this.stats.recent.slice(-8) })}`);
      }
      if (open <= 0) await new Promise((r) => setTimeout(r, idleMs));
    }
  }

  /** Completes one task, trying its outcomes most forward first; a refusal is remembered for the next pass. */
  private async work(task: InboxTask, n: number): Promise<void> {
    const refused = this.refusedOutcomes.get(task.id) ?? new Set<string>();
    const forward = forwardOutcomes(task, this.options.prefer);
    // Every outcome refused: a refusal can pass (the case moved on meanwhile), so the next pass starts over.
    if (forward.every((o) => refused.has(o))) refused.clear();
    const outcome = forward.find((o) => !refused.has(o));
    if (!outcome) return;
    try {
      if (task.kind === 'plan_resource' && outcome === 'resource_added') await this.loadPorts(task);
      const sub = task.owner ?? task.assignee ?? `driver-${task.role}`;
      const token = await this.token(sub, [task.role], task.department);
      const r = await send(this.api(n), 'POST', `/v1/tasks/${task.id}/complete`, token, { outcome, data: taskData(task, outcome) });
      if (r.status === 200) {
        this.stats.completed++;
        this.stats.byKind[task.kind] = (this.stats.byKind[task.kind] ?? 0) + 1;
        this.refusedOutcomes.delete(task.id);
      } else if (r.status === 422) {
        this.stats.refused++;
        refused.add(outcome);
        this.refusedOutcomes.set(task.id, refused);
        this.note(`${task.kind} ${outcome} on ${task.caseId}: 422 ${r.body?.detail ?? ''}`);
      } else if (r.status === 409 || r.status === 404) {
        // Completed meanwhile (by an earlier pass whose answer was lost, or withdrawn by the case).
        this.stats.refused++;
      } else {
        this.stats.failed++;
        this.note(`${task.kind} ${outcome} on ${task.caseId}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      }
    } catch (err) {
      this.stats.failed++;
      this.note(`${task.kind} on ${task.caseId}: ${(err as Error).message}`);
    }
  }

  /** The planner adds capacity: an admin loads ports at every address the waiting case names (the new one, and harmlessly any other). */
  private async loadPorts(task: InboxTask): Promise<void> {
    const accessType = typeof task.data.accessType === 'string' ? task.data.accessType : 'ftth';
    const items = addressesIn(task.data)
      .filter((address) => !this.loadedAddresses.has(`${accessType}|${address}`))
      .map((address) => ({ address, accessType, capacity: this.options.portCapacity ?? 100_000 }));
    if (items.length === 0) return;
    const admin = await this.token('driver-admin', ['admin']);
    const r = await send(this.apis[0]!, 'PUT', '/v1/inventory/ports', admin, { items });
    if (r.status !== 200) throw new Error(`PUT /v1/inventory/ports: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    for (const { address } of items) this.loadedAddresses.add(`${accessType}|${address}`);
  }
}

/** Postal addresses in a task's data: fields named …address…, as text or as `{ text }`. */
function addressesIn(data: Record<string, unknown>): string[] {
  return Object.entries(data).flatMap(([key, value]) => {
    if (!/address/i.test(key)) return [];
    if (typeof value === 'string') return [value];
    const text = (value as { text?: unknown } | null)?.text;
    return typeof text === 'string' ? [text] : [];
  });
}

/** The states of cases, read through the API (`http <status>` when it does not answer 200). */
export async function caseStates(api: DriverEndpoint, cases: ReadonlyArray<{ id: string; process: Pick<ProcessDefinition, 'kind'> }>): Promise<Array<{ id: string; state: string }>> {
  const token = await api.token('driver-reader', ['admin']);
  const out: Array<{ id: string; state: string }> = [];
  for (let i = 0; i < cases.length; i += 16) {
    const answers = await Promise.all(
      cases.slice(i, i + 16).map(async (c) => {
        const r = await send(api, 'GET', `${casesPath(c.process)}/${c.id}`, token);
        const state = r.status === 200 ? String(r.body.state ?? r.body.status) : `http ${r.status}`;
        return { id: c.id, state };
      }),
    );
    out.push(...answers);
  }
  return out;
}

export const isFinished = (state: string) => isFinalState(state as CaseState);
