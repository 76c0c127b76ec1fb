import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEV_JWT_SECRET } from '../../src/config';
import { fetchJson, startTestApi, useTestApi, type TestApi } from '../support/api';

const dist = await fs.mkdtemp(path.join(os.tmpdir(), 'console-dist-'));
await fs.mkdir(path.join(dist, 'assets'));
await fs.writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Switchboard console</title><div id="root"></div>');
await fs.writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');

// The development secret: the development sign-in is on.
const stack = useTestApi({
  config: { jwtSecret: DEV_JWT_SECRET, temporalUiUrl: 'http://localhost:8233' },
  console: { distDir: dist },
});

afterAll(() => fs.rm(dist, { recursive: true, force: true }));

describe('console configuration and development sign-in', () => {
  test('the config tells the console what it needs before sign-in', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/console/config`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ temporalUiUrl: 'http://localhost:8233', temporalNamespace: 'default', devSignIn: true, caseKinds: ['order', 'complaint'] });
  });

  test('a development token names the person and roles asked for, and the API accepts it', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/dev/token`, { json: { sub: 'sup-7', name: '王主管', roles: ['supervisor'], dept: 'grid-3' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(Date.parse(r.body.expiresAt)).toBeGreaterThan(Date.now() + 7 * 3600_000);
    const claims = JSON.parse(Buffer.from(r.body.token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: 'sup-7', name: '王主管', roles: ['supervisor'], dept: 'grid-3' });
    expect((await fetchJson(`${stack.api.url}/v1/policies/sla`, { token: r.body.token })).status).toBe(200);

    for (const bad of [{ sub: 'x', roles: [] }, { sub: 'x', roles: ['janitor'] }, { roles: ['admin'] }, { sub: 'has space', roles: ['admin'] }]) {
      const refused = await fetchJson(`${stack.api.url}/v1/dev/token`, { json: bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.contentType).toMatch(/^application\/problem\+json/);
    }
  });

  describe('outside development', () => {
    const others: TestApi[] = [];
    beforeAll(async () => {
      others.push(await startTestApi('no-worker', {}, { distDir: dist }));
      others.push(await startTestApi('no-worker', { jwtSecret: DEV_JWT_SECRET, jwksUrl: 'http://127.0.0.1:9/jwks.json' }, { distDir: dist }));
    });
    afterAll(() => Promise.all(others.map((o) => o.close())));

    test('with a configured secret or a JWKS there is no development token (404)', async () => {
      for (const api of others) {
        const r = await fetchJson(`${api.url}/v1/dev/token`, { json: { sub: 'mallory', roles: ['admin'] } });
        expect(r.status).toBe(404);
        expect(r.contentType).toMatch(/^application\/problem\+json/);
        expect((await fetchJson(`${api.url}/v1/console/config`)).body).toMatchObject({ devSignIn: false, temporalUiUrl: null });
      }
    });
  });
});

describe('the console assets', () => {
  test('/console serves the app; client routes fall back to it; assets are cached for good', async () => {
    for (const p of ['/console', '/console/', '/console/inbox', '/console/orders/ord_123']) {
      const r = await fetch(`${stack.api.url}${p}`);
      expect(r.status, p).toBe(200);
      expect(r.headers.get('content-type'), p).toMatch(/^text\/html/);
      expect(r.headers.get('cache-control'), p).toBe('no-cache');
      expect(await r.text(), p).toContain('Switchboard console');
    }
    const asset = await fetch(`${stack.api.url}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  test('a missing asset is a 404 problem, not the app; the API is untouched', async () => {
    const r = await fetchJson(`${stack.api.url}/console/assets/nope.js`);
    expect(r.status).toBe(404);
    expect(r.contentType).toMatch(/^application\/problem\+json/);
    expect((await fetchJson(`${stack.api.url}/v1/orders`)).status).toBe(401);
  });

  test('without a build the console answers a 404 saying how to build it', async () => {
    const api = await startTestApi('no-worker', {}, { distDir: path.join(dist, 'missing') });
    try {
      const r = await fetchJson(`${api.url}/console/inbox`);
      expect(r.status).toBe(404);
      expect(r.body.detail).toContain('npm run console:build');
    } finally {
      await api.close();
    }
  });
});
