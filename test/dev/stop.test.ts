/**
 * Stopping `npm start`: one Ctrl-C (SIGINT to the process group, as a
 * terminal sends it) drains the worker and stops every child; kill -9 of
 * the group leaves nothing running for long (the watchdogs), and what
 * outlived its watchdog too is reaped by the next start. Each run has its
 * own DATA_DIR and free ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../src/dev/stack';
import { isPortFree } from '../../src/dev/temporal-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 120_000;

let dataDir: string;
let ports: { api: number; pg: number; temporal: number; ui: number };

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-stop-'));
  // As root, PostgreSQL runs as `postgres`, which must get through this directory.
  await fs.chmod(dataDir, 0o755);
  const [api, pg, temporal, ui] = [await freePort(), await freePort(), await freePort(), await freePort()];
  ports = { api: api!, pg: pg!, temporal: temporal!, ui: ui! };
});

afterAll(async () => {
  // Whatever a failed test left: stop it, so later runs and other tests are not disturbed.
  for (const p of await processesOf(dataDir)) process.kill(p.pid, 'SIGKILL');
  await fs.rm(dataDir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  /** What it logged (stderr). */
  log: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` in a process group of its own, ready when it prints its banner. */
async function npmStart(): Promise<Running> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(ports.api),
    EMBEDDED_PG_PORT: String(ports.pg),
    TEMPORAL_DEV_PORT: String(ports.temporal),
    TEMPORAL_DEV_UI_PORT: String(ports.ui),
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in ${START_TIMEOUT_MS} ms:\n${err.slice(-3000)}`)), START_TIMEOUT_MS);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Switchboard is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before it was ready:\n${err.slice(-3000)}`));
    });
  });
  const health = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
  expect(health.status).toBe(200);
  return { child, log: () => err, exited };
}

interface Proc {
  pid: number;
  cmdline: string;
}

/** Live processes whose command line names `dir`: the dev server, PostgreSQL, the watchdogs. */
async function processesOf(dir: string): Promise<Proc[]> {
  const found: Proc[] = [];
  for (const entry of await fs.readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const cmdline = await fs.readFile(`/proc/${entry}/cmdline`, 'utf8').then(
      (s) => s.replaceAll('\0', ' '),
      () => '',
    );
    if (cmdline.includes(dir)) found.push({ pid, cmdline });
  }
  return found;
}

/** Poll until nothing of this DATA_DIR runs; returns how long that took. */
async function nothingLeft(withinMs: number): Promise<number> {
  const started = Date.now();
  let left: Proc[] = [];
  while (Date.now() - started < withinMs) {
    left = await processesOf(dataDir);
    if (left.length === 0) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`still running after ${withinMs} ms:\n${left.map((p) => `${p.pid} ${p.cmdline.slice(0, 160)}`).join('\n')}`);
}

async function expectPortsFree(): Promise<void> {
  for (const port of Object.values(ports)) expect(await isPortFree(port), `port ${port}`).toBe(true);
}

/** npm waits for the CLI, then ends by the signal it got (the CLI itself exits 0); no crash on the way. */
function expectCleanExit(exit: { code: number | null; signal: NodeJS.Signals | null }, run: Running): void {
  expect(exit.code === 0 || exit.signal === 'SIGINT', `${JSON.stringify(exit)}\n${run.log().slice(-3000)}`).toBe(true);
  expect(run.log()).not.toMatch(/Node\.js v\d|Unhandled|uncaught/i);
}

const isWatchdog = (p: Proc) => p.cmdline.includes('switchboard-watchdog');

describe('stopping npm start', () => {
  test(
    'one Ctrl-C on a fresh DATA_DIR drains the worker and stops every child',
    async () => {
      const run = await npmStart();
      const signalled = Date.now();
      process.kill(-run.child.pid!, 'SIGINT');
      const exit = await run.exited;
      const stopMs = Date.now() - signalled;
      expectCleanExit(exit, run);
      expect(run.log()).toMatch(/"state":"DRAINED"/);
      expect(run.log()).not.toMatch(/second signal/);
      await nothingLeft(2000);
      await expectPortsFree();
      console.info(`one Ctrl-C: stopped in ${stopMs} ms`);
    },
    START_TIMEOUT_MS + 60_000,
  );

  test(
    'kill -9 of the group: the watchdogs stop the children; what outlived them the next start reaps',
    async () => {
      // kill -9 of the group, and of PostgreSQL's watchdog: the dev server's watchdog stops it, PostgreSQL is orphaned.
      const first = await npmStart();
      const pgWatchdog = (await processesOf(dataDir)).filter((p) => isWatchdog(p) && p.cmdline.includes('postgres -D'));
      expect(pgWatchdog).toHaveLength(1);
      const killed = Date.now();
      process.kill(-first.child.pid!, 'SIGKILL');
      process.kill(pgWatchdog[0]!.pid, 'SIGKILL');
      await first.exited;
      const postmaster = Number((await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      const devServerGoneMs = await (async () => {
        for (;;) {
          const left = await processesOf(dataDir);
          if (!left.some((p) => p.cmdline.includes('start-dev'))) return Date.now() - killed;
          if (Date.now() - killed > 15_000) throw new Error('the dev server outlived its watchdog');
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      expect((await processesOf(dataDir)).map((p) => p.pid)).toContain(postmaster);

      // The next start stops the orphaned PostgreSQL (postmaster.pid) and starts clean on the same ports.
      const second = await npmStart();
      expect(second.log()).toMatch(/stopped a PostgreSQL an earlier run left behind/);
      process.kill(-second.child.pid!, 'SIGINT');
      expectCleanExit(await second.exited, second);
      await nothingLeft(2000);
      await expectPortsFree();
      console.info(`kill -9: the dev server's watchdog stopped it in ${devServerGoneMs} ms`);
    },
    2 * START_TIMEOUT_MS + 60_000,
  );
});
