/**
 * Builds the web console (console/, Vite) into console/dist, which the API
 * serves at /console. `npm start` builds it when it is missing; the browser
 * tests when a source is newer than the build.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { CONSOLE_DIST_DIR, CONSOLE_SOURCE_DIR, consoleBuilt } from '../api/console-assets';

export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  await build({ root: CONSOLE_SOURCE_DIR, configFile: path.join(CONSOLE_SOURCE_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

async function newestSource(dir = CONSOLE_SOURCE_DIR): Promise<number> {
  let newest = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestSource(full) : (await fs.stat(full)).mtimeMs);
  }
  return newest;
}

/** Builds the console when it is missing (or, with `whenStale`, older than a source file). */
export async function ensureConsoleBuilt(log: Pick<Logger, 'info'>, { whenStale = false } = {}): Promise<void> {
  if (consoleBuilt()) {
    if (!whenStale) return;
    const built = (await fs.stat(path.join(CONSOLE_DIST_DIR, 'index.html'))).mtimeMs;
    if (built >= (await newestSource())) return;
  }
  const started = Date.now();
  log.info('building the web console');
  await buildConsole();
  log.info({ ms: Date.now() - started }, 'web console built');
}
