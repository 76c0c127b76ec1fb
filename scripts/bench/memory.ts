/**
 * Worker memory with many open cases: refunds opened (as the API does,
 * through startCase) until `openCases` of them wait at their approval, or
 * the time budget runs out; the workers' resident memory sampled every
 * second throughout (current and peak, from /proc).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { startCase } from '../../src/temporal/cases';
import { refundFields, seedCustomers } from './api';
import type { BenchOptions } from './options';
import { closedLoop, poll, type Figure } from './stats';
import type { Target } from './target';

const GiB = 2 ** 30;

/** Resident and peak resident memory of a process, in bytes. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export async function workerMemory(target: Target, o: BenchOptions): Promise<Figure[]> {
  const customers = await seedCustomers(target, 'mem', 1000);
  const prefix = `ord_mem${randomBytes(3).toString('hex')}_`;
  let maxRss = 0;
  const sampler = setInterval(async () => {
    const total = (await Promise.all(target.workerPids().map(memoryOf))).reduce((s, m) => s + m.rss, 0);
    maxRss = Math.max(maxRss, total);
  }, 1000);
  const t0 = performance.now();
  const deadline = Date.now() + o.openCasesBudgetSeconds * 1000;
  try {
    const opened = await closedLoop(
      (i) =>
        startCase(target.client, target.taskQueue, {
          id: `${prefix}${i}`,
          type: 'refund',
          customerId: customers[i % customers.length]!,
          createdBy: { sub: 'bench-frontoffice', roles: ['frontoffice'] },
          createdAt: new Date().toISOString(),
          fields: refundFields,
        }),
      { concurrency: 20, seconds: o.openCasesBudgetSeconds, maxOps: o.openCases },
    );
    const waiting = async () =>
      Number((await sql<{ n: string }>`select count(*) n from tasks where case_id like ${`${prefix}%`} and state = 'open'`.execute(target.db)).rows[0]!.n);
    let atTask = 0;
    await poll(async () => ((atTask = await waiting()) >= opened.count || Date.now() > deadline ? true : undefined), { everyMs: 1000, timeoutMs: o.openCasesBudgetSeconds * 1000 });
    const seconds = (performance.now() - t0) / 1000;
    const now = await Promise.all(target.workerPids().map(memoryOf));
    const rss = now.reduce((s, m) => s + m.rss, 0);
    const peak = Math.max(maxRss, rss, ...now.map((m) => m.peak));
    const workers = target.workerPids().length;
    const section = `Worker memory (${workers} worker process${workers > 1 ? 'es' : ''})`;
    const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;
    return [
      {
        section,
        what: `open cases: ${opened.count} refunds opened, waiting at their approval after ${seconds.toFixed(0)} s (${(atTask / seconds).toFixed(1)}/s)`,
        value: `${atTask}`,
        limit: `${o.openCases}`,
        ratio: atTask / o.openCases,
        target: '≥ 1×',
        met: atTask >= o.openCases,
      },
      { section, what: 'RSS per worker, peak during the run', value: mib(peak / workers), limit: '1 GiB', ratio: peak / workers / GiB, target: '≤ 1×', met: peak / workers <= GiB },
      { section, what: 'RSS per worker, with every case open', value: mib(rss / workers), limit: '1 GiB', ratio: rss / workers / GiB, target: '≤ 1×', met: rss / workers <= GiB },
    ];
  } finally {
    clearInterval(sampler);
  }
}
