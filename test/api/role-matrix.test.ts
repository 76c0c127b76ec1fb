/**
 * Every operation of the served OpenAPI document × every role, against the
 * contract (/work/shared/design/api-contract.md, "Authentication and
 * roles"; README for what the contract leaves to the service): a role the
 * contract does not allow gets 403, one it allows never does, a request
 * without a token gets 401. The table below is the contract, written apart
 * from the code: an operation the table does not cover fails the test, so
 * a new route states who may call it. Then the rows the route alone cannot
 * decide: who may complete a task (the role it names; never an admin when
 * it approves money) and who may read a case (read-all roles, its creator,
 * nobody else: 404).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { ROLES, type Role } from '../../src/domain/roles';
import { refundBody } from '../fixtures/refund';
import { fetchJson, putCustomer, useTestApi, waitForTask } from '../support/api';

const stack = useTestApi({ worker: true });

const CREATORS: Role[] = ['frontoffice', 'agent', 'admin'];
const READ_ALL: Role[] = ['operator', 'supervisor', 'branch_leader', 'general_manager', 'admin'];
/** Cancelling a case: those who open or decide on cases; operators only read, technicians work visits (README, src/domain/roles.ts). */
const CANCELLERS: Role[] = ['frontoffice', 'agent', 'admin', 'supervisor', 'branch_leader', 'general_manager'];
const EVERYONE: Role[] = [...ROLES];

/** Who may call an operation: `public` needs no token; otherwise the roles. First matching rule wins. */
const CONTRACT: Array<[RegExp, Role[] | 'public']> = [
  [/^GET \/(healthz|readyz)$/, 'public'],
  [/^GET \/v1\/console\/config$/, 'public'],
  [/^POST \/v1\/dev\/token$/, 'public'],
  // Customers: write frontoffice, admin; everyone reads (masked for those who do not serve the customer).
  [/^PUT \/v1\/customers\/\{id\}$/, ['frontoffice', 'admin']],
  [/^GET \/v1\/customers\/\{id\}$/, EVERYONE],
  // Cases: created by frontoffice, agent, admin; read by everyone (what each may see is the case's business).
  [/^POST \/v1\/(orders|complaints)$/, CREATORS],
  [/^POST \/v1\/(orders|complaints)\/\{id\}\/cancel$/, CANCELLERS],
  [/^GET \/v1\/(orders|complaints)(\/\{id\}(\/events)?)?$/, EVERYONE],
  // The inbox: everyone; completing is decided by the task (below).
  [/^(GET|POST) \/v1\/tasks(\/\{id\}(\/(claim|release|complete))?)?$/, EVERYONE],
  // Policies and the calendar: admin writes; the roles that read everything read them.
  [/^GET \/v1\/(policies|calendar)(\/.*)?$/, READ_ALL],
  [/^PUT \/v1\/(policies|calendar)\/.+$/, ['admin']],
  // Hub subscribers: admin and front-office systems (README, "Events to other systems").
  [/^(GET|POST|DELETE) \/v1\/hub(\/\{id\}(\/resume)?)?$/, ['admin', 'frontoffice']],
  // The built-in network and inventory are loaded by an admin (README, "Trying every path").
  [/^PUT \/v1\/(network\/line-tests\/\{serviceId\}|inventory\/ports)$/, ['admin']],
  // Dashboards: the roles that read every case.
  [/^GET \/v1\/(reports\/overview|churn)$/, READ_ALL],
];

interface Operation {
  method: string;
  path: string;
}

let operations: Operation[] = [];
const tokens = new Map<Role | 'none', string>();

beforeAll(async () => {
  const doc = (await fetchJson(`${stack.api.url}/openapi.json`)).body;
  operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  for (const role of ROLES) tokens.set(role, await stack.api.token(`rm-${role}`, [role]));
  tokens.set('none', await stack.api.token('rm-none', []));
});

