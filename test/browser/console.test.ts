/**
 * The console in a real browser (Debian's Chromium) against the real stack:
 * API, worker, Temporal and PostgreSQL, with the development sign-in.
 */
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEV_JWT_SECRET } from '../../src/config';
import { ensureConsoleBuilt } from '../../src/dev/console-build';
import { fetchJson, putCustomer, useTestApi, waitForOrder, waitForTask } from '../support/api';
import { refundBody } from '../fixtures/refund';
import { newInstallBody, uniqueAddress } from '../fixtures/new-install';
import { INSTALL_CHECKLIST } from '../../src/processes/new-install';
import { loadPortsOverHttp } from '../support/field-api';
import { testDb } from '../support/stack';
import { fillSignIn, launchChromium, openBrowserFor, signIn, type Person } from '../support/browser';

// A page load parses the console's JavaScript: on a busy two-core machine a scenario takes tens of seconds.
vi.setConfig({ testTimeout: 150_000 });

// Before the API starts: it serves the build it finds.
beforeAll(() => ensureConsoleBuilt(pino({ level: 'warn' }), { whenStale: true }), 120_000);
const stack = useTestApi({ worker: true, config: { jwtSecret: DEV_JWT_SECRET } });

/** Waits as long as Playwright's own (a busy machine renders slowly). */
const POLL = { timeout: 60_000 };

let browser: Browser;
let clerk: string;
beforeAll(async () => {
  browser = await launchChromium();
  clerk = await stack.api.token('clerk-browser', ['frontoffice']);
});
afterAll(() => browser?.close());

const supervisor = (sub: string): Person => ({ sub, name: `Supervisor ${sub}`, roles: ['supervisor'] });
const operator: Person = { sub: 'ops-browser', name: 'Li Ming', roles: ['operator'] };

/** A refund waiting for a supervisor's approval. */
async function refundAwaitingApproval(customerId?: string): Promise<{ orderId: string; taskId: string; customerId: string }> {
  const customer = customerId ?? (await putCustomer(stack.api));
  const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: refundBody(customer) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const task = await waitForTask(stack.api, await stack.api.token('sup-setup', ['supervisor']), r.body.id, 'approve_refund');
  return { orderId: r.body.id, taskId: task.id, customerId: customer };
}

/**
 * Submits the task form and waits for the result. A problem from the API ends the wait at once; either way
 * a failure says what the page said (the problem, or the fields the form itself refused).
 */
async function submitTask(page: Page): Promise<void> {
  await page.locator('button.submit-task').click();
  const done = page.getByText('Task completed');
  const problem = page.locator('.problem');
  const said = () => page.locator('.problem, .ant-form-item-has-error').allTextContents();
  try {
    await done.or(problem).first().waitFor();
  } catch (err) {
    throw new Error(`the task was not completed (${(err as Error).message.split('\n')[0]}); the page says: ${JSON.stringify(await said())}`);
  }
  if (!(await done.isVisible())) throw new Error(`the task was not completed; the page says: ${JSON.stringify(await said())}`);
}

/** A browser already signed in (the sign-in form itself is exercised by the first and last tests). */
async function pageFor(person: Person, path: string): Promise<Page> {
  const token = await stack.api.token(person.sub, person.roles, { name: person.name });
  const { page } = await openBrowserFor(browser, 'en-US', { token });
  await page.goto(`${stack.api.url}/console${path}`);
  return page;
}

describe('a supervisor in the inbox', () => {
  test('approves a refund from the inbox and sees it complete', async () => {
    const { orderId } = await refundAwaitingApproval();
    const { page } = await openBrowserFor(browser, 'en-US');
    await signIn(page, stack.api.url, supervisor('sup-browser-1'));

    await page.waitForURL(/\/console\/inbox$/);
    const row = page.locator('tr.task-row', { has: page.locator(`a:text-is("${orderId}")`) });
    await row.waitFor();
    await expect.poll(() => row.locator('.countdown').getAttribute('data-urgency'), POLL).toBe('ok');
    await row.locator('button.claim').click();
    await row.locator('button.release').waitFor();
    await row.locator('button.open-task').click();

    // The task's data as context; its form from the schema: deny needs a reason.
    await page.getByText('¥50.00').first().waitFor();
    await page.locator('label.ant-radio-button-wrapper', { hasText: 'Deny' }).click();
    await page.locator('button.submit-task').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await page.locator('.ant-result-success').count()).toBe(0);

    await page.locator('label.ant-radio-button-wrapper', { hasText: 'Approve' }).click();
    await submitTask(page);
    await page.getByRole('button', { name: 'View the case' }).click();

    // The case page follows the workflow to its end.
    await page.locator('.case-page[data-case-state="completed"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('.case-outcome').textContent()).toBe('Refunded');
    await page.locator('.timeline-event[data-kind="task_completed"]').waitFor();
  });

  test('two people complete one task at once: the slower one is told someone was faster', async () => {
    const { taskId } = await refundAwaitingApproval();
    const [a, b] = await Promise.all(['sup-browser-a', 'sup-browser-b'].map((sub) => pageFor(supervisor(sub), `/tasks/${taskId}`)));
    await Promise.all([a, b].map((p) => p.locator('button.submit-task').waitFor()));

    await Promise.all([a, b].map((p) => p.locator('button.submit-task').click()));
    const outcome = async (p: Page) => {
      await p.locator('.ant-result-success, .problem').first().waitFor();
      return (await p.locator('.ant-result-success').count()) > 0 ? 'done' : 'refused';
    };
    const results = await Promise.all([outcome(a), outcome(b)]);
    expect([...results].sort()).toEqual(['done', 'refused']);

    const slower = results[0] === 'refused' ? a : b;
    const problem = slower.locator('.problem');
    expect(await problem.getAttribute('data-status')).toBe('409');
    expect(await problem.textContent()).toContain('Someone else was faster');
    // The page re-reads the task: it is finished, and there is no form left to submit.
    await slower.getByText('nothing is left to do here').waitFor();
    expect(await slower.locator('button.submit-task').count()).toBe(0);
  });
});

