/**
 * `switchboard start|api|worker|migrate|token` (npm start, npm run api, ...).
 *
 * start    everything in one process for development: the stack (embedded
 *          Postgres and Temporal dev server unless DATABASE_URL /
 *          TEMPORAL_ADDRESS are set), migrations, the worker and the API
 * api      the HTTP API only          (production; needs DATABASE_URL), with
 *          the hub's dispatcher unless HUB_DISPATCHER=off
 * worker   the Temporal worker only   (production; needs DATABASE_URL)
 * migrate  database migrations and Temporal search attributes
 * token    print a development JWT
 */
import { parseArgs } from 'node:util';
import type { Client, Connection } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import pino, { type Logger } from 'pino';
import { loadConfig, type Config } from './config';
import { PRIVATE_LOGGING } from './logging';
import type { Db } from './db/index';

const USAGE = `usage: switchboard <command>

  start     run everything for development (embedded Postgres and Temporal
            dev server unless DATABASE_URL / TEMPORAL_ADDRESS are set)
  api       run the HTTP API            (needs DATABASE_URL)
  worker    run the Temporal worker     (needs DATABASE_URL)
  migrate   migrate the database, register Temporal search attributes
  token     print a development token:
              token --sub alice --roles supervisor[,agent] [--name N] [--dept D] [--ttl 8h]
`;

/** Temporal's own default frontend address. */
const DEFAULT_TEMPORAL_ADDRESS = 'localhost:7233';

class UsageError extends Error {}

// ---------------------------------------------------------------- lifecycle

type Closer = { name: string; close: () => Promise<unknown> };

/**
 * One Ctrl-C is often delivered more than once: the terminal signals the
 * whole foreground process group, and a parent in it (npm, tsx, a shell
 * script) relays the same signal to us again a few milliseconds later.
 * Signals this soon after the first are that same request to stop.
 */
const SAME_STOP_REQUEST_MS = 1000;

/**
 * What the process opened, closed in reverse order on Ctrl-C / SIGTERM or a
 * fatal error: the API first, then the worker drains, then what it used,
 * then the stack's children. A second Ctrl-C (a second or more after the
 * first) exits at once; the children are still stopped by their watchdogs.
 */
class Lifecycle {
  private closers: Closer[] = [];
  private stopping: Promise<never> | undefined;
  private firstSignalAt: number | undefined;

  constructor(private readonly log: Logger) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => this.onSignal(signal));
  }

  private onSignal(signal: NodeJS.Signals): void {
    const now = Date.now();
    if (this.firstSignalAt === undefined) {
      this.firstSignalAt = now;
      this.log.info({ signal }, 'stopping (press Ctrl-C again to force)');
      void this.shutdown(0);
    } else if (now - this.firstSignalAt < SAME_STOP_REQUEST_MS) {
      this.log.debug({ signal }, 'the same stop request, relayed: already stopping');
    } else {
      this.log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(130);
    }
  }

  add(name: string, close: () => Promise<unknown>): void {
    this.closers.push({ name, close });
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  shutdown(code: number): Promise<never> {
    this.stopping ??= (async () => {
      while (this.closers.length) {
        const { name, close } = this.closers.pop()!;
        try {
          await close();
          this.log.debug({ what: name }, 'closed');
        } catch (err) {
          this.log.warn({ what: name, err }, 'error while closing');
        }
      }
      process.exit(code);
    })();
    return this.stopping;
  }
}

// ---------------------------------------------------------------- helpers

function requireDatabaseUrl(config: Config, command: string): string {
  if (!config.databaseUrl) {
    throw new UsageError(
      `DATABASE_URL is not set; \`${command}\` needs it (postgres://user:password@host:5432/switchboard). ` +
        'For development, `npm start` runs an embedded PostgreSQL instead.',
    );
  }
  return config.databaseUrl;
}

async function connectClient(address: string, log: Logger): Promise<Connection> {
  const { Connection } = await import('@temporalio/client');
  try {
    return await Connection.connect({ address, connectTimeout: '10s' });
  } catch (err) {
    log.debug({ err }, 'Temporal connection failed');
    throw new Error(`cannot reach Temporal at ${address} (TEMPORAL_ADDRESS): ${(err as Error).message}`);
  }
}

