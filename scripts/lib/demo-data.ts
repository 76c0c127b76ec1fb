/**
 * Demo data for the console, written through the public API only: a few
 * customers and refunds in every stage (waiting for co-approval, approval or
 * a finance proof, completed, denied) and one whose approval is about to
 * lapse. Used by `npm run console:screenshots`.
 */
import { eventually } from '../../test/support/cases';
import type { Person as DemoPerson } from '../../test/support/browser';

export const DEMO_PEOPLE = {
  clerk: { sub: 'clerk-zhao', name: '赵丽', roles: ['frontoffice'] },
  supervisor: { sub: 'sup-wang', name: '王芳', roles: ['supervisor'] },
  branchLeader: { sub: 'bl-liu', name: '刘洋', roles: ['branch_leader'] },
  generalManager: { sub: 'gm-zhou', name: '周建国', roles: ['general_manager'] },
  operator: { sub: 'ops-li', name: '李明', roles: ['operator'] },
  admin: { sub: 'admin-sun', name: '孙强', roles: ['admin'] },
} satisfies Record<string, DemoPerson>;

const CUSTOMERS: Array<[name: string, tier: string, phone: string]> = [
  ['张伟', 'standard', '13812345678'],
  ['李娜', 'gold', '13923456789'],
  ['王磊', 'standard', '13734567890'],
  ['刘芳', 'silver', '13645678901'],
  ['陈静', 'diamond', '13556789012'],
  ['杨洋', 'standard', '13467890123'],
  ['成都锦江商贸有限公司', 'B1', '02887654321'],
  ['赵强', 'standard', '13378901234'],
  ['黄敏', 'gold', '13289012345'],
  ['周杰', 'standard', '13190123456'],
  ['吴婷', 'silver', '15001234567'],
  ['徐浩', 'standard', '15112345678'],
];

interface Refund {
  amountFen: number;
  cause: string;
  description: string;
  invoice?: { provided: boolean; number?: string };
  /** Decisions in order, by whoever the task names: 'approve', or 'deny' with the reason. */
  decide?: Array<'approve' | 'deny'>;
}

const REFUNDS: Refund[] = [
  { amountFen: 15000, cause: 'billing_error', description: '10月账单重复计收宽带月租' },
  { amountFen: 9900, cause: 'other', description: '套餐变更后多收一个月功能费' },
  { amountFen: 3000, cause: 'line_fault', description: '光缆中断三天，按天退还月租' },
  { amountFen: 4500, cause: 'one_time_fee', description: '装机调测费重复收取', invoice: { provided: false } },
  { amountFen: 2000, cause: 'late_fee_waiver', description: '银行代扣失败产生的滞纳金' },
  { amountFen: 20000, cause: 'roaming_deposit', description: '国际漫游押金退还', decide: ['approve'] },
  { amountFen: 12000, cause: 'one_time_fee', description: '移机费误收', decide: ['approve', 'approve', 'approve'] },
  { amountFen: 45000, cause: 'service_problem', description: '承诺提速未兑现，退还差价', decide: ['approve', 'approve', 'approve'] },
  { amountFen: 5000, cause: 'other', description: '营业厅收费系统误操作', decide: ['approve'] },
  { amountFen: 8800, cause: 'billing_error', description: '计费系统套餐配置错误', decide: ['approve', 'approve'] },
  { amountFen: 3000, cause: 'other', description: '客户要求退还已使用的流量包', decide: ['deny'] },
];

export class DemoApi {
  private tokens = new Map<string, string>();

  constructor(readonly base: string) {}

  async call<T = any>(method: string, path: string, person: DemoPerson, body?: unknown): Promise<T> {
    const res = await fetch(this.base + path, {
      method,
      headers: { authorization: `Bearer ${await this.token(person)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A development token (POST /v1/dev/token): the stack must sign with the development secret. */
  async token(person: DemoPerson): Promise<string> {
    let token = this.tokens.get(person.sub);
    if (!token) {
      const res = await fetch(`${this.base}/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(person),
      });
      if (res.status !== 200) throw new Error(`POST /v1/dev/token → ${res.status}: the stack must run with the development secret`);
      token = ((await res.json()) as { token: string }).token;
      this.tokens.set(person.sub, token);
    }
    return token;
  }

  /** The case's next open task, or undefined once the case is finished. */
  async nextTask(caseId: string): Promise<any | undefined> {
    return eventually(`the next step of ${caseId}`, async () => {
      const { items } = await this.call<{ items: any[] }>('GET', `/v1/tasks?caseId=${caseId}`, DEMO_PEOPLE.operator);
      if (items[0]) return { task: items[0] };
      const order = await this.call('GET', `/v1/orders/${caseId}`, DEMO_PEOPLE.operator);
      return ['completed', 'rejected', 'cancelled', 'failed'].includes(order.state) ? { task: undefined } : undefined;
    }).then((r) => r.task);
  }

  async openRefund(customerId: string, refund: Refund): Promise<string> {
    const order = await this.call<{ id: string }>('POST', '/v1/orders', DEMO_PEOPLE.clerk, {
      type: 'refund',
      customerId,
      amountFen: refund.amountFen,
      cause: refund.cause,
      description: refund.description,
      invoice: refund.invoice ?? { provided: true, number: `FP-2026-${String(refund.amountFen).padStart(6, '0')}` },
    });
    return order.id;
  }
}

const approverFor = (role: string): DemoPerson =>
  ({ supervisor: DEMO_PEOPLE.supervisor, branch_leader: DEMO_PEOPLE.branchLeader, general_manager: DEMO_PEOPLE.generalManager })[role] ??
  DEMO_PEOPLE.supervisor;

export async function seedCustomers(demo: DemoApi): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, [name, tier, phone]] of CUSTOMERS.entries()) {
    const id = `cus_demo_${String(i + 1).padStart(2, '0')}`;
    await demo.call('PUT', `/v1/customers/${id}`, DEMO_PEOPLE.clerk, {
      name,
      type: tier.match(/^[ABC]/) ? 'group' : 'individual',
      tier,
      phone,
      idNumber: `5101041988${String(1000 + i).padStart(4, '0')}123${i % 10}`,
      account: { arrearsFen: 0, balanceFen: 8800 + i * 1000, monthlyRevenueFen: 12900, noArrearsSinceMonths: 12, paymentMethod: 'wechat_pay' },
      services: [{ id: `svc_demo_${i + 1}`, kind: 'broadband', address: `成都市锦江区红星路${i + 10}号`, region: 'urban', number: `0288${String(1234567 + i)}`, status: 'active' }],
    });
    ids.push(id);
  }
  return ids;
}

/** Refunds in every stage; resolves once the decided ones are finished. */
export async function seedRefunds(demo: DemoApi, customers: string[]): Promise<string[]> {
  return Promise.all(
    REFUNDS.map(async (refund, i) => {
      const id = await demo.openRefund(customers[i + 1]!, refund);
      for (const outcome of refund.decide ?? []) {
        const task = await demo.nextTask(id);
        if (!task) break;
        const body = outcome === 'deny' ? { outcome, data: { reason: '流量包已使用，不符合退费条件' } } : { outcome };
        await demo.call('POST', `/v1/tasks/${task.id}/complete`, approverFor(task.role), body);
      }
      return id;
    }),
  );
}
