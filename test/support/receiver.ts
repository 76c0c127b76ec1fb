/**
 * A subscriber's receiver for hub tests: a real HTTP server on 127.0.0.1
 * that checks each post's signature the way README's example does, records
 * what arrived, and answers as the test says (fail the first N, be slow,
 * be down).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Post {
  path: string;
  raw: string;
  signature: string | undefined;
  /** The signature verified with the subscriber's secret, within 5 minutes. */
  signedOk: boolean;
  envelope: { eventId: string; eventTime: string; eventType: string; correlationId: string; event: Record<string, any> };
  /** What this receiver answered. */
  status: number;
}

export interface Receiver {
  url: string;
  /** The subscriber's secret, once registered. */
  secret: string;
  /** Every post, in arrival order. */
  posts: Post[];
  /** Posts answered 2xx, the first of each eventId only: what a deduplicating receiver acts on. */
  accepted(): Post[];
  /** Accepted events of one case, in the order they were accepted. */
  ofCase(caseId: string): Post[];
  /** The answer to the next post (default 200), decided per post. */
  answer: (post: Omit<Post, 'status'>, index: number) => number;
  /** Time taken before answering. */
  delayMs: number;
  /** The most posts of one case that were ever under way at once. */
  maxConcurrentPerCase: number;
  close(): Promise<void>;
}

const TOLERANCE_SECONDS = 300;

/** README's verification: t within 5 minutes, v1 = HMAC-SHA256("<t>.<raw body>"), compared in constant time. */
export function verifySignature(secret: string, raw: string, header: string | undefined, now = Math.floor(Date.now() / 1000)): boolean {
  const fields = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=', 2)));
  const t = Number(fields.t);
  if (!Number.isInteger(t) || Math.abs(now - t) > TOLERANCE_SECONDS || !/^[0-9a-f]{64}$/.test(fields.v1 ?? '')) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(fields.v1, 'hex'));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startReceiver(): Promise<Receiver> {
  const underway = new Map<string, number>();
  let calls = 0;
  const receiver: Receiver = {
    url: '',
    secret: '',
    posts: [],
    answer: () => 200,
    delayMs: 0,
    maxConcurrentPerCase: 0,
    accepted() {
      const seen = new Set<string>();
      return this.posts.filter((p) => p.status < 300 && !seen.has(p.envelope.eventId) && seen.add(p.envelope.eventId));
    },
    ofCase(caseId) {
      return this.accepted().filter((p) => p.envelope.correlationId === caseId);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const signature = req.headers['x-switchboard-signature'] as string | undefined;
    const post = { path: req.url ?? '', raw, signature, signedOk: verifySignature(receiver.secret, raw, signature), envelope: JSON.parse(raw) };
    const caseId = post.envelope.correlationId;
    underway.set(caseId, (underway.get(caseId) ?? 0) + 1);
    receiver.maxConcurrentPerCase = Math.max(receiver.maxConcurrentPerCase, underway.get(caseId)!);
    const status = receiver.answer(post, calls++);
    if (receiver.delayMs > 0) await new Promise((r) => setTimeout(r, receiver.delayMs));
    underway.set(caseId, underway.get(caseId)! - 1);
    receiver.posts.push({ ...post, status });
    res.writeHead(status).end();
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
