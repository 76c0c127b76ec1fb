import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import { Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import { devServerSearchAttributeFlags } from '../temporal/search-attributes';
import { hasExited, OutputTail, stopChild, stopLeftover, stopWithUs } from './process';

export interface TemporalDevServerOptions {
  /** The `temporal` binary (see findOrBuildTemporalCli). */
  cliPath: string;
  /** gRPC port of the frontend. */
  port: number;
  /** Web UI port; undefined runs the server headless (tests). */
  uiPort?: number;
  namespace: string;
  /** SQLite file for a persistent server; undefined keeps everything in memory. */
  dbFile?: string;
  /** Where to record the server's pid so a later run can stop one left behind. */
  pidFile?: string;
  log: Logger;
  readyTimeoutMs?: number;
}

export interface TemporalDevServer {
  /** host:port for Connection.connect / NativeConnection.connect. */
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export function isPortFree(port: number, host = HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function waitUntilReady(
  address: string,
  namespace: string,
  childGone: Promise<void>,
  timeoutMs: number,
): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void childGone.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) return 'exited';
    try {
      const connection = await Connection.connect({ address, connectTimeout: '2s' });
      try {
        // The namespace is registered at launch; ready means it answers for it too.
        await connection.workflowService.describeNamespace({ namespace });
        return 'ready';
      } finally {
        await connection.close();
      }
    } catch {
      if (gone) return 'exited';
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return 'timeout';
}

/**
 * `temporal server start-dev` as a child process, ready when it answers for
 * the namespace. The child runs in its own process group so a Ctrl-C in the
 * terminal reaches only us, and we stop it after the worker has drained; a
 * watchdog stops it if this process ends without doing so (even kill -9),
 * and the pid file lets the next run stop one that outlived both.
 */
export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const { cliPath, port, uiPort, namespace, dbFile, pidFile, log } = opts;
  const address = `${HOST}:${port}`;

  if (pidFile) {
    const pid = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).trim());
    // Only a dev server of ours: its command line names our SQLite file (or at least is a dev server).
    if (await stopLeftover(pid, dbFile ?? 'start-dev', 'SIGTERM')) {
      log.warn({ leftoverPid: pid }, 'stopped a Temporal dev server an earlier run left behind');
    }
  }
  for (const [what, p] of [
    ['gRPC', port],
    ['UI', uiPort],
  ] as const) {
    if (p !== undefined && !(await isPortFree(p))) {
      throw new Error(
        `Cannot start the Temporal dev server: ${what} port ${p} on ${HOST} is in use. ` +
          'Stop whatever uses it, choose other ports with TEMPORAL_DEV_PORT / TEMPORAL_DEV_UI_PORT, ' +
          'or set TEMPORAL_ADDRESS to use a Temporal server that is already running.',
      );
    }
  }

  const args = ['server', 'start-dev', '--ip', HOST, '--port', String(port), '--log-level', 'warn', '--color', 'never'];
  if (uiPort !== undefined) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  if (namespace !== 'default') args.push('--namespace', namespace);
  if (dbFile) args.push('--db-filename', dbFile);
  args.push(...devServerSearchAttributeFlags());

  // Our own TEMPORAL_* settings (TEMPORAL_ADDRESS, ...) are not meant for the server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_')));

  const started = Date.now();
  const child = spawn(cliPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const dismissWatchdog = stopWithUs(child, 'SIGTERM', `temporal dev server ${dbFile ?? address}`);
  // Recorded at once, so a run killed even while this one starts finds it next time.
  if (pidFile && child.pid) await fs.writeFile(pidFile, `${child.pid}\n`);
  const tail = new OutputTail();
  const toLog = (line: string) => log.debug({ temporal: 'dev-server' }, line);
  child.stdout!.on('data', (c: Buffer) => tail.push(c, toLog));
  child.stderr!.on('data', (c: Buffer) => tail.push(c, toLog));
  let spawnError: Error | undefined;
  const gone = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (err) => {
      spawnError = err;
      resolve();
    });
  });

  const result = await waitUntilReady(address, namespace, gone, opts.readyTimeoutMs ?? 60_000);
  if (result !== 'ready') {
    if (!spawnError && !hasExited(child)) await stopChild(child, 'SIGTERM', 3000);
    dismissWatchdog();
    if (pidFile) await fs.rm(pidFile, { force: true });
    const why =
      spawnError?.message ??
      (result === 'exited' ? `it exited (code ${child.exitCode}, signal ${child.signalCode})` : `not ready after ${Math.round((opts.readyTimeoutMs ?? 60_000) / 1000)}s`);
    throw new Error(`Temporal dev server (${cliPath} ${args.join(' ')}) did not start: ${why}. Last output:\n${tail}`);
  }
  log.info({ address, ms: Date.now() - started, persistent: Boolean(dbFile) }, 'Temporal dev server ready');

  let stopping: Promise<void> | undefined;
  return {
    address,
    uiUrl: uiPort !== undefined ? `http://localhost:${uiPort}` : undefined,
    stop() {
      stopping ??= (async () => {
        await stopChild(child, 'SIGTERM', 5000);
        dismissWatchdog();
        if (pidFile) await fs.rm(pidFile, { force: true });
        log.debug('Temporal dev server stopped');
      })();
      return stopping;
    },
  };
}
