/** The benchmark's HTTP client: tokens per role, requests spread over the API processes. */
import { signToken } from '../../src/auth/tokens';
import type { Role } from '../../src/domain/roles';
import type { Target } from './target';

export class BenchApi {
  private next = 0;
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly target: Target) {}

  token(roles: Role[], sub = `bench-${roles.join('-')}`): Promise<string> {
    const key = `${sub}:${roles.join(',')}`;
    let token = this.tokens.get(key);
    if (!token) this.tokens.set(key, (token = signToken({ sub, roles }, this.target.jwtSecret)));
    return token;
  }

  /** The parsed body of a 2xx answer; anything else throws with the status and body. */
  async call<T = any>(method: string, path: string, roles: Role[], body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const base = this.target.apiUrls[this.next++ % this.target.apiUrls.length];
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${await this.token(roles)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/**
 * `count` customers `<prefix>-<n>` with an account in good standing, in one
 * statement each (the API's PUT writes the same rows one by one).
 */
export async function seedCustomers(target: Target, prefix: string, count: number): Promise<string[]> {
  const { sql } = await import('kysely');
  await sql`insert into customers (id, name, type, tier, phone)
    select ${prefix} || '-' || n, '测试客户', 'individual', 'standard', '13800000000' from generate_series(0, ${count - 1}::int) n
    on conflict do nothing`.execute(target.db);
  await sql`insert into accounts (customer_id, arrears_fen, balance_fen, payment_method)
    select ${prefix} || '-' || n, 0, 0, 'alipay' from generate_series(0, ${count - 1}::int) n
    on conflict do nothing`.execute(target.db);
  return Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
}

/** A refund a supervisor approves: small, with its invoice (no finance proof), one per customer and month (no audit). */
export const refundFields = { amountFen: 1000, cause: 'other', description: 'benchmark refund', invoice: { provided: true } } as const;
