/** Waiting for the workers to catch up: every open case waiting on a person. */
import { sql } from 'kysely';
import { poll } from './stats';
import type { Target } from './target';

/** Open cases not (yet) waiting on a task: what the workers still have to carry to their first human step. */
export async function casesInFlight(target: Target, idPrefix = ''): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) n from cases c
    where c.id like ${`${idPrefix}%`} and c.state not in ('completed', 'closed', 'cancelled', 'rejected', 'failed')
      and not exists (select 1 from tasks t where t.case_id = c.id and t.state in ('open', 'claimed'))`.execute(target.db);
  return Number(rows[0]!.n);
}

/** Seconds until no case is in flight (undefined when `timeoutS` passed first). */
export async function drain(target: Target, timeoutS: number, idPrefix = ''): Promise<number | undefined> {
  const t0 = performance.now();
  const done = await poll(async () => ((await casesInFlight(target, idPrefix)) === 0 ? true : undefined), { everyMs: 250, timeoutMs: timeoutS * 1000 });
  return done ? (performance.now() - t0) / 1000 : undefined;
}
