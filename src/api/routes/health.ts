/** Liveness and readiness: no token needed. */
import { sql } from 'kysely';
import type { Api, ApiDeps } from '../deps';
import { problemType, sendProblem } from '../plugins/problems';

const READY_TIMEOUT_MS = 2000;

async function within<T>(ms: number, what: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      what,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export async function healthRoutes(app: Api, { db, temporal }: ApiDeps): Promise<void> {
  app.get('/healthz', { schema: { tags: ['health'], summary: 'The process is up', security: [] } }, async () => ({ status: 'ok' }));

  app.get(
    '/readyz',
    { schema: { tags: ['health'], summary: 'Postgres and Temporal are reachable (503 otherwise)', security: [] } },
    async (request, reply) => {
      const checks = await Promise.allSettled([
        within(READY_TIMEOUT_MS, sql`select 1`.execute(db)),
        // The deadline bounds the client's own retries too, so none outlives the answer.
        within(
          READY_TIMEOUT_MS,
          temporal.connection.withDeadline(Date.now() + READY_TIMEOUT_MS, () => temporal.connection.workflowService.getSystemInfo({})),
        ),
      ]);
      const failing: string[] = [];
      const names = ['postgres', 'temporal'];
      checks.forEach((c, i) => {
        if (c.status === 'rejected') {
          failing.push(names[i]!);
          request.log.warn({ dependency: names[i], err: c.reason }, 'readiness check failed');
        }
      });
      if (failing.length > 0) {
        return sendProblem(reply, {
          type: problemType(503, 'not-ready'),
          title: 'Service Unavailable',
          status: 503,
          detail: `not ready: ${failing.join(' and ')} unreachable`,
          errors: failing.map((d) => ({ path: d, message: 'unreachable' })),
        });
      }
      return { status: 'ready', postgres: 'ok', temporal: 'ok' };
    },
  );
}