async function connectNative(address: string): Promise<NativeConnection> {
  const { NativeConnection } = await import('@temporalio/worker');
  try {
    return await NativeConnection.connect({ address });
  } catch (err) {
    throw new Error(`cannot reach Temporal at ${address} (TEMPORAL_ADDRESS): ${(err as Error).message}`);
  }
}

async function openDb(databaseUrl: string, log: Logger, maxConnections?: number): Promise<Db> {
  const { createDb } = await import('./db/index');
  return createDb(databaseUrl, maxConnections, (err) =>
    log.warn({ reason: err.message }, 'an idle database connection broke; the pool replaces it'),
  );
}

/** A long-running command failed while starting: say why, close what it opened, exit 1. */
async function failedToStart(life: Lifecycle, log: Logger, err: unknown, command: string): Promise<void> {
  if (life.isStopping) return;
  log.error(err instanceof Error ? err.message : String(err));
  log.debug({ err }, `${command} failed`);
  await life.shutdown(1);
}

// ---------------------------------------------------------------- commands

/** Migrations, then the search attributes (a production cluster has none until this runs). */
async function migrate(config: Config, log: Logger, databaseUrl: string, temporalAddress: string): Promise<void> {
  const { migrateToLatest } = await import('./db/migrate');
  const db = await openDb(databaseUrl, log, 2);
  try {
    const applied = await migrateToLatest(db);
    log.info({ applied }, applied.length ? 'database migrated' : 'database already up to date');
  } finally {
    await db.destroy();
  }
  const { ensureSearchAttributes } = await import('./temporal/ensure-search-attributes');
  const connection = await connectClient(temporalAddress, log);
  try {
    const added = await ensureSearchAttributes(connection, config.temporalNamespace);
    if (added.length) log.info({ added, namespace: config.temporalNamespace }, 'search attributes registered');
  } finally {
    await connection.close();
  }
}

/** The worker, running; registered with the lifecycle so it drains before what it uses closes. */
async function runWorker(
  config: Config,
  log: Logger,
  life: Lifecycle,
  db: Db,
  temporalAddress: string,
): Promise<Worker> {
  const { createWorker } = await import('./worker/index');
  const connection = await connectNative(temporalAddress);
  life.add('worker connection', () => connection.close());
  const worker = await createWorker({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    db,
    logger: log.child({ component: 'worker' }),
  });
  const running = worker.run();
  life.add('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  running.then(
    () => {
      if (!life.isStopping) {
        log.error('the worker stopped by itself');
        void life.shutdown(1);
      }
    },
    (err) => {
      log.error({ err }, 'the worker failed');
      void life.shutdown(1);
    },
  );
  log.info({ taskQueue: config.taskQueue, namespace: config.temporalNamespace }, 'worker running');
  return worker;
}

async function runApi(config: Config, log: Logger, life: Lifecycle, db: Db, temporalAddress: string): Promise<void> {
  const [{ buildApp }, { Client }] = await Promise.all([import('./api/app'), import('@temporalio/client')]);
  const connection = await connectClient(temporalAddress, log);
  life.add('client connection', () => connection.close());
  const temporal: Client = new Client({ connection, namespace: config.temporalNamespace });
  const app = await buildApp({ config, db, temporal });
  life.add('api', () => app.close());
  await app.listen({ port: config.port, host: config.host });
  if (config.hub.dispatch) {
    const { startDispatcher } = await import('./hub/dispatcher');
    // Closed before the API and the database: the posts under way finish and are recorded.
    const dispatcher = startDispatcher({ db, config: config.hub, log: log.child({ component: 'hub' }) });
    life.add('hub dispatcher', () => dispatcher.stop());
  }
}