describe('a technician', () => {
  /** A date-time picker takes the time as typed, in the browser's local time. */
  async function pickTime(page: Page, id: string, at: Date) {
    const typed = await page.evaluate((ms) => {
      const d = new Date(ms);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:00`;
    }, at.getTime());
    await page.locator(`input#${id}`).fill(typed);
    // Confirmed with the picker's OK (Enter would submit the whole form). The picker confirmed before may
    // still be fading out; this one's dropdown is the newest.
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').last().click();
    await expect.poll(() => page.locator(`input#${id}`).inputValue(), POLL).toBe(typed);
  }

  // Once more on failure: on a loaded machine an Ant Design date picker's dropdown sometimes stays open or fades
  // out late (animation timing, not our code); every attempt opens an order of its own.
  test('books the visit, then records it with the checklist and the customer signing on the pad', { retry: 1 }, async () => {
    const tech: Person = { sub: 'tech-browser', name: '王师傅', roles: ['technician'] };
    const installAddress = uniqueAddress();
    await loadPortsOverHttp(stack.api, installAddress.text, 1);
    const r = await fetchJson(`${stack.api.url}/v1/orders`, { token: clerk, json: newInstallBody(await putCustomer(stack.api), { installAddress }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const orderId: string = r.body.id;
    const techToken = await stack.api.token(tech.sub, tech.roles, { name: tech.name });

    // The booking: a slot a few minutes ahead, agreed with the customer now, the visit for this technician.
    const booking = await waitForTask(stack.api, techToken, orderId, 'book_appointment');
    const page = await pageFor(tech, `/tasks/${booking.id}`);
    const start = new Date(Date.now() + 3 * 60_000);
    await pickTime(page, 'root_slot_start', start);
    await pickTime(page, 'root_slot_end', new Date(start.getTime() + 2 * 3_600_000));
    await pickTime(page, 'root_contactedAt', new Date());
    await page.locator('input#root_technicianId').fill(tech.sub);
    await submitTask(page);

    const visit = await waitForTask(stack.api, techToken, orderId, 'record_visit');
    expect(visit).toMatchObject({ assignee: tech.sub, data: { slot: { start: start.toISOString().replace(/\d\d\.\d{3}Z$/, '00.000Z') } } });
    // The visit waits in the technician's inbox, already theirs.
    await page.getByRole('button', { name: 'Back to the inbox' }).click();
    await page.locator('tr.task-record_visit', { has: page.locator(`a:text-is("${orderId}")`) }).locator('button.open-task').click();
    await page.locator('label.ant-radio-button-wrapper-checked', { hasText: 'Installed' }).waitFor();
    await pickTime(page, 'root_arrivedAt', new Date());
    // Unticked, the checklist is refused by the form itself.
    await page.locator('button.submit-task').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    for (const item of INSTALL_CHECKLIST) await page.locator(`input#root_checklist_${item}`).check();

    // The customer draws their signature and writes the name they sign with.
    const pad = page.locator('canvas.signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 80);
    await page.mouse.down();
    for (const [x, y] of [[80, 30], [140, 90], [220, 40], [300, 70]]) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => pad.getAttribute('data-signed'), POLL).toBe('yes');
    await page.locator('input#root_signature_signerName').fill('李四');
    await submitTask(page);

    const recorded = (await fetchJson(`${stack.api.url}/v1/tasks/${visit.id}`, { token: techToken })).body;
    expect(recorded).toMatchObject({ state: 'completed', outcome: 'installed', result: { signature: { signerName: '李四', reference: expect.stringMatching(/^PAD-[0-9a-f]{14}$/) } } });
    const order = await waitForOrder(stack.api, clerk, orderId, (o) => o.stage === 'callback');
    expect(order.data.installation).toMatchObject({ signedBy: '李四', checklist: Object.fromEntries(INSTALL_CHECKLIST.map((i) => [i, true])) });
  });
});

describe('an operator', () => {
  test('finds a case by customer, reads its timeline and does not see the phone number', async () => {
    const { orderId, customerId } = await refundAwaitingApproval();
    const page = await pageFor(operator, '/');
    // An operator reads, and has no administration pages.
    expect(await page.locator('.ant-menu').textContent()).not.toContain('Administration');

    await page.getByRole('menuitem', { name: 'Cases' }).click();
    await page.locator('.search-customer input, input.search-customer').fill(customerId);
    await page.locator('button.search-go').click();
    await page.locator(`.search-results a:text-is("${orderId}")`).click();

    await page.locator('.case-page').waitFor();
    await page.locator('.timeline-event[data-kind="case_created"]').waitFor();
    const timeline = await page.locator('.case-timeline').textContent();
    expect(timeline).toContain('Task created');
    expect(timeline).toContain('Approve the refund');

    await expect.poll(() => page.locator('.customer-phone').textContent(), POLL).toBe('138****5678');
    const text = await page.locator('body').textContent();
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('110101199003071234');
    expect(text).toContain('Personal data masked for your role');
  });
});

describe('an administrator', () => {
  test('marks a holiday on the working calendar, changes an SLA policy and the retention offers', async () => {
    const admin: Person = { sub: 'admin-browser', name: 'Sun Qiang', roles: ['admin'] };
    const token = await stack.api.token(admin.sub, admin.roles);
    const before = (await fetchJson(`${stack.api.url}/v1/policies/sla`, { token })).body.find((p: any) => p.key === 'complaint.acceptance_wait');
    const offersBefore = (await fetchJson(`${stack.api.url}/v1/policies/retention-offers`, { token })).body;
    const page = await pageFor(admin, '/admin/calendar?month=2031-05');
    try {
      // Thursday 2031-05-01 becomes a day off.
      await page.locator('td[title="2031-05-01"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('switch').click();
      await dialog.locator('input#note').fill('劳动节');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator('.calendar-day[data-day="2031-05-01"]').textContent(), POLL).toContain('Day off');
      expect((await fetchJson(`${stack.api.url}/v1/calendar/2031-05-01`, { token })).body).toEqual({ day: '2031-05-01', working: false, note: '劳动节', override: true });

      await page.goto(`${stack.api.url}/console/admin/sla`);
      const row = page.locator('tr', { has: page.locator('code', { hasText: 'complaint.acceptance_wait' }) });
      await row.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('dialog').locator('input#duration').fill('P4D');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await row.getByText('P4D').waitFor();
      expect((await fetchJson(`${stack.api.url}/v1/policies/sla`, { token })).body).toContainEqual({ ...before, duration: 'P4D' });

      // Gold customers get a bigger discount; the speed upgrade leaves the catalogue.
      await page.goto(`${stack.api.url}/console/admin/retention-offers`);
      await page.locator('input#fee_discount_byTier_gold').fill('25');
      await page.locator('.offer-speed_upgrade').getByRole('switch').click();
      await page.locator('button.save-offers').click();
      await page.getByText('Saved').waitFor();
      const { offers } = (await fetchJson(`${stack.api.url}/v1/policies/retention-offers`, { token })).body;
      expect(offers.map((o: { code: string }) => o.code)).toEqual(['loyalty_credit', 'fee_discount']);
      expect(offers[1].percentByTier).toEqual({ ...offersBefore.offers[1].percentByTier, gold: 25 });
    } finally {
      await testDb().deleteFrom('calendar_days').where('day', '=', '2031-05-01').execute();
      await fetchJson(`${stack.api.url}/v1/policies/sla/complaint.acceptance_wait`, { method: 'PUT', token, json: { duration: before.duration } });
      await fetchJson(`${stack.api.url}/v1/policies/retention-offers`, { method: 'PUT', token, json: offersBefore });
    }
  });
});

describe('languages', () => {
  test('the console follows the browser, and the switch changes and keeps the language', async () => {
    const { page } = await openBrowserFor(browser, 'zh-CN');
    await page.goto(`${stack.api.url}/console/`);
    await page.getByText('登录 Switchboard').waitFor();
    await fillSignIn(page, supervisor('sup-browser-lang'));
    await page.getByRole('menuitem', { name: '待办' }).waitFor();
    await page.getByText('我的待办').waitFor();

    await page.locator('.lang-switch').getByText('English').click();
    await page.getByRole('menuitem', { name: 'Inbox' }).waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: 'Inbox' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.locator('.lang-switch').getByText('中文').click();
    await page.getByRole('menuitem', { name: '待办' }).waitFor();
  });
});
