/**
 * A hostile client against every operation of the served OpenAPI document,
 * with the real workflows behind it: thousands of seeded requests (wrong
 * types, oversized or unstorable text, unknown fields, bad ids and cursors,
 * missing, forged and expired tokens, wrong roles). No answer may be a 5xx,
 * every error must be a problem, and afterwards no case may have an
 * activity retrying (what a bad value that slipped through would cause).
 *
 * It may change policies and the calendar as an admin would: the file has
 * a database of its own. FUZZ_SEED=<n> replays a run's requests;
 * FUZZ_REQUESTS=<n> changes its size, FUZZ_BUDGET_MS=<n> its time limit.
 * The run itself is test/support/fuzz-run.ts (the failure suite sends it to
 * the production-like topology).
 */
import { expect, test } from 'vitest';
import { fetchJson, useTestApi } from '../support/api';
import { fuzzApi, fuzzOptionsFromEnv, pendingActivities } from '../support/fuzz-run';
import { testClient } from '../support/stack';

/** On a crowded machine (files run side by side) the run stops sending after FUZZ_BUDGET_MS, and says how far it got. */
const options = fuzzOptionsFromEnv({ requests: 3000, budgetMs: 90_000 });
/** More attempts than this on a pending activity is a case retrying what it cannot do. */
const MAX_ATTEMPTS = 3;

const stack = useTestApi({ worker: true });

test(
  'fuzzing the API from its OpenAPI document: no 5xx, every error a problem, no case left retrying',
  async () => {
    const { api } = stack;
    const target = { urls: [api.url], token: api.token, client: testClient(), taskQueue: api.config.taskQueue };
    const report = await fuzzApi(target, options);
    const { seed } = report;
    console.info(`fuzz seed ${seed}: ${report.sent} requests over ${report.operations} operations in ${report.ms} ms; statuses ${JSON.stringify(report.histogram)}`);
    expect(report.operations).toBeGreaterThanOrEqual(20);
    expect(report.wrong, `seed ${seed} (FUZZ_SEED=${seed} replays it):\n${report.wrong.join('\n')}`).toEqual([]);

    // The service is still up, and nothing that got through is failing over and over in a case.
    expect((await fetchJson(`${api.url}/readyz`)).status).toBe(200);
    const pending = await pendingActivities(target);
    const retrying = pending.filter((a) => a.attempt > MAX_ATTEMPTS);
    console.info(`fuzz seed ${seed}: ${pending.length} pending activities afterwards, at most attempt ${Math.max(0, ...pending.map((a) => a.attempt))}`);
    expect(retrying, `seed ${seed}: ${JSON.stringify(retrying.slice(0, 10))}`).toEqual([]);
  },
  options.budgetMs + 120_000,
);
