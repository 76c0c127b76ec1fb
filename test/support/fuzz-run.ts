/**
 * A fuzzing run against a served API (test/support/fuzz.ts generates the
 * requests): thousands of seeded hostile requests spread over one or more
 * API processes, every answer checked (never a 5xx, every error a problem),
 * then the cases behind it checked for activities retrying what a bad value
 * that slipped through would make them retry. The API test runs it against
 * an API in the test process, the failure suite against the production-like
 * topology's API processes.
 */
import type { Client } from '@temporalio/client';
import { ROLES } from '../../src/domain/roles';
import { refundBody } from '../fixtures/refund';
import { fetchJson, putCustomer, waitForTask, type TestApi } from './api';
import {
  deeplyNested,
  HOSTILE_STRINGS,
  hostileValue,
  pathSegment,
  queryValue,
  randomDay,
  Rng,
  unstorableVariant,
  validValue,
  type Known,
  type Schema,
} from './fuzz';

export interface FuzzTarget {
  /** Base URLs of the API processes (requests are spread over them); the first one is used to set up. */
  urls: string[];
  /** Signs tokens the APIs accept (and, with options, forged and expired ones). */
  token: TestApi['token'];
  /** The Temporal client and task queue of the workers behind the APIs. */
  client: Client;
  taskQueue: string;
}

export interface FuzzOptions {
  seed: number;
  requests: number;
  /** The run stops sending after this long, and says how far it got. */
  budgetMs: number;
  concurrency: number;
}

/** FUZZ_SEED replays a run; FUZZ_REQUESTS and FUZZ_BUDGET_MS size it (defaults per suite). */
export function fuzzOptionsFromEnv(defaults: { requests: number; budgetMs: number }): FuzzOptions {
  return {
    seed: Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31)),
    requests: Number(process.env.FUZZ_REQUESTS ?? defaults.requests),
    budgetMs: Number(process.env.FUZZ_BUDGET_MS ?? defaults.budgetMs),
    concurrency: 8,
  };
}

export interface FuzzReport {
  seed: number;
  sent: number;
  operations: number;
  ms: number;
  /** Status → count (0: no answer). */
  histogram: Record<number, number>;
  /** The first answers that were wrong (a 5xx, no answer, an error that is not a problem). */
  wrong: string[];
}

