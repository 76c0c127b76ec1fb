import { beforeAll, describe, expect, test } from 'vitest';
import { fetchJson, useTestApi } from '../support/api';
import { testDb } from '../support/stack';

const stack = useTestApi();

let admin: string;
let operator: string;

beforeAll(async () => {
  admin = await stack.api.token('admin-1', ['admin']);
  operator = await stack.api.token('ops-1', ['operator']);
});

const put = (path: string, token: string, json: unknown) => fetchJson(`${stack.api.url}${path}`, { method: 'PUT', token, json });

describe('SLA policies', () => {
  test('GET lists the seeded policies for readers; clerks may not read them', async () => {
    const r = await fetchJson(`${stack.api.url}/v1/policies/sla`, { token: operator });
    expect(r.status).toBe(200);
    expect(r.body).toContainEqual({ key: 'refund.approval', duration: expect.any(String), calendar: 'continuous', jeopardyRatio: expect.any(Number) });
    const fo = await stack.api.token('clerk-1', ['frontoffice']);
    expect((await fetchJson(`${stack.api.url}/v1/policies/sla`, { token: fo })).status).toBe(403);
  });

  test('PUT validates: bad durations and ratios 422, unknown keys 404, non-admins 403', async () => {
    const before = (await fetchJson(`${stack.api.url}/v1/policies/sla`, { token: admin })).body.find((p: any) => p.key === 'complaint.escalation');
    try {
      const ok = await put('/v1/policies/sla/complaint.escalation', admin, { duration: 'PT12H', jeopardyRatio: 0.5 });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body).toEqual({ key: 'complaint.escalation', duration: 'PT12H', calendar: before.calendar, jeopardyRatio: 0.5 });

      for (const body of [{ duration: 'P1M' }, { duration: 'soon' }, { duration: 'PT0S' }, { duration: 'PT1H', jeopardyRatio: 1.5 }]) {
        const r = await put('/v1/policies/sla/complaint.escalation', admin, body);
        expect(r.status, JSON.stringify(body)).toBe(422);
        expect(r.contentType).toMatch(/^application\/problem\+json/);
      }
      expect((await put('/v1/policies/sla/complaint.escalation', admin, { duration: 'PT1H', calendar: 'lunar' })).status).toBe(400);
      expect((await put('/v1/policies/sla/complaint.escalation', admin, { duration: 3600 })).status).toBe(400);
      expect((await put('/v1/policies/sla/no.such.key', admin, { duration: 'PT1H' })).status).toBe(404);
      expect((await put('/v1/policies/sla/complaint.escalation', operator, { duration: 'PT1H' })).status).toBe(403);
    } finally {
      await put('/v1/policies/sla/complaint.escalation', admin, {
        duration: before.duration,
        calendar: before.calendar,
        jeopardyRatio: before.jeopardyRatio,
      });
    }
  });
});

describe('refund approval policy', () => {
  test('GET returns the levels; PUT validates them', async () => {
    const before = await fetchJson(`${stack.api.url}/v1/policies/refund-approval`, { token: operator });
    expect(before.status).toBe(200);
    expect(before.body.levels.at(-1)).toEqual({ role: 'general_manager' });
    try {
      const levels = [{ belowFen: 30000, role: 'supervisor' }, { belowFen: 60000, role: 'branch_leader' }, { role: 'general_manager' }];
      const ok = await put('/v1/policies/refund-approval', admin, { levels });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect((await fetchJson(`${stack.api.url}/v1/policies/refund-approval`, { token: admin })).body).toEqual({ levels });

      const unordered = await put('/v1/policies/refund-approval', admin, {
        levels: [{ belowFen: 60000, role: 'supervisor' }, { belowFen: 30000, role: 'branch_leader' }, { role: 'general_manager' }],
      });
      expect(unordered.status).toBe(422);
      expect(unordered.body.errors.length).toBeGreaterThan(0);
      expect((await put('/v1/policies/refund-approval', admin, { levels: [{ belowFen: 100, role: 'frontoffice' }, { role: 'general_manager' }] })).status).toBe(422);
      expect((await put('/v1/policies/refund-approval', admin, { levels: [] })).status).toBe(400);
      expect((await put('/v1/policies/refund-approval', admin, { levels: [{ belowFen: '100', role: 'supervisor' }] })).status).toBe(400);
      expect((await put('/v1/policies/refund-approval', operator, { levels })).status).toBe(403);
    } finally {
      await put('/v1/policies/refund-approval', admin, before.body);
    }
  });
});

describe('working calendar', () => {
  test('a day without an override follows the weekday rule; PUT overrides it', async () => {
    const saturday = await fetchJson(`${stack.api.url}/v1/calendar/2031-01-04`, { token: operator });
    expect(saturday.body).toEqual({ day: '2031-01-04', working: false, note: null, override: false });
    const monday = await fetchJson(`${stack.api.url}/v1/calendar/2031-01-06`, { token: operator });
    expect(monday.body).toMatchObject({ working: true, override: false });

    const makeUp = await put('/v1/calendar/2031-01-04', admin, { working: true, note: '调休 make-up day' });
    expect(makeUp.status).toBe(200);
    expect(makeUp.body).toEqual({ day: '2031-01-04', working: true, note: '调休 make-up day', override: true });
    expect((await fetchJson(`${stack.api.url}/v1/calendar/2031-01-04`, { token: operator })).body).toMatchObject({ working: true, override: true });

    expect((await fetchJson(`${stack.api.url}/v1/calendar/2031-02-30`, { token: operator })).status).toBe(400);
    expect((await fetchJson(`${stack.api.url}/v1/calendar/tomorrow`, { token: operator })).status).toBe(400);
    expect((await put('/v1/calendar/2031-01-05', admin, { working: 'yes' })).status).toBe(400);
    expect((await put('/v1/calendar/2031-01-05', operator, { working: true })).status).toBe(403);
    await testDb().deleteFrom('calendar_days').where('day', 'in', ['2031-01-04', '2031-01-05']).execute();
  });
});

describe('working calendar range', () => {
  test('GET /v1/calendar lists every day of the range with its override or the weekday rule', async () => {
    await put('/v1/calendar/2031-03-01', admin, { working: true, note: '调休' });
    await put('/v1/calendar/2031-03-03', admin, { working: false, note: '节假日' });
    try {
      const r = await fetchJson(`${stack.api.url}/v1/calendar?from=2031-02-28&to=2031-03-03`, { token: operator });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toEqual([
        { day: '2031-02-28', working: true, note: null, override: false },
        { day: '2031-03-01', working: true, note: '调休', override: true },
        { day: '2031-03-02', working: false, note: null, override: false },
        { day: '2031-03-03', working: false, note: '节假日', override: true },
      ]);
      for (const q of ['from=2031-03-03&to=2031-03-01', 'from=2031-01-01&to=2032-02-01', 'from=2031-02-30&to=2031-03-01', 'from=2031-01-01']) {
        expect((await fetchJson(`${stack.api.url}/v1/calendar?${q}`, { token: operator })).status, q).toBe(400);
      }
      const fo = await stack.api.token('clerk-cal', ['frontoffice']);
      expect((await fetchJson(`${stack.api.url}/v1/calendar?from=2031-03-01&to=2031-03-02`, { token: fo })).status).toBe(403);
    } finally {
      await testDb().deleteFrom('calendar_days').where('day', 'in', ['2031-03-01', '2031-03-03']).execute();
    }
  });
});
