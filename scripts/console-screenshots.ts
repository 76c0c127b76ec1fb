/**
 * `npm run console:screenshots`: the console's pages as a person sees them,
 * into docs/screenshots/ (shown in the README). Starts a throw-away stack,
 * fills it with demo data through the API, and photographs the pages with
 * Debian's Chromium. Needs a CJK font for the Chinese labels
 * (`apt-get install fonts-wqy-microhei` or fonts-noto-cjk).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { ensureConsoleBuilt } from '../src/dev/console-build';
import { eventually } from '../test/support/cases';
import { launchChromium, openBrowserFor, signIn } from '../test/support/browser';
import { DEMO_PEOPLE, DemoApi, seedCustomers, seedRefunds } from './lib/demo-data';
import { startLocalStack } from './lib/local-stack';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
/** The approval that is about to lapse in the pictures: jeopardy at 75 %, then it moves up a level. */
const LAPSING_APPROVAL = 'PT80S';

const log = pino({ level: 'warn' });
await ensureConsoleBuilt(pino({ level: 'info' }), { whenStale: true });
const stack = await startLocalStack(log, { taskQueue: 'screenshots', temporalUiUrl: 'http://localhost:8233' });
const browser = await launchChromium();
try {
  const demo = new DemoApi(stack.base);
  const customers = await seedCustomers(demo);

  // A refund whose approval is due soon: amber in the inbox, then breached and moved up on the case page.
  const admin = DEMO_PEOPLE.admin;
  await demo.call('PUT', '/v1/policies/sla/refund.approval', admin, { duration: LAPSING_APPROVAL });
  const lapsing = await demo.openRefund(customers[0]!, { amountFen: 6800, cause: 'other', description: '宽带提速包重复订购，申请退还' });
  const lapsingTask = await demo.nextTask(lapsing);
  await demo.call('PUT', '/v1/policies/sla/refund.approval', admin, { duration: 'PT24H' });
  await seedRefunds(demo, customers);
  // The National Day break and its make-up days, for the calendar picture.
  for (const day of ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']) {
    await demo.call('PUT', `/v1/calendar/${day}`, admin, { working: false, note: '国庆节' });
  }
  for (const day of ['2026-09-20', '2026-10-10']) await demo.call('PUT', `/v1/calendar/${day}`, admin, { working: true, note: '国庆调休上班' });

  await fs.mkdir(OUT, { recursive: true });
  const shoot = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(600); // charts animate in
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
    process.stdout.write(`docs/screenshots/${name}.png\n`);
  };

  const supervisor = await openBrowserFor(browser, 'zh-CN');
  await signIn(supervisor.page, stack.base, DEMO_PEOPLE.supervisor);
  await eventually('the lapsing approval to reach jeopardy', async () => (Date.now() >= Date.parse(lapsingTask.jeopardyAt) ? true : undefined), 120_000, 500);
  await supervisor.page.goto(`${stack.base}/console/inbox`);
  await supervisor.page.locator('.countdown[data-urgency="jeopardy"]').first().waitFor();
  await shoot(supervisor.page, 'inbox');

  // A task form: the deny outcome needs a reason, and the schema says so.
  await supervisor.page.locator('.task-row.task-approve_refund a').first().click();
  await supervisor.page.locator('label.ant-radio-button-wrapper', { hasText: '驳回' }).click();
  await supervisor.page.locator('button.submit-task').click();
  await shoot(supervisor.page, 'task-form');

  const operator = await openBrowserFor(browser, 'zh-CN');
  await signIn(operator.page, stack.base, DEMO_PEOPLE.operator);
  await eventually('the lapsing approval to move up', async () => {
    const order = await demo.call('GET', `/v1/orders/${lapsing}`, DEMO_PEOPLE.operator);
    return order.pendingTasks.some((t: { role: string }) => t.role === 'branch_leader') ? true : undefined;
  }, 120_000, 500);
  await operator.page.goto(`${stack.base}/console/orders/${lapsing}`);
  await operator.page.locator('.timeline-event[data-kind="sla_breached"]').waitFor();
  await shoot(operator.page, 'case');
  await operator.page.goto(`${stack.base}/console/dashboard`);
  await operator.page.locator('.stat-breaches').waitFor();
  await shoot(operator.page, 'dashboard');

  const administrator = await openBrowserFor(browser, 'zh-CN');
  await signIn(administrator.page, stack.base, DEMO_PEOPLE.admin);
  await administrator.page.goto(`${stack.base}/console/admin/calendar?month=2026-10`);
  await administrator.page.locator('.calendar-day').first().waitFor();
  await shoot(administrator.page, 'calendar');
} finally {
  await browser.close();
  await stack.stop();
}