async function commandStart(config: Config, log: Logger): Promise<void> {
  const life = new Lifecycle(log);
  try {
    const { ensureStack } = await import('./dev/stack');
    const started = Date.now();
    const stack = await ensureStack(config, log, { persistent: true });
    life.add('stack', () => stack.stop());
    const running: Config = {
      ...config,
      databaseUrl: stack.databaseUrl,
      temporalAddress: stack.temporalAddress,
      temporalUiUrl: config.temporalUiUrl ?? stack.temporalUiUrl,
    };
    // The web console is static files built once (a few seconds); later starts reuse them.
    await (await import('./dev/console-build')).ensureConsoleBuilt(log);

    await migrate(running, log, stack.databaseUrl, stack.temporalAddress);
    (await import('./worker/runtime')).installTemporalRuntime(log);
    const db = await openDb(stack.databaseUrl, log);
    life.add('database', () => db.destroy());
    await runWorker(running, log, life, db, stack.temporalAddress);
    await runApi(running, log, life, db, stack.temporalAddress);

    const base = `http://localhost:${config.port}`;
    const lines = [
      '',
      `Switchboard is running (ready in ${((Date.now() - started) / 1000).toFixed(1)}s)`,
      `  API          ${base}/v1`,
      `  Console      ${base}/console`,
      `  API docs     ${base}/docs`,
      stack.temporalUiUrl ? `  Temporal UI  ${stack.temporalUiUrl}` : `  Temporal     ${stack.temporalAddress}`,
      config.databaseUrl && config.temporalAddress ? undefined : `  Data         ${config.dataDir}`,
      '',
      '  A token for the API:  npm run token -- --sub alice --roles supervisor',
      '  Stop with Ctrl-C; the next `npm start` picks every case up where it was.',
      '',
    ];
    process.stdout.write(lines.filter((l) => l !== undefined).join('\n') + '\n');
  } catch (err) {
    await failedToStart(life, log, err, 'start');
  }
}

async function commandService(which: 'api' | 'worker', config: Config, log: Logger): Promise<void> {
  const databaseUrl = requireDatabaseUrl(config, which);
  const temporalAddress = config.temporalAddress ?? DEFAULT_TEMPORAL_ADDRESS;
  const life = new Lifecycle(log);
  try {
    if (which === 'worker') (await import('./worker/runtime')).installTemporalRuntime(log);
    const db = await openDb(databaseUrl, log);
    life.add('database', () => db.destroy());
    if (which === 'worker') await runWorker(config, log, life, db, temporalAddress);
    else {
      await runApi(config, log, life, db, temporalAddress);
      log.info({ port: config.port, host: config.host }, 'API listening');
    }
  } catch (err) {
    await failedToStart(life, log, err, which);
  }
}

async function commandMigrate(config: Config, log: Logger): Promise<void> {
  const databaseUrl = requireDatabaseUrl(config, 'migrate');
  await migrate(config, log, databaseUrl, config.temporalAddress ?? DEFAULT_TEMPORAL_ADDRESS);
}

async function commandToken(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sub: { type: 'string' },
      roles: { type: 'string' },
      name: { type: 'string' },
      dept: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.sub || !values.roles) throw new UsageError('token needs --sub and --roles');
  const { ROLES } = await import('./domain/roles');
  const roles = values.roles
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length || roles.length === 0) {
    throw new UsageError(`unknown role(s): ${unknown.join(', ') || '(none given)'}; known roles: ${ROLES.join(', ')}`);
  }
  const { signToken } = await import('./auth/tokens');
  const token = await signToken({ sub: values.sub, name: values.name, roles, dept: values.dept }, config.jwtSecret, values.ttl);
  process.stdout.write(`${token}\n`);
}

// ---------------------------------------------------------------- main

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`switchboard: ${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  // Logs to stderr: stdout carries what a command prints (a token, the start banner).
  const log = pino({ ...PRIVATE_LOGGING, level: config.logLevel, base: { service: 'switchboard', pid: process.pid } }, pino.destination(2));
  try {
    switch (command) {
      case 'start':
        return await commandStart(config, log);
      case 'api':
      case 'worker':
        return await commandService(command, config, log);
      case 'migrate':
        return await commandMigrate(config, log);
      case 'token':
        return await commandToken(config, rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        if (command === undefined) process.exitCode = 2;
        return;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`switchboard: ${(err as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    log.error(err instanceof Error ? err.message : String(err));
    log.debug({ err }, `${command} failed`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
