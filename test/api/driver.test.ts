/**
 * The generic driver (test/support/driver.ts) takes one case of every
 * registered process from opening to its end over HTTP, knowing no task
 * kind: bodies from the processes' input schemas, task data from the tasks'
 * forms, ports loaded where a case waits for them.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { PROCESSES } from '../../src/processes/index';
import { useTestApi } from '../support/api';
import { caseBody, caseStates, Driver, isFinished, openCaseOverHttp, putDrivenCustomer, type DriverEndpoint } from '../support/driver';

const stack = useTestApi({ worker: true });

test('one case of every process is driven to completion through the inbox', async () => {
  const api: DriverEndpoint = stack.api;
  // No ports here yet: installs and relocations wait for a planner, and the driver loads them.
  const address = `成都市锦江区驱动路${randomBytes(4).toString('hex')}号`;
  const other = await putDrivenCustomer(api, address);
  const cases = await Promise.all(
    PROCESSES.map(async (process) => {
      const customer = await putDrivenCustomer(api, address);
      const id = await openCaseOverHttp(api, process, caseBody(process, { customer, otherCustomerId: other.customerId, address }));
      return { id, process };
    }),
  );

  const driver = new Driver([api]);
  await driver.driveUntil(async () => (await caseStates(api, cases)).every((c) => isFinished(c.state)), { timeoutMs: 150_000 });

  const states = await caseStates(api, cases);
  const byType = Object.fromEntries(cases.map((c, i) => [c.process.type, states[i]!.state]));
  expect(byType).toEqual(Object.fromEntries(PROCESSES.map((p) => [p.type, p.kind === 'complaint' ? 'closed' : 'completed'])));
  expect(driver.stats.byKind).toMatchObject({ plan_resource: 2 });
  expect(driver.stats.failed, driver.stats.recent.join('\n')).toBe(0);
}, 200_000);
