/**
 * The real API over HTTP for tests: listens on 127.0.0.1, port 0, with the
 * shared test database and Temporal client, starting workflows on the given
 * task queue (run a worker on it with startTestWorker).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppDeps } from '../../src/api/app';
import { signToken } from '../../src/auth/tokens';
import { loadConfig, type Config } from '../../src/config';
import type { Role } from '../../src/domain/roles';
import { afterAll, beforeAll } from 'vitest';
import { eventually } from './cases';
import { closeStack, testClient, testDb } from './stack';
import { startTestWorker, type TestWorker } from './worker';

export { eventually };

export interface TokenOptions {
  name?: string;
  dept?: string;
  /** A jose span ('8h') or absolute expiry in epoch seconds (a past one for an expired token). */
  expiresIn?: string | number;
  /** Sign with another secret (a forged token). */
  secret?: string;
}

export interface TestApi {
  url: string;
  config: Config;
  app: FastifyInstance;
  token(sub: string, roles: Role[] | string[], opts?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApi(
  taskQueue: string,
  overrides: Partial<Config> = {},
  consoleOptions?: BuildAppDeps['console'],
): Promise<TestApi> {
  const config: Config = {
    ...loadConfig({}),
    host: '127.0.0.1',
    port: 0,
    taskQueue,
    jwtSecret: `test-${randomBytes(16).toString('hex')}`,
    logLevel: 'silent',
    ...overrides,
  };
  const app = await buildApp({
    config,
    db: testDb(),
    temporal: testClient(),
    logger: process.env.TEST_API_LOG ? true : false,
    console: consoleOptions,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    app,
    token: tokenSigner(config.jwtSecret),
    close: () => app.close(),
  };
}

/** Signs tokens as the API with `secret` accepts them (an API in this process, or processes started with AUTH_JWT_SECRET). */
export function tokenSigner(secret: string): TestApi['token'] {
  return (sub, roles, opts = {}) =>
    signToken(
      { sub, roles: roles as string[], ...(opts.name ? { name: opts.name } : {}), ...(opts.dept ? { dept: opts.dept } : {}) },
      opts.secret ?? secret,
      opts.expiresIn ?? '1h',
    );
}

/** What the helpers below need of an API: any process serving it, in-process or not. */
export type ApiEndpoint = Pick<TestApi, 'url' | 'token'>;

export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  contentType: string;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: T;
}

export interface FetchJsonOptions {
  method?: string;
  token?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (malformed JSON, other media types). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export async function fetchJson<T = any>(url: string, opts: FetchJsonOptions = {}): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | Buffer | undefined;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] ??= 'application/json';
  } else if (opts.raw !== undefined) {
    body = opts.raw;
  }
  const res = await fetch(url, { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (/json/.test(contentType) && text.length > 0) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, contentType, body: parsed as T };
}

/** A customer written through the API (frontoffice), unique to the test. */
export async function putCustomer(api: ApiEndpoint, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = `cus_${randomBytes(6).toString('hex')}`;
  const token = await api.token('clerk-setup', ['frontoffice']);
  const r = await fetchJson(`${api.url}/v1/customers/${id}`, {
    method: 'PUT',
    token,
    json: {
      name: '张三',
      type: 'individual',
      tier: 'standard',
      phone: '13812345678',
      idNumber: '110101199003071234',
      account: { arrearsFen: 0, balanceFen: 10000, monthlyRevenueFen: 12000, noArrearsSinceMonths: 12, paymentMethod: 'alipay' },
      services: [{ id: `svc_${id}`, kind: 'broadband', address: '1 Renmin Rd', region: 'urban', number: '02812345678', status: 'active' }],
      ...overrides,
    },
  });
  if (r.status !== 201) throw new Error(`PUT customer: ${r.status} ${JSON.stringify(r.body)}`);
  return id;
}

/** Poll the inbox until the case has an open task (of `kind`, if given). */
export async function waitForTask(api: ApiEndpoint, token: string, caseId: string, kind?: string): Promise<any> {
  return eventually(`a ${kind ?? ''} task on ${caseId}`, async () => {
    const r = await fetchJson(`${api.url}/v1/tasks?caseId=${caseId}`, { token });
    if (r.status !== 200) throw new Error(`GET /v1/tasks: ${r.status} ${JSON.stringify(r.body)}`);
    return (r.body.items as any[]).find((t) => kind === undefined || t.kind === kind);
  });
}

/** Poll the order until `predicate` holds. */
export async function waitForOrder(api: ApiEndpoint, token: string, id: string, predicate: (o: any) => boolean): Promise<any> {
  return waitForCase(api, token, `/orders/${id}`, predicate);
}

/** Poll the complaint until `predicate` holds. */
export async function waitForComplaint(api: ApiEndpoint, token: string, id: string, predicate: (c: any) => boolean): Promise<any> {
  return waitForCase(api, token, `/complaints/${id}`, predicate);
}

async function waitForCase(api: ApiEndpoint, token: string, path: string, predicate: (c: any) => boolean): Promise<any> {
  return eventually(`${path} to reach the expected state`, async () => {
    const r = await fetchJson(`${api.url}/v1${path}`, { token });
    return r.status === 200 && predicate(r.body) ? r.body : undefined;
  });
}

/**
 * The API for one test file, started before its tests and closed after
 * them with the shared stack; with `worker`, the real workflows run behind it.
 */
export function useTestApi(
  opts: { worker?: boolean; config?: Partial<Config>; console?: BuildAppDeps['console'] } = {},
): { readonly api: TestApi } {
  const live = {} as { api: TestApi };
  let worker: TestWorker | undefined;
  beforeAll(async () => {
    worker = opts.worker ? await startTestWorker() : undefined;
    live.api = await startTestApi(worker?.taskQueue ?? 'no-worker', opts.config, opts.console);
  });
  afterAll(async () => {
    await live.api?.close();
    await worker?.stop();
    await closeStack();
  });
  return live;
}
