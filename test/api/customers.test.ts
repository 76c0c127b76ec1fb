import { describe, expect, test } from 'vitest';
import { fetchJson, useTestApi } from '../support/api';
import { testDb } from '../support/stack';

const stack = useTestApi();



const customer = (overrides: Record<string, unknown> = {}) => ({
  name: '李四',
  type: 'group',
  tier: 'A1',
  phone: '13912345678',
  idNumber: '110101199003071234',
  account: {
    arrearsFen: 0,
    balanceFen: -500,
    monthlyRevenueFen: 880000,
    agreementEndsAt: '2027-06-30T16:00:00Z',
    noArrearsSinceMonths: 24,
    paymentMethod: 'bank_transfer',
  },
  services: [
    { id: 'svc-a', kind: 'broadband', address: '8 Jiefang Rd', region: 'urban', number: '02811112222', status: 'active' },
    { id: 'svc-b', kind: 'fixed_line', address: '9 Village Rd', region: 'rural', status: 'active' },
  ],
  ...overrides,
});

describe('customers', () => {
  test('PUT creates (201) then replaces (200); services are replaced, number_change_blocked kept', async () => {
    const id = `cus_${Date.now()}`;
    const svc = (s: string) => `${id}-${s}`;
    const body = customer({
      services: [
        { id: svc('a'), kind: 'broadband', address: '8 Jiefang Rd', region: 'urban', number: '02811112222', status: 'active' },
        { id: svc('b'), kind: 'fixed_line', address: '9 Village Rd', region: 'rural', status: 'active' },
      ],
    });
    const fo = await stack.api.token('clerk-1', ['frontoffice']);
    const created = await fetchJson(`${stack.api.url}/v1/customers/${id}`, { method: 'PUT', token: fo, json: body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      id,
      name: '李四',
      tier: 'A1',
      phone: '13912345678',
      masked: false,
      account: { balanceFen: -500, agreementEndsAt: '2027-06-30T16:00:00.000Z', paymentMethod: 'bank_transfer' },
    });
    expect(created.body.services.map((s: any) => s.id)).toEqual([svc('a'), svc('b')]);

    await testDb().updateTable('services').set({ number_change_blocked: true }).where('id', '=', svc('a')).execute();

    const admin = await stack.api.token('admin-1', ['admin']);
    const replaced = await fetchJson(`${stack.api.url}/v1/customers/${id}`, {
      method: 'PUT',
      token: admin,
      json: customer({
        tier: 'A2',
        services: [{ id: svc('a'), kind: 'broadband', address: '10 Jiefang Rd', region: 'urban', number: '02811112222', status: 'active' }],
      }),
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.tier).toBe('A2');
    expect(replaced.body.services).toEqual([
      expect.objectContaining({ id: svc('a'), address: '10 Jiefang Rd', numberChangeBlocked: true }),
    ]);

    // Without `services` the services stay as they are.
    const { services: _s, ...noServices } = customer();
    const kept = await fetchJson(`${stack.api.url}/v1/customers/${id}`, { method: 'PUT', token: admin, json: noServices });
    expect(kept.status).toBe(200);
    expect(kept.body.services).toHaveLength(1);
  });

  test('GET masks phone, idNumber and line numbers for roles that do not serve the customer', async () => {
    const id = `cus_mask_${Date.now()}`;
    const fo = await stack.api.token('clerk-1', ['frontoffice']);
    const services = [{ id: `svc_${id}`, kind: 'fixed_line', address: '8 Jiefang Rd', region: 'urban', number: '02811112222', status: 'active' }];
    expect((await fetchJson(`${stack.api.url}/v1/customers/${id}`, { method: 'PUT', token: fo, json: customer({ services }) })).status).toBe(201);

    for (const role of ['frontoffice', 'agent', 'technician', 'admin']) {
      const r = await fetchJson(`${stack.api.url}/v1/customers/${id}`, { token: await stack.api.token(`u-${role}`, [role]) });
      expect(r.status).toBe(200);
      expect(r.body, role).toMatchObject({ phone: '13912345678', idNumber: '110101199003071234', masked: false });
      expect(r.body.services[0].number, role).toBe('02811112222');
    }
    for (const role of ['operator', 'supervisor', 'branch_leader', 'general_manager']) {
      const r = await fetchJson(`${stack.api.url}/v1/customers/${id}`, { token: await stack.api.token(`u-${role}`, [role]) });
      expect(r.status).toBe(200);
      expect(r.body, role).toMatchObject({ phone: '139****5678', idNumber: '110101********1234', masked: true });
      expect(r.body.services[0].number, role).toBe('028****2222');
      expect(JSON.stringify(r.body)).not.toMatch(/13912345678|02811112222/);
    }
  });

  test('writes need frontoffice or admin; bad input is refused', async () => {
    const id = `cus_w_${Date.now()}`;
    const sup = await stack.api.token('sup-1', ['supervisor']);
    expect((await fetchJson(`${stack.api.url}/v1/customers/${id}`, { method: 'PUT', token: sup, json: customer() })).status).toBe(403);
    const fo = await stack.api.token('clerk-1', ['frontoffice']);
    const put = (json: unknown, path = id) => fetchJson(`${stack.api.url}/v1/customers/${path}`, { method: 'PUT', token: fo, json });
    expect((await put(customer({ tier: 'platinum' }))).status).toBe(400);
    expect((await put(customer({ account: { arrearsFen: 1.5, balanceFen: 0 } }))).status).toBe(400);
    expect((await put(customer({ account: { arrearsFen: '0', balanceFen: 0 } }))).status).toBe(400);
    expect((await put(customer({ vip: true }))).status).toBe(400);
    expect((await put(customer(), 'bad%20id')).status).toBe(400);
    expect((await fetchJson(`${stack.api.url}/v1/customers/cus_nobody`, { token: fo })).status).toBe(404);
  });
});
