import { beforeAll, describe, expect, test } from 'vitest';
import { ORDER_TYPES } from '../../src/domain/case';
import { processOf } from '../../src/processes/index';
import { refundBody } from '../fixtures/refund';
import { fetchJson, putCustomer, useTestApi } from '../support/api';

const stack = useTestApi();

let clerk: string;
let customerId: string;

beforeAll(async () => {
  // No worker: every request here is refused before a workflow would start.
  clerk = await stack.api.token('clerk-1', ['frontoffice']);
  customerId = await putCustomer(stack.api);
});

function expectProblem(r: { status: number; contentType: string; body: any }, status: number): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.contentType).toMatch(/^application\/problem\+json/);
  expect(r.body.status).toBe(status);
}

describe('request validation', () => {
  test('malformed JSON → 400', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`, {
      token: clerk,
      raw: '{"type": "refund",',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(r, 400);
  });

  test('wrong types are refused, never coerced', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId, { amountFen: '100' }) });
    expectProblem(r, 400);
    expect(r.body.errors).toContainEqual({ path: 'body/amountFen', message: expect.any(String) });

    const r2 = await fetchJson(`${stack.api.url}/v1/orders`, {
      token: clerk,
      json: refundBody(customerId, { invoice: { provided: 'true' } }),
    });
    expectProblem(r2, 400);
    expect(r2.body.errors.map((e: any) => e.path)).toContain('body/invoice/provided');
  });

  test('non-integer and out-of-range amounts → 400', async () => {
    for (const amountFen of [10.5, 0, -1, 100_000_001]) {
      const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId, { amountFen }) });
      expectProblem(r, 400);
    }
  });

  test('unknown fields → 400 naming the field', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId, { discount: 5 }) });
    expectProblem(r, 400);
    expect(r.body.errors).toContainEqual({ path: 'body/discount', message: expect.stringMatching(/not allowed/) });

    const nested = await fetchJson(`${stack.api.url}/v1/orders`, {
      token: clerk,
      json: refundBody(customerId, { invoice: { provided: true, extra: 1 } }),
    });
    expectProblem(nested, 400);
    expect(nested.body.errors.map((e: any) => e.path)).toContain('body/invoice/extra');
  });

  test('missing fields and bad enum values → 400', async () => {
    const { description: _d, ...noDescription } = refundBody(customerId);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: noDescription });
    expectProblem(r, 400);
    expect(r.body.errors).toContainEqual({ path: 'body/description', message: 'is required' });

    const bad = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId, { cause: 'greed' }) });
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: any) => e.path)).toContain('body/cause');
  });

  test('an unknown order type → 400; a known type without a running process → 422', async () => {
    const unknown = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: { type: 'teleport', customerId } });
    expectProblem(unknown, 400);
    expect(unknown.body.errors).toEqual([{ path: 'body/type', message: '"teleport" is not a known type' }]);
    // Every type whose process has not shipped yet (fewer as processes ship).
    for (const type of ORDER_TYPES.filter((t) => !processOf(t))) {
      const later = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: { type, customerId } });
      expectProblem(later, 422);
      expect(later.body.detail).toContain(type);
    }
  });

  test('an unknown customer → 422', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody('cus_nobody') });
    expectProblem(r, 422);
    expect(r.body.errors).toContainEqual({ path: 'body/customerId', message: expect.any(String) });
  });

  test('a body over the limit → 413', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`, {
      token: clerk,
      json: refundBody(customerId, { description: 'x'.repeat(stack.api.config.bodyLimit + 10) }),
    });
    expectProblem(r, 413);
  });

  test('a body that is not JSON → 415', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`, {
      token: clerk,
      raw: 'type=refund',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(r, 415);
    const text = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, raw: 'hello', headers: { 'content-type': 'text/plain' } });
    expectProblem(text, 415);
  });

  test('list limits: coerced from the query string, 1..200', async () => {
    const ok = await fetchJson(`${stack.api.url}/v1/orders?limit=2`, { token: clerk });
    expect(ok.status).toBe(200);
    for (const q of ['limit=201', 'limit=0', 'limit=abc', 'limit=1.5']) {
      expectProblem(await fetchJson(`${stack.api.url}/v1/orders?${q}`, { token: clerk }), 400);
    }
    expectProblem(await fetchJson(`${stack.api.url}/v1/orders?cursor=garbage`, { token: clerk }), 400);
    expectProblem(await fetchJson(`${stack.api.url}/v1/tasks?limit=1000`, { token: clerk }), 400);
  });

  test('ids in paths are checked: one that cannot be an id is unknown (404), except where a PUT names it (400)', async () => {
    expectProblem(await fetchJson(`${stack.api.url}/v1/orders/${'x'.repeat(65)}`, { token: clerk }), 404);
    expectProblem(await fetchJson(`${stack.api.url}/v1/orders/bad!id`, { token: clerk }), 404);
    const put = await fetchJson(`${stack.api.url}/v1/customers/bad!id`, { method: 'PUT', token: clerk, json: {} });
    expectProblem(put, 400);
    expect(put.body.errors.map((e: any) => e.path)).toContain('params/id');
  });

  test('a bad Idempotency-Key → 400', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/orders`, {
      token: clerk,
      json: refundBody(customerId),
      headers: { 'idempotency-key': 'x'.repeat(201) },
    });
    expectProblem(r, 400);
  });
});
