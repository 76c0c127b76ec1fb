/**
 * Every process at once: `mixedPerType` cases of each registered process
 * (src/processes/index.ts PROCESSES, so a new process is measured without
 * a change here), opened over HTTP from its input schema and worked to the
 * end by the generic driver (test/support/driver.ts) through the inbox.
 * Reported per process: cases drained per second from the first opening.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { signToken } from '../../src/auth/tokens';
import { PROCESSES } from '../../src/processes/index';
import { caseBody, Driver, isFinished, openCaseOverHttp, putDrivenCustomer, type DriverEndpoint } from '../../test/support/driver';
import type { BenchOptions } from './options';
import { closedLoop, ms, percentile, perSecond, type Figure } from './stats';
import type { Target } from './target';

export async function mixedLoad(target: Target, o: BenchOptions): Promise<Figure[]> {
  const apis: DriverEndpoint[] = target.apiUrls.map((url) => ({ url, token: (sub, roles, opts) => signToken({ sub, roles, ...opts }, target.jwtSecret) }));
  const address = `成都市锦江区压测路${randomBytes(4).toString('hex')}号`;
  const other = await putDrivenCustomer(apis[0]!, address);
  const plan = PROCESSES.flatMap((process) => Array.from({ length: o.mixedPerType }, () => process));
  const cases: Array<{ id: string; type: string; openedAt: number; finishedAt?: number }> = [];
  const t0 = performance.now();
  const sectionStart = new Date();
  const opening = await closedLoop(
    async (i) => {
      const process = plan[i]!;
      const api = apis[i % apis.length]!;
      const customer = await putDrivenCustomer(api, address);
      const openedAt = performance.now();
      const id = await openCaseOverHttp(api, process, caseBody(process, { customer, otherCustomerId: other.customerId, address }));
      cases.push({ id, type: process.type, openedAt });
    },
    { concurrency: 10, seconds: 300, maxOps: plan.length },
  );
  if (opening.errors) console.warn(`mixed: ${opening.errors} cases not opened (${opening.firstError})`);

  const finished = async () => {
    const { rows } = await sql<{ id: string; state: string }>`select id, state from cases where id = any(${cases.map((c) => c.id)})`.execute(target.db);
    const now = performance.now();
    const state = new Map(rows.map((r) => [r.id, r.state]));
    for (const c of cases) if (c.finishedAt === undefined && isFinished(state.get(c.id) ?? '')) c.finishedAt = now;
    return cases.every((c) => c.finishedAt !== undefined);
  };
  // Only this section's cases and the children they start: the refunds the intake section left at their
  // approval are not part of the mixed load (working them too measured the earlier sections, not this one).
  const earlier = new Set((await target.db.selectFrom('cases').select('id').where('created_at', '<', sectionStart).execute()).map((r) => r.id));
  const driver = new Driver(apis, { concurrency: 8 });
  let timedOut = false;
  await driver.driveUntil(finished, { timeoutMs: o.quick ? 180_000 : 300_000, filter: (task) => !earlier.has(task.caseId) }).catch(() => (timedOut = true));
  const seconds = (performance.now() - t0) / 1000;

  const section = `Every process (${o.mixedPerType} cases of each of ${PROCESSES.length} processes at once, driven over HTTP; ${driver.stats.completed} tasks completed)`;
  const figures: Figure[] = PROCESSES.map((process) => {
    const mine = cases.filter((c) => c.type === process.type);
    const done = mine.filter((c) => c.finishedAt !== undefined);
    const last = Math.max(...done.map((c) => c.finishedAt!));
    const rate = done.length / ((last - t0) / 1000);
    return {
      section,
      what: `${process.type}: ${done.length}/${mine.length} finished, open → end p50 ${ms(percentile(done.map((c) => c.finishedAt! - c.openedAt), 50))}`,
      value: done.length ? perSecond(rate) : 'none',
      limit: '',
      met: done.length === o.mixedPerType,
      target: 'all finish',
    };
  });
  const all = cases.filter((c) => c.finishedAt !== undefined).length;
  figures.push({
    section,
    what: `all processes: ${all}/${plan.length} finished in ${seconds.toFixed(0)} s${timedOut ? ' (time budget ran out)' : ''}; driver refusals ${driver.stats.refused}, failures ${driver.stats.failed}`,
    value: perSecond(all / seconds),
    limit: '',
    met: all === plan.length,
    target: 'all finish',
  });
  return figures;
}
