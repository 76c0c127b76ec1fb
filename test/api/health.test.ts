import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import { describe, expect, test } from 'vitest';
import { buildApp } from '../../src/api/app';
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db/index';
import { fetchJson, putCustomer, useTestApi } from '../support/api';
import { testClient, testDb } from '../support/stack';

const stack = useTestApi();



describe('operational endpoints (no token)', () => {
  test('GET /healthz is 200', async () => {
    const r = await fetchJson(`${stack.api.url}/healthz`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  test('GET /readyz is 200 when Postgres and Temporal answer', async () => {
    const r = await fetchJson(`${stack.api.url}/readyz`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ready' });
  });

  test('GET /metrics exposes the request histogram labelled by route template', async () => {
    await fetchJson(`${stack.api.url}/healthz`);
    const token = await stack.api.token('ops-1', ['operator']);
    await fetchJson(`${stack.api.url}/v1/orders/ord_doesnotexist`, { token });
    const r = await fetchJson(`${stack.api.url}/metrics`);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/text\/plain/);
    const text = r.body as string;
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/healthz"/);
    expect(text).toMatch(/route="\/v1\/orders\/:id"[^}]*status_code="404"/);
    expect(text).not.toContain('ord_doesnotexist');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  test('GET /openapi.json describes the v1 API with bearer security', async () => {
    const r = await fetchJson(`${stack.api.url}/openapi.json`);
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining(['/v1/orders', '/v1/orders/{id}', '/v1/tasks/{id}/complete', '/v1/customers/{id}', '/v1/policies/sla/{key}']),
    );
    expect(r.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  test('GET /docs serves the UI', async () => {
    const r = await fetch(`${stack.api.url}/docs`, { redirect: 'follow' });
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(/swagger/i);
  });

  test('X-Request-Id is honoured and echoed; otherwise one is generated', async () => {
    const r1 = await fetchJson(`${stack.api.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(r1.headers.get('x-request-id')).toBe('abc-123');
    const r2 = await fetchJson(`${stack.api.url}/healthz`);
    expect(r2.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('unknown routes are 404 problem+json', async () => {
    const r = await fetchJson(`${stack.api.url}/nope`);
    expect(r.status).toBe(404);
    expect(r.contentType).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ status: 404, title: 'Not Found' });
  });
});

describe('readiness when a dependency is down', () => {
  test('503 problem+json naming Postgres and Temporal', async () => {
    const db = createDb('postgres://nobody:nothing@127.0.0.1:1/none', 1);
    // No retry interceptor: a retry timer outliving the closed channel would throw after the test.
    const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: '1s', interceptors: [] });
    const app = await buildApp({
      config: { ...loadConfig({}), logLevel: 'silent' },
      db,
      temporal: new Client({ connection }),
      logger: false,
    });
    try {
      const started = Date.now();
      const r = await app.inject({ method: 'GET', url: '/readyz' });
      // It answers instead of hanging on the dead dependencies (the checks time out after 2 s each, side by side).
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.statusCode).toBe(503);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = r.json();
      expect(body.detail).toMatch(/postgres/);
      expect(body.detail).toMatch(/temporal/);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.destroy();
      await connection.close().catch(() => undefined);
    }
  });

  test('only Postgres down: 503 names postgres only', async () => {
    const db = createDb('postgres://nobody:nothing@127.0.0.1:1/none', 1);
    const app = await buildApp({ config: { ...loadConfig({}), logLevel: 'silent' }, db, temporal: testClient(), logger: false });
    try {
      const r = await app.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json().detail).toMatch(/postgres/);
      expect(r.json().detail).not.toMatch(/temporal/);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});

describe('logging', () => {
  test('logs carry request ids but no tokens, phone or identity numbers', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = { ...loadConfig({}), jwtSecret: stack.api.config.jwtSecret, logLevel: 'debug' };
    const app = await buildApp({ config, db: testDb(), temporal: testClient(), logger: { level: 'debug', stream } });
    try {
      const token = await stack.api.token('clerk-log', ['frontoffice']);
      const id = await putCustomer(stack.api);
      const r = await app.inject({
        method: 'PUT',
        url: `/v1/customers/${id}`,
        headers: { authorization: `Bearer ${token}`, 'x-request-id': 'log-test-1' },
        payload: {
          name: 'x',
          type: 'individual',
          tier: 'standard',
          phone: '13800001111',
          idNumber: '110101199912319999',
          account: { arrearsFen: 0, balanceFen: 0 },
        },
      });
      expect(r.statusCode).toBe(200);
      const all = lines.join('');
      expect(all).toContain('log-test-1');
      expect(all).not.toContain(token);
      expect(all).not.toContain('13800001111');
      expect(all).not.toContain('110101199912319999');
    } finally {
      await app.close();
    }
  });
});
