/**
 * Benchmark (`npm run bench`, results in docs/benchmarks.md): Switchboard
 * next to its limits, in one run on one Temporal server and one PostgreSQL,
 * every figure a ratio to its limit (absolute times drift on a shared
 * machine). Sections, in this order (scripts/bench/*.ts):
 *   intake  POST /v1/orders vs raw client.workflow.start, phases alternating
 *   e2e     refunds with one approval: HTTP driver vs a bare workflow
 *   mixed   every process's cases at once, drained per process
 *   reads   status, lists and inboxes over 100 000 seeded cases, with plans
 *   memory  worker RSS with many open cases (last: it leaves cases in flight)
 * `npm run bench -- --help` lists the flags; `--quick` is a smoke run.
 * Traffic goes to 127.0.0.1 only; every loop is bounded in count and time.
 */
import fs from 'node:fs/promises';
import pino from 'pino';
import { installTemporalRuntime } from '../src/worker/runtime';
import { endToEnd } from './bench/e2e';
import { intake } from './bench/intake';
import { workerMemory } from './bench/memory';
import { mixedLoad } from './bench/mixed';
import { parseOptions } from './bench/options';
import { readsAtScale } from './bench/reads';
import { machine, table } from './bench/report';
import type { Figure } from './bench/stats';
import { startTarget, type Topology } from './bench/target';

const options = parseOptions();
const log = pino({ level: 'warn' });
installTemporalRuntime(log);

async function runOn(topology: Topology): Promise<string> {
  const t0 = performance.now();
  const target = await startTarget(topology, log, options.profileDir);
  if ('skipped' in target) return `### ${topology}: skipped\n\n${target.skipped}.\n`;
  const figures: Figure[] = [];
  const notes: string[] = [];
  const step = async (name: string, run: () => Promise<void>) => {
    if (!options.sections.has(name)) return;
    const s = performance.now();
    process.stderr.write(`[bench ${topology}] ${name}…\n`);
    try {
      await run();
    } catch (err) {
      notes.push(`- ${name} failed: ${(err as Error).message}`);
      console.error(err);
    }
    process.stderr.write(`[bench ${topology}] ${name} done in ${((performance.now() - s) / 1000).toFixed(0)} s\n`);
  };
  try {
    await step('intake', async () => void figures.push(...(await intake(target, options))));
    await step('e2e', async () => void figures.push(...(await endToEnd(target, options))));
    await step('mixed', async () => void figures.push(...(await mixedLoad(target, options))));
    // After mixed: its seeded tasks have no workflow behind them, and a driver would try to complete them.
    await step('reads', async () => {
      const { figures: f, plans } = await readsAtScale(target, options);
      figures.push(...f);
      notes.push('Plans of the status read and the list queries (EXPLAIN ANALYZE; lists: page of 50, and rows read for pages of 50 and 200):', '', ...plans);
    });
    // Last: it leaves thousands of cases in flight, which would slow every section after it.
    await step('memory', async () => void figures.push(...(await workerMemory(target, options))));
  } finally {
    await target.stop();
  }
  const minutes = ((performance.now() - t0) / 60_000).toFixed(1);
  return `### ${topology} (${minutes} min)\n${table(figures)}\n\n${notes.join('\n')}\n`;
}

const header = `## ${machine()}\n\n\`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`\n`;
const parts = [header];
for (const topology of options.topologies) parts.push(await runOn(topology));
parts[0] += `\nLoad average at the end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' / ')}\n`;
const report = parts.join('\n');
console.log(report);
if (options.out) await fs.writeFile(options.out, report);
