/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 * Playwright gives every launch a fresh temporary profile (user-data-dir);
 * the flags keep Chromium quiet on a machine without network or GPU.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/domain/roles';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface Person {
  sub: string;
  name: string;
  roles: Role[];
}

/**
 * A person's own browser window (separate storage), in their language; with
 * a token, already signed in (as the console keeps it: in localStorage).
 */
export async function openBrowserFor(
  browser: Browser,
  locale = 'en-US',
  { token, viewport = { width: 1360, height: 900 } }: { token?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport });
  // A busy two-core machine may take long to parse and render the console.
  context.setDefaultTimeout(60_000);
  if (token) await context.addInitScript({ content: `localStorage.setItem('switchboard.token', ${JSON.stringify(token)})` });
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the development sign-in form, as a person would. */
export async function signIn(page: Page, baseUrl: string, person: Person): Promise<void> {
  await page.goto(`${baseUrl}/console/signin`);
  await fillSignIn(page, person);
}

/** Fills and sends the development sign-in form on the page (the sign-in page). */
export async function fillSignIn(page: Page, person: Person): Promise<void> {
  const form = page.locator('form#dev-sign-in');
  await form.locator('#dev-sign-in_sub').fill(person.sub);
  await form.locator('#dev-sign-in_name').fill(person.name);
  for (const role of person.roles) await form.locator(`input[type=checkbox][value="${role}"]`).check();
  await form.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'));
}
