import { beforeAll, describe, expect, test } from 'vitest';
import { fetchJson, putCustomer, useTestApi, waitForTask } from '../support/api';
import { refundBody } from '../fixtures/refund';

const stack = useTestApi({ worker: true });

let clerk: string;
let supervisor: string;

beforeAll(async () => {
  clerk = await stack.api.token('clerk-inbox', ['frontoffice']);
  supervisor = await stack.api.token('sup-inbox', ['supervisor']);
});

async function openRefund(overrides: Record<string, unknown> = {}): Promise<string> {
  const customerId = await putCustomer(stack.api);
  const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customerId, overrides) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

const inbox = async (query: string) => {
  const r = await fetchJson(`${stack.api.url}/v1/tasks?${query}`, { token: supervisor });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { items: any[]; nextCursor: string | null };
};

describe('the inbox: filters by kind and case type, soonest due first', () => {
  test('sort=dueAt puts the soonest due first and tasks without a due time last; each carries its jeopardy time', async () => {
    // An approval (due after refund.approval) and a finance proof (no due time).
    const approvalCase = await openRefund();
    const proofCase = await openRefund({ invoice: { provided: false } });
    const approval = await waitForTask(stack.api, supervisor, approvalCase, 'approve_refund');
    await waitForTask(stack.api, supervisor, proofCase, 'finance_proof');

    expect(approval.dueAt).not.toBeNull();
    // Jeopardy at 75 % of refund.approval's duration.
    const [created, due, jeopardy] = [approval.createdAt, approval.dueAt, approval.jeopardyAt].map((t: string) => Date.parse(t));
    expect(jeopardy - created).toBeCloseTo(0.75 * (due - created), -3);

    const all = (await inbox('sort=dueAt&limit=200')).items;
    const dues = all.map((t) => (t.dueAt === null ? Infinity : Date.parse(t.dueAt)));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(all.map((t) => t.id)).toEqual(expect.arrayContaining([approval.id]));
    expect(all.findIndex((t) => t.caseId === proofCase)).toBeGreaterThan(all.findIndex((t) => t.id === approval.id));

    // Keyset pages under sort=dueAt give the same order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: any[]; nextCursor: string | null } = await inbox(`sort=dueAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((t) => t.id));
  });

  test('kind and caseType narrow the inbox', async () => {
    const proofCase = await openRefund({ invoice: { provided: false } });
    const proof = await waitForTask(stack.api, supervisor, proofCase, 'finance_proof');
    const proofs = (await inbox('kind=finance_proof&limit=200')).items;
    expect(proofs.map((t) => t.id)).toContain(proof.id);
    expect(proofs.every((t) => t.kind === 'finance_proof')).toBe(true);
    expect((await inbox('kind=approve_refund&limit=200')).items.map((t) => t.id)).not.toContain(proof.id);
    expect((await inbox('caseType=refund&limit=200')).items.map((t) => t.id)).toContain(proof.id);
    expect((await inbox('caseType=new_install')).items).toEqual([]);
    expect((await fetchJson(`${stack.api.url}/v1/tasks?sort=priority`, { token: supervisor })).status).toBe(400);
    // GET /v1/tasks/{id} carries the jeopardy time too (null: this task has no clock).
    expect((await fetchJson(`${stack.api.url}/v1/tasks/${proof.id}`, { token: supervisor })).body.jeopardyAt).toBeNull();
  });
});