interface Operation {
  method: string;
  path: string;
  parameters: Array<{ in: string; name: string; schema: Schema; required?: boolean }>;
  body?: Schema;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Sets up real customers, orders and tasks through the first API, then sends the run's requests. */
export async function fuzzApi(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const api = { url: target.urls[0]!, token: target.token };
  const known: Known = { customerIds: [], orderIds: [], taskIds: [], slaKeys: [], outcomes: ['approve', 'deny', 'confirm', 'reject', 'done'] };
  const cursors: string[] = [];
  /** A valid token per role, and two more (several roles, none). */
  const tokens = new Map<string, string>();
  const hostileAuth: string[] = [];
  const operations: Operation[] = [];

  for (const role of ROLES) tokens.set(role, await api.token(`fz-${role}`, [role]));
  tokens.set('multi', await api.token('fz-multi', ['frontoffice', 'supervisor']));
  tokens.set('none', await api.token('fz-none', []));
  hostileAuth.push(
    '',
    'Bearer',
    'Bearer x.y.z',
    'Basic dXNlcjpwYXNz',
    `Bearer ${await api.token('fz-forged', ['admin'], { secret: 'not-the-secret' })}`,
    `Bearer ${await api.token('fz-expired', ['admin'], { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
    `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', roles: ['admin'], exp: Math.floor(Date.now() / 1000) + 600 })}.`,
    `Bearer ${await api.token('fz\u0000nul', ['admin'])}`,
    `Bearer ${await api.token('fz-name', ['admin'], { name: 'x\ud800' })}`,
    `Bearer ${await api.token('fz-role', ['pope'])}`,
    `Bearer ${'a'.repeat(5000)}`,
  );

  // Real customers, orders and tasks, so requests reach past "not found".
  const clerk = await api.token('fz-clerk', ['frontoffice']);
  const sup = await api.token('fz-sup', ['supervisor']);
  for (let i = 0; i < 3; i++) known.customerIds.push(await putCustomer(api));
  for (let i = 0; i < 4; i++) {
    const r = await fetchJson(`${api.url}/v1/orders`, { token: clerk, json: refundBody(known.customerIds[i % 3]!) });
    if (r.status !== 201) throw new Error(`fuzz setup: POST /v1/orders ${r.status} ${JSON.stringify(r.body)}`);
    known.orderIds.push(r.body.id);
  }
  for (const id of known.orderIds) {
    const task = await waitForTask(api, sup, id);
    known.taskIds.push(task.id);
    known.outcomes.push(...task.outcomes);
  }
  known.slaKeys = ((await fetchJson(`${api.url}/v1/policies/sla`, { token: sup })).body as any[]).map((p) => p.key);
  for (const path of ['/v1/orders?limit=1', '/v1/tasks?limit=1&state=open']) {
    const next = (await fetchJson(`${api.url}${path}`, { token: sup })).body.nextCursor;
    if (next) cursors.push(next);
  }

  const doc = (await fetchJson(`${api.url}/openapi.json`)).body;
  for (const [path, ops] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      operations.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema });
    }
  }

  interface FuzzRequest {
    n: number;
    op: string;
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
  }

  /** Who may do what (roughly): a token of such a role gets requests past 403 to the rules behind it. */
  function rolesFor(op: Operation): string[] {
    if (op.method === 'GET') return [...ROLES];
    if (op.path.startsWith('/v1/policies') || op.path.startsWith('/v1/calendar')) return ['admin'];
    if (op.path.startsWith('/v1/tasks')) return ['supervisor'];
    if (op.path.endsWith('/cancel')) return ['frontoffice', 'supervisor'];
    return ['frontoffice', 'agent'];
  }

  function realIdsFor(path: string): string[] {
    if (path.startsWith('/v1/tasks')) return known.taskIds;
    if (path.startsWith('/v1/orders')) return known.orderIds;
    if (path.startsWith('/v1/customers')) return known.customerIds;
    return [];
  }

  const MALFORMED_BODIES = ['{"type":', '{"a":1}}', '\u0000', '[', '{"reason":"\\ud800"}', '{"\\u0000":1}', 'nul', '{"a":"\\u00"}', '\ufeff{}'];

  /** Request `n` of the run: its own generator, so it is the same for a seed whatever the interleaving. */
  function makeRequest(n: number): FuzzRequest {
    const rng = new Rng(options.seed ^ Math.imul(n + 1, 0x9e3779b1));
    const op = rng.pick(operations);
    let method = op.method;
    if (rng.chance(0.03)) method = rng.pick(['DELETE', 'PATCH', 'PUT', 'POST', 'GET']);

    let path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === 'day') return rng.chance(0.5) ? randomDay(rng) : rng.pick(['0000-01-01', '2031-02-29', '9999-99-99', '3000-01-01', '2026-1-1', '%00', 'x'.repeat(200)]);
      if (name === 'key') return rng.chance(0.6) && known.slaKeys.length ? rng.pick(known.slaKeys) : pathSegment(rng, []);
      return pathSegment(rng, realIdsFor(op.path));
    });
    const query: string[] = [];
    for (const p of op.parameters.filter((p) => p.in === 'query')) {
      if (rng.chance(0.4)) query.push(`${p.name}=${queryValue(p.schema, p.name, rng, known, cursors)}`);
    }
    if (rng.chance(0.05)) query.push(`${rng.pick(['x%00', 'limit', 'unknown'])}=${rng.pick(['1', '%00', ''])}`);
    if (query.length) path += `?${query.join('&')}`;

    const headers: Record<string, string> = {};
    const roll = rng.next();
    const auth =
      roll < 0.55
        ? `Bearer ${tokens.get(rng.pick(rolesFor(op)))!}`
        : roll < 0.8
          ? `Bearer ${rng.pick([...tokens.values()])}`
          : rng.pick(hostileAuth);
    if (auth) headers.authorization = auth;
    if (op.parameters.some((p) => p.name === 'idempotency-key') && rng.chance(0.4)) {
      headers['idempotency-key'] = rng.pick([`k-${rng.int(0, 20)}`, `k-${options.seed}-${n}`, 'x'.repeat(300), '\u00ff\u00fe', ' ', '']);
    }
    if (rng.chance(0.05)) headers['x-request-id'] = rng.pick(['ok-1', 'x'.repeat(500), 'a b', '\u00e9']);

    let body: string | undefined;
    if (op.body || rng.chance(0.05)) {
      const schema = op.body ?? { type: 'object', properties: {} };
      const roll = rng.next();
      headers['content-type'] = 'application/json';
      if (roll < 0.3) body = JSON.stringify(validValue(schema, rng, known));
      else if (roll < 0.5) body = JSON.stringify(unstorableVariant(validValue(schema, rng, known), rng));
      else if (roll < 0.8) body = JSON.stringify(hostileValue(schema, rng, known));
      else if (roll < 0.87) body = rng.pick(MALFORMED_BODIES);
      else if (roll < 0.9) body = deeplyNested(rng.pick([1000, 10_000]));
      else if (roll < 0.95) {
        headers['content-type'] = rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data']);
        body = rng.pick(['a=1', '{}', rng.pick(HOSTILE_STRINGS)]);
      } else body = JSON.stringify({ description: 'z'.repeat(70_000) });
    }
    return { n, op: `${op.method} ${op.path}`, method, url: `${rng.pick(target.urls)}${path}`, headers, body };
  }

  /** What is wrong with the answer to `req`, if anything. */
  async function send(req: FuzzRequest): Promise<{ status: number; wrong?: string }> {
    let res: Response;
    try {
      res = await fetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.method === 'GET' ? undefined : req.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(20_000),
      });
    } catch (err) {
      return { status: 0, wrong: `no answer: ${(err as Error).message}` };
    }
    const text = await res.text();
    if (res.status >= 500) return { status: res.status, wrong: `server error: ${text.slice(0, 300)}` };
    if (res.status >= 400) {
      const type = res.headers.get('content-type') ?? '';
      if (!type.startsWith('application/problem+json')) return { status: res.status, wrong: `not a problem (${type}): ${text.slice(0, 200)}` };
      let p: any;
      try {
        p = JSON.parse(text);
      } catch {
        return { status: res.status, wrong: `problem is not JSON: ${text.slice(0, 200)}` };
      }
      const shaped = ['type', 'title', 'detail'].every((k) => typeof p[k] === 'string') && p.status === res.status;
      if (!shaped) return { status: res.status, wrong: `problem without {type,title,status,detail}: ${text.slice(0, 200)}` };
    } else if (res.status < 300 && req.method !== 'GET') {
      // Later requests aim at what this one made.
      const body = /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined;
      if (req.op === 'POST /v1/orders' && body?.id) known.orderIds.push(body.id);
    } else if (res.status === 200 && req.op === 'GET /v1/tasks') {
      const body = JSON.parse(text);
      for (const t of body.items ?? []) if (!known.taskIds.includes(t.id)) known.taskIds.push(t.id);
      if (body.nextCursor) cursors.push(body.nextCursor);
    }
    return { status: res.status };
  }

  const started = Date.now();
  const histogram: Record<number, number> = {};
  const wrong: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests && Date.now() - started < options.budgetMs) {
        const req = makeRequest(next++);
        const { status, wrong: why } = await send(req);
        histogram[status] = (histogram[status] ?? 0) + 1;
        if (why && wrong.length < 20) wrong.push(`#${req.n} ${req.method} ${req.url.slice(0, 200)} (${req.op}): ${why}`);
      }
    }),
  );
  return { seed: options.seed, sent: next, operations: operations.length, ms: Date.now() - started, histogram, wrong };
}

/** Pending activities of the cases the worker runs, with their attempt counts. */
export async function pendingActivities({ client, taskQueue }: Pick<FuzzTarget, 'client' | 'taskQueue'>): Promise<Array<{ caseId: string; activity: string; attempt: number; failure?: string }>> {
  const running: string[] = [];
  for await (const wf of client.workflow.list({ query: `TaskQueue = "${taskQueue}" AND ExecutionStatus = "Running"` })) {
    running.push(wf.workflowId);
  }
  const out: Array<{ caseId: string; activity: string; attempt: number; failure?: string }> = [];
  for (let i = 0; i < running.length; i += 8) {
    const described = await Promise.all(running.slice(i, i + 8).map((id) => client.workflow.getHandle(id).describe()));
    described.forEach((d) => {
      for (const a of d.raw.pendingActivities ?? []) {
        out.push({ caseId: d.workflowId, activity: a.activityType?.name ?? '?', attempt: a.attempt ?? 0, failure: a.lastFailure?.message ?? undefined });
      }
    });
  }
  return out;
}
