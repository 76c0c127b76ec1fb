/** Latency statistics, load loops and the result rows every section reports. */

/** The p-th percentile (nearest rank) of `xs`, in the units of xs. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LoadSample {
  /** Operations that succeeded. */
  count: number;
  errors: number;
  firstError?: string;
  seconds: number;
  /** Successful operations per second. */
  rate: number;
  latenciesMs: number[];
}

/**
 * A closed loop: `concurrency` callers each run `op` back to back until
 * `seconds` have passed (or `maxOps` have started), so the rate is what the
 * system sustains at that many requests in flight.
 */
export async function closedLoop(op: (i: number) => Promise<void>, { concurrency, seconds, maxOps = Infinity }: { concurrency: number; seconds: number; maxOps?: number }): Promise<LoadSample> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline && started < maxOps) {
      const i = started++;
      const s = performance.now();
      try {
        await op(i);
        latenciesMs.push(performance.now() - s);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsed = (performance.now() - t0) / 1000;
  return { count: latenciesMs.length, errors, firstError, seconds: elapsed, rate: latenciesMs.length / elapsed, latenciesMs };
}

/** Several samples of one kind, as one. */
export function merge(samples: readonly LoadSample[]): LoadSample {
  const seconds = samples.reduce((s, x) => s + x.seconds, 0);
  const count = samples.reduce((s, x) => s + x.count, 0);
  return {
    count,
    errors: samples.reduce((s, x) => s + x.errors, 0),
    firstError: samples.find((x) => x.firstError)?.firstError,
    seconds,
    rate: count / seconds,
    latenciesMs: samples.flatMap((x) => x.latenciesMs),
  };
}

/** One figure of the report: a measured value, what it is compared with, and the target on their ratio. */
export interface Figure {
  section: string;
  what: string;
  value: string;
  /** The limit it is measured against (raw Temporal, the bare workflow, a fixed budget). */
  limit: string;
  ratio?: number;
  target?: string;
  met?: boolean;
}

export const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : 'n/a');
export const perSecond = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)}/s`;
export const ratio = (x: number) => `${x.toFixed(2)}×`;

export function sleep(msecs: number): Promise<void> {
  return new Promise((r) => setTimeout(r, msecs));
}

/** Polls `probe` every `everyMs` until it gives a value; undefined after `timeoutMs`. */
export async function poll<T>(probe: () => Promise<T | undefined>, { everyMs = 20, timeoutMs = 60_000 } = {}): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(everyMs);
  }
}
