/** The benchmark's HTTP client: tokens per role, requests spread over the API processes. */
import http from 'node:http';
import { signToken } from '../../src/auth/tokens';
import type { Role } from '../../src/domain/roles';
import type { Target } from './target';

/**
 * Kept-alive connections through node:http: the client shares the cores with
 * what it measures, so it should cost them as little as it can (with fetch,
 * the status read measured 558/s against 693/s).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

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
    const { status, text } = await request(
      base + path,
      method,
      { authorization: `Bearer ${await this.token(roles)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body === undefined ? undefined : JSON.stringify(body),
    );
    if (status >= 300) throw new Error(`${method} ${path} → ${status} ${text.slice(0, 300)}`);
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
