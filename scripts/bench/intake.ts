/**
 * Intake: opening refunds through `POST /v1/orders` against the limit, a
 * raw `client.workflow.start` of the same workflow with the same input and
 * options from this process. Phases alternate (API, raw, raw, API, …) so
 * both see the same machine, including the worker busy with the cases the
 * earlier phases opened.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { processOf } from '../../src/processes/index';
import { caseStartOptions } from '../../src/temporal/cases';
import type { CaseStart } from '../../workflows/lib/messages';
import { BenchApi, refundFields, seedCustomers } from './api';
import { casesInFlight, drain } from './drain';
import type { BenchOptions } from './options';
import { closedLoop, merge, ms, perSecond, percentile, type Figure, type LoadSample } from './stats';
import type { Target } from './target';

export async function intake(target: Target, o: BenchOptions): Promise<Figure[]> {
  const api = new BenchApi(target);
  const customers = await seedCustomers(target, 'intake', 200);
  const customer = (i: number) => customers[i % customers.length]!;
  const workflowType = processOf('refund')!.workflowType;

  const viaApi = (i: number) =>
    api.call('POST', '/v1/orders', ['frontoffice'], { type: 'refund', customerId: customer(i), ...refundFields }, { 'idempotency-key': randomUUID() });
  const raw = async (i: number) => {
    const start: CaseStart = {
      id: `ord_${randomBytes(12).toString('hex')}`,
      type: 'refund',
      customerId: customer(i),
      createdBy: { sub: 'bench-frontoffice', roles: ['frontoffice'] },
      createdAt: new Date().toISOString(),
      fields: refundFields,
    };
    // The same options the API's start uses, without anything around it.
    await target.client.workflow.start(workflowType, caseStartOptions(target.taskQueue, start));
  };

  // A short warm-up of each (connections, JIT, prepared plans) is not measured.
  const load = { concurrency: o.intakeConcurrency, seconds: o.intakePhaseSeconds };
  await closedLoop(viaApi, { ...load, seconds: 1 });
  await closedLoop(raw, { ...load, seconds: 1 });
  const apiSamples: LoadSample[] = [];
  const rawSamples: LoadSample[] = [];
  for (let round = 0; round < o.intakeRounds; round++) {
    const order = round % 2 === 0 ? (['api', 'raw'] as const) : (['raw', 'api'] as const);
    for (const side of order) {
      if (side === 'api') apiSamples.push(await closedLoop(viaApi, load));
      else rawSamples.push(await closedLoop(raw, load));
    }
  }
  // The worker carries what the phases opened to their approval tasks; the next section starts on a quiet worker.
  const backlog = await casesInFlight(target);
  const drainSeconds = await drain(target, 300);
  const a = merge(apiSamples);
  const r = merge(rawSamples);
  if (a.errors || r.errors) console.warn(`intake errors: API ${a.errors} (${a.firstError ?? ''}), raw ${r.errors} (${r.firstError ?? ''})`);
  const [a50, a99, r50, r99] = [percentile(a.latenciesMs, 50), percentile(a.latenciesMs, 99), percentile(r.latenciesMs, 50), percentile(r.latenciesMs, 99)];
  const section = `Intake (${o.intakeConcurrency} in flight, ${o.intakeRounds}×${o.intakePhaseSeconds} s per side)`;
  return [
    { section, what: 'orders/s: POST /v1/orders vs raw workflow.start', value: perSecond(a.rate), limit: perSecond(r.rate), ratio: a.rate / r.rate, target: '≥ 0.9×', met: a.rate / r.rate >= 0.9 },
    { section, what: 'p50 latency', value: ms(a50), limit: ms(r50), ratio: a50 / r50 },
    { section, what: 'p99 latency', value: ms(a99), limit: ms(r99), ratio: a99 / r99, target: '≤ 1.3×', met: a99 / r99 <= 1.3 },
    { section, what: 'requests (errors)', value: `${a.count} (${a.errors})`, limit: `${r.count} (${r.errors})` },
    {
      section,
      what: `backlog after the phases: ${backlog} cases to their approval task in ${drainSeconds === undefined ? 'over 300' : drainSeconds.toFixed(1)} s`,
      value: drainSeconds === undefined ? 'not drained' : perSecond(backlog / drainSeconds),
      limit: '',
    },
  ];
}
