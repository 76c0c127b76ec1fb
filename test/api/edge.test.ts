/**
 * The reproductions of issue 6, at the HTTP edge: input Postgres cannot
 * store, dates out of range, forged cursors, errors raised before a route
 * runs, stalled requests. Each must be a 4xx problem, and must not wedge
 * the case it was aimed at.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeCursor } from '../../src/api/pagination';
import { refundBody } from '../fixtures/refund';
import {
  fetchJson,
  putCustomer,
  startTestApi,
  useTestApi,
  waitForOrder,
  waitForTask,
  type JsonResponse,
  type TestApi,
} from '../support/api';
import { rawRequest } from '../support/raw-http';

const stack = useTestApi({ worker: true });

let clerk: string;
let sup: string;
let admin: string;
let customerId: string;

beforeAll(async () => {
  clerk = await stack.api.token('clerk-edge', ['frontoffice']);
  sup = await stack.api.token('sup-edge', ['supervisor']);
  admin = await stack.api.token('admin-edge', ['admin']);
  customerId = await putCustomer(stack.api);
});

function expectProblem(r: JsonResponse, status: number): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.contentType).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
}

const NUL = 'ok\u0000';
const LONE = 'x\ud800y';

const post = (path: string, token: string, json: unknown) => fetchJson(`${stack.api.url}${path}`, { method: 'POST', token, json });

describe('text Postgres cannot store is refused at the edge, naming where it is', () => {
  test('a task completion with NUL or a lone surrogate is a 400, and the case goes on', async () => {
    const r = await post('/v1/orders', clerk, refundBody(customerId));
    expect(r.status).toBe(201);
    const task = await waitForTask(stack.api, sup, r.body.id, 'approve_refund');

    const nul = await post(`/v1/tasks/${task.id}/complete`, sup, { outcome: 'approve', comment: NUL, data: {} });
    expectProblem(nul, 400);
    expect(nul.body.errors).toEqual([{ path: 'body/comment', message: expect.stringMatching(/NUL/) }]);
    const lone = await post(`/v1/tasks/${task.id}/complete`, sup, { outcome: 'deny', data: { reason: LONE } });
    expectProblem(lone, 400);
    expect(lone.body.errors[0].path).toBe('body/data/reason');
    const key = await post(`/v1/tasks/${task.id}/complete`, sup, { outcome: 'approve', data: { ['k\u0000']: 1 } });
    expectProblem(key, 400);

    // Nothing reached the case: the same person approves, and the refund is paid.
    const ok = await post(`/v1/tasks/${task.id}/complete`, sup, { outcome: 'approve', comment: 'ok' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    await waitForOrder(stack.api, sup, r.body.id, (o) => o.state === 'completed');
  });

  test('a cancellation reason with a lone surrogate is a 400, and the order can still be cancelled', async () => {
    const r = await post('/v1/orders', clerk, refundBody(customerId));
    await waitForTask(stack.api, sup, r.body.id, 'approve_refund');
    const bad = await post(`/v1/orders/${r.body.id}/cancel`, clerk, { reason: '\ud83d' });
    expectProblem(bad, 400);
    expect(bad.body.errors[0].path).toBe('body/reason');
    const ok = await post(`/v1/orders/${r.body.id}/cancel`, clerk, { reason: 'customer changed their mind' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(202);
  });

  test('customer, order and calendar fields', async () => {
    const customer = (overrides: Record<string, unknown>) =>
      fetchJson(`${stack.api.url}/v1/customers/cus_edge_text`, {
        method: 'PUT',
        token: clerk,
        json: {
          name: '李四',
          type: 'individual',
          tier: 'standard',
          phone: '13812345678',
          account: { arrearsFen: 0, balanceFen: 0 },
          ...overrides,
        },
      });
    const cases: Array<[Promise<JsonResponse>, string]> = [
      [customer({ name: NUL }), 'body/name'],
      [customer({ idNumber: LONE }), 'body/idNumber'],
      [customer({ services: [{ id: 'svc_e', kind: 'broadband', address: NUL, region: 'urban', status: 'active' }] }), 'body/services/0/address'],
      [post('/v1/orders', clerk, refundBody(customerId, { description: NUL })), 'body/description'],
      [post('/v1/orders', clerk, refundBody(customerId, { evidence: ['a', LONE] })), 'body/evidence/1'],
      [post('/v1/orders', clerk, refundBody(customerId, { invoice: { provided: true, number: NUL } })), 'body/invoice/number'],
      [post('/v1/orders', clerk, refundBody(customerId, { rectification: '\udc00' })), 'body/rectification'],
      [fetchJson(`${stack.api.url}/v1/calendar/2031-05-01`, { method: 'PUT', token: admin, json: { working: false, note: NUL } }), 'body/note'],
    ];
    for (const [pending, path] of cases) {
      const r = await pending;
      expectProblem(r, 400);
      expect(r.body.errors, path).toEqual([{ path, message: expect.any(String) }]);
    }
  });

  test('query filters and path params', async () => {
    for (const q of ['role=%00', 'assignee=a%00b', 'state=open&role=x%00', 'caseId=ord_1&x%00=1']) {
      const r = await fetchJson(`${stack.api.url}/v1/tasks?${q}`, { token: sup });
      expectProblem(r, 400);
      expect(r.body.errors[0].path).toMatch(/^querystring\//);
    }
    expectProblem(await fetchJson(`${stack.api.url}/v1/orders/ord%00x`, { token: sup }), 400);
  });

  test('a correctly signed token whose claims cannot be stored is refused (401)', async () => {
    for (const [sub, opts] of [
      ['sup\u0000x', {}],
      ['sup-ok', { name: LONE }],
      ['sup-ok', { dept: 'it\u0000' }],
    ] as const) {
      const token = await stack.api.token(sub, ['supervisor'], opts);
      const r = await fetchJson(`${stack.api.url}/v1/orders`, { token });
      expectProblem(r, 401);
      expect(r.body.detail).toMatch(/NUL/);
    }
  });
});

describe('dates and days in a sane range', () => {
  test('agreementEndsAt out of range or with an impossible offset → 400', async () => {
    for (const agreementEndsAt of ['2030-01-01T00:00:00+23:59', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2030-02-30T00:00:00Z']) {
      const r = await fetchJson(`${stack.api.url}/v1/customers/cus_edge_date`, {
        method: 'PUT',
        token: clerk,
        json: { name: 'x', type: 'individual', tier: 'standard', phone: '13812345678', account: { arrearsFen: 0, balanceFen: 0, agreementEndsAt } },
      });
      expectProblem(r, 400);
      expect(r.body.errors).toContainEqual({ path: 'body/account/agreementEndsAt', message: expect.stringMatching(/RFC 3339/) });
    }
    const ok = await fetchJson(`${stack.api.url}/v1/customers/cus_edge_date`, {
      method: 'PUT',
      token: clerk,
      json: {
        name: 'x',
        type: 'individual',
        tier: 'standard',
        phone: '13812345678',
        account: { arrearsFen: 0, balanceFen: 0, agreementEndsAt: '2030-01-01T00:00:00+14:00' },
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBeLessThan(300);
    expect(ok.body.account.agreementEndsAt).toBe('2029-12-31T10:00:00.000Z');
  });

  test('calendar days out of range → 400', async () => {
    for (const day of ['0000-01-01', '3000-01-01', '2031-02-29']) {
      const r = await fetchJson(`${stack.api.url}/v1/calendar/${day}`, { token: sup });
      expectProblem(r, 400);
      expect(r.body.errors[0].path).toBe('params/day');
    }
  });
});

describe('cursors', () => {
  test('a well-formed cursor whose content is not a sort key → 400', async () => {
    const forged = [
      'eyJ0IjoiOTk5OS05OS05OSA5OTo5OTo5OSIsImlkIjoieCJ9', // {"t":"9999-99-99 99:99:99","id":"x"}
      encodeCursor({ t: '0000-01-01 00:00:00+00', id: 'x' }),
      encodeCursor({ t: '2026-01-01 00:00:00+00', id: 'x\u0000' }),
      encodeCursor({ t: '2026-01-01 00:00:00+00', id: 'x'.repeat(65) }),
      Buffer.from('[1,2]').toString('base64url'),
    ];
    for (const cursor of forged) {
      for (const path of ['/v1/orders', '/v1/tasks']) {
        const r = await fetchJson(`${stack.api.url}${path}?cursor=${cursor}`, { token: sup });
        expectProblem(r, 400);
        expect(r.body.errors).toEqual([{ path: 'querystring/cursor', message: 'is invalid' }]);
      }
    }
    // The cursors the service issues still work.
    const first = await fetchJson(`${stack.api.url}/v1/orders?limit=1`, { token: sup });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect((await fetchJson(`${stack.api.url}/v1/orders?limit=1&cursor=${first.body.nextCursor}`, { token: sup })).status).toBe(200);
  });
});

describe('errors raised before a route runs are problems', () => {
  test('bad percent-encoding in the path → 400', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders/%ZZ`, { token: sup });
    expectProblem(r, 400);
  });

  test('an id longer than any id → 404, as for any unknown id', async () => {
    for (const n of [65, 101, 999, 5000]) {
      const r = await fetchJson(`${stack.api.url}/v1/orders/${'x'.repeat(n)}`, { token: sup });
      expectProblem(r, 404);
      const t = await fetchJson(`${stack.api.url}/v1/tasks/${'x'.repeat(n)}/claim`, { method: 'POST', token: sup });
      expectProblem(t, 404);
    }
  });

  test('headers over 16 KB → 431 problem', async () => {
    const { pathname, host } = new URL(`${stack.api.url}/v1/orders`);
    const r = await rawRequest(stack.api.url, `GET ${pathname} HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(r.body)).toMatchObject({ status: 431, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
  });

  test('a request that is not HTTP → 400 problem', async () => {
    const r = await rawRequest(stack.api.url, 'GET /v1/orders HTTP/1.1\r\nHost: x\r\nBad Header\u0001: y\r\n\r\n');
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('timeouts', () => {
  let slow: TestApi;
  beforeAll(async () => {
    slow = await startTestApi('no-worker', { requestTimeoutMs: 1000, headersTimeoutMs: 500 });
  });
  afterAll(() => slow?.close());

  test('a body shorter than its Content-Length does not hold the connection: 408 problem', async () => {
    const token = await slow.token('clerk-slow', ['frontoffice']);
    const head = [
      'POST /v1/orders HTTP/1.1',
      'Host: localhost',
      `Authorization: Bearer ${token}`,
      'Content-Type: application/json',
      'Content-Length: 1000',
    ].join('\r\n');
    const r = await rawRequest(slow.url, `${head}\r\n\r\n{"type":"refund"`);
    expect(r.status).toBe(408);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(r.body)).toMatchObject({ status: 408 });
    expect(r.ms).toBeLessThan(5000);
  });

  test('headers that never end do not hold the connection either', async () => {
    const r = await rawRequest(slow.url, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
    expect(r.status).toBe(408);
    expect(r.ms).toBeLessThan(5000);
  });
});
