import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/index';
import { caseIdPrefix } from '../../src/domain/case';
import type { Actor, Role } from '../../src/domain/roles';
import { insertCaseRecord } from '../../src/store/cases';
import { startCase } from '../../src/temporal/cases';
import type { Client } from '@temporalio/client';
import { completeTaskUpdate, type CaseStart } from '../../workflows/lib/messages';
import type { RefundInput } from '../../src/processes/refund';

export const staff = (sub: string, ...roles: Role[]): Actor => ({ sub, name: sub, roles });

/** A customer with an account in the built-in BSS, unique to the test. */
export async function seedCustomer(
  db: Db,
  account: { agreementEndsAt?: string; paymentMethod?: string; arrearsFen?: number } = {},
): Promise<string> {
  const id = `cus_${randomUUID().slice(0, 12)}`;
  await db
    .insertInto('customers')
    .values({ id, name: '张三', type: 'individual', tier: 'standard', phone: '13812345678', id_number: '110101199003071234' })
    .execute();
  await db
    .insertInto('accounts')
    .values({
      customer_id: id,
      arrears_fen: account.arrearsFen ?? 0,
      balance_fen: 10000,
      monthly_revenue_fen: 12000,
      agreement_ends_at: account.agreementEndsAt ?? null,
      no_arrears_since_months: 12,
      payment_method: account.paymentMethod ?? 'alipay',
    })
    .execute();
  return id;
}

/** A new case as a front-office clerk opens it now. */
export function caseStart<Fields extends object>(type: CaseStart['type'], customerId: string, fields: Fields): CaseStart<Fields> {
  return {
    id: `${caseIdPrefix(type)}${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    type,
    customerId,
    createdBy: staff('clerk-1', 'frontoffice'),
    createdAt: new Date().toISOString(),
    fields,
  };
}

/** Opens a case of a registered process the way the API does: read-model row, then the workflow. */
export async function openCase<Fields extends object>(
  client: Client,
  db: Db,
  taskQueue: string,
  type: CaseStart['type'],
  customerId: string,
  fields: Fields,
): Promise<CaseStart<Fields>> {
  const start = caseStart(type, customerId, fields);
  await insertCaseRecord(db, start);
  await startCase(client, taskQueue, start);
  return start;
}

export const openRefund = (client: Client, db: Db, taskQueue: string, customerId: string, fields: RefundInput) =>
  openCase(client, db, taskQueue, 'refund', customerId, fields);

/** Polls until `check` returns a value; fails with `what` after the deadline. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The case's next open task (optionally of a kind). */
export function openTask(db: Db, caseId: string, kind?: string) {
  return eventually(`an open ${kind ?? ''} task on ${caseId}`, async () => {
    let q = db.selectFrom('tasks').selectAll().where('case_id', '=', caseId).where('state', 'in', ['open', 'claimed']);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('created_at', 'desc').executeTakeFirst();
  });
}

/** A customer's account balance in fen. */
export async function balanceOf(db: Db, customerId: string): Promise<number> {
  return (await db.selectFrom('accounts').select('balance_fen').where('customer_id', '=', customerId).executeTakeFirstOrThrow()).balance_fen;
}

/** Sets an SLA policy for the test and returns a function that puts the old one back. */
export async function withSla(db: Db, key: string, duration: string): Promise<() => Promise<void>> {
  const before = await db.selectFrom('sla_policies').select('duration').where('key', '=', key).executeTakeFirstOrThrow();
  await db.updateTable('sla_policies').set({ duration }).where('key', '=', key).execute();
  return async () => {
    await db.updateTable('sla_policies').set({ duration: before.duration }).where('key', '=', key).execute();
  };
}

/** Sets a policy value for the test and returns a function that puts the old one back. */
export async function withPolicy(db: Db, key: string, value: unknown): Promise<() => Promise<void>> {
  const before = await db.selectFrom('policies').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  await db.updateTable('policies').set({ value: JSON.stringify(value) }).where('key', '=', key).execute();
  return async () => {
    await db.updateTable('policies').set({ value: JSON.stringify(before.value) }).where('key', '=', key).execute();
  };
}

/** A person completes a task through the case's `completeTask` update. */
export function decide(client: Client, caseId: string, taskId: string, actor: Actor, outcome: string, data: Record<string, unknown> = {}) {
  return client.workflow.getHandle(caseId).executeUpdate(completeTaskUpdate, { args: [{ taskId, outcome, data, actor }] });
}