const allowedFor = ({ method, path }: Operation) => CONTRACT.find(([pattern]) => pattern.test(`${method} ${path}`))?.[1];

/** A request that reaches the role check: ids that exist nowhere, an empty body where one is sent. */
async function call({ method, path }: Operation, token?: string) {
  const url = stack.api.url + path.replace(/\{day\}/, '2026-01-05').replace(/\{key\}/, 'refund.approval').replace(/\{(\w+)\}/g, 'rm_nobody');
  const r = await fetchJson(url, { method, token, ...(method === 'GET' || method === 'DELETE' ? {} : { json: {} }) });
  return r.status;
}

describe('the role matrix', () => {
  test('the contract names who may call every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    expect(operations.filter((op) => allowedFor(op) === undefined).map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });

  test('every operation × every role: 403 exactly for the roles the contract does not allow; 401 without a token', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const op of operations) {
      const allowed = allowedFor(op)!;
      const cases: Array<[Role | 'none' | 'no token', string | undefined]> = [['no token', undefined], ...[...tokens].map(([who, t]) => [who, t] as [Role | 'none', string])];
      const statuses = await Promise.all(cases.map(([, token]) => call(op, token)));
      cases.forEach(([who], i) => {
        const status = statuses[i]!;
        checked++;
        const expected =
          allowed === 'public'
            ? 'not 401/403'
            : who === 'no token'
              ? '401'
              : who !== 'none' && allowed.includes(who)
                ? 'not 401/403'
                : '403';
        const ok = status < 500 && (expected === 'not 401/403' ? status !== 401 && status !== 403 : status === Number(expected));
        if (!ok) wrong.push(`${op.method} ${op.path} as ${who}: ${status}, expected ${expected}`);
      });
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(operations.length * (ROLES.length + 2));
  });

  test('a task is completed only by the role it names; an admin never approves money, whatever else they hold', async () => {
    const { api } = stack;
    const customerId = await putCustomer(api);
    const clerk = await api.token('rm-clerk', ['frontoffice']);
    const opened = await fetchJson(`${api.url}/v1/orders`, { token: clerk, json: refundBody(customerId) });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const supervisor = await api.token('rm-sup', ['supervisor']);
    const task = await waitForTask(api, supervisor, opened.body.id, 'approve_refund');
    expect(task).toMatchObject({ role: 'supervisor', approvesMoney: true });

    const attempt = async (roles: Role[]) =>
      (await fetchJson(`${api.url}/v1/tasks/${task.id}/complete`, { token: await api.token(`rm-${roles.join('-')}`, roles), json: { outcome: 'not-an-outcome' } })).status;
    const byRole = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await attempt([role])] as const)));
    // The supervisor gets past authority to the outcome check (422); the other roles that see every case are refused;
    // to the rest the task of a case they may not see does not exist.
    expect(byRole).toEqual(Object.fromEntries(ROLES.map((role) => [role, role === 'supervisor' ? 422 : READ_ALL.includes(role) ? 403 : 404])));
    expect(await attempt(['supervisor', 'admin'])).toBe(403);
  });

  test('a case is read by the roles that read everything and by its creator; to anyone else it does not exist', async () => {
    const { api } = stack;
    const customerId = await putCustomer(api);
    const creator = await api.token('rm-creator', ['frontoffice']);
    const opened = await fetchJson(`${api.url}/v1/orders`, { token: creator, json: refundBody(customerId) });
    expect(opened.status).toBe(201);
    const read = async (token: string) =>
      Promise.all(['', '/events'].map(async (tail) => (await fetchJson(`${api.url}/v1/orders/${opened.body.id}${tail}`, { token })).status));
    expect(await read(creator)).toEqual([200, 200]);
    for (const role of ROLES) {
      const expected = READ_ALL.includes(role) ? 200 : 404;
      expect(await read(await api.token(`rm-other-${role}`, [role])), role).toEqual([expected, expected]);
    }
  });
});
