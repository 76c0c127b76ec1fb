/**
 * The production topology on one machine, without Docker: PostgreSQL, the
 * Temporal server on it (built from its Go module, schema by its own SQL
 * tool), migrations once, then API and worker processes, each its own OS
 * process with its own log. docker-compose.yml describes the same topology
 * with the same settings. `npm run stack:prod-like` runs it; benchmarks and
 * failure tests call startProdLikeStack() and crash or restart its parts.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import pino, { type Logger } from 'pino';
import { loadConfig } from '../config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './postgres';
import { ChildService, runToCompletion, type Service } from './service';
import { freePort } from './stack';
import { isPortFree } from './temporal-server';
import {
  ensureNamespace,
  findOrBuildTemporalServer,
  postgresServerOf,
  setUpTemporalSchema,
  TEMPORAL_DYNAMIC_CONFIG,
  temporalServerArgs,
  temporalServerConfig,
  type TemporalServerPorts,
} from './temporal-cluster';

export interface ProdLikeOptions {
  /** Everything the stack writes: postgres/, temporal/, logs/, run/. */
  dataDir: string;
  /** false: stop() deletes dataDir (tests, benchmarks). */
  persistent: boolean;
  /** How many API and worker processes (2 each by default). */
  apis?: number;
  workers?: number;
  /** Ports; any left unset is picked free. API n listens on apiPort + n - 1. */
  apiPort?: number;
  temporalPort?: number;
  postgresPort?: number;
  /** A PostgreSQL server to use instead of the embedded one (Temporal's databases go there too). */
  databaseUrl?: string;
  /** A running Temporal server (host:port) to use instead of building and starting one (the benchmark's dev-server target). */
  temporalAddress?: string;
  /** Environment of the API, worker and migrate processes on top of this one's (AUTH_JWT_SECRET, LOG_LEVEL, ...). */
  env?: NodeJS.ProcessEnv;
  /** Node's own flags for the API and worker processes (the benchmark's `--profile`: `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  log: Logger;
}

export interface ApiService extends Service {
  /** http://127.0.0.1:port */
  readonly url: string;
}

export interface ProdLikeStack {
  dataDir: string;
  logsDir: string;
  databaseUrl: string;
  /** host:port of the Temporal frontend. */
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  /** undefined with an external PostgreSQL (databaseUrl). */
  postgres?: Service;
  /** undefined with an external Temporal server (temporalAddress). */
  temporal?: Service;
  apis: ApiService[];
  workers: Service[];
  /** Milliseconds from the call to everything ready. */
  startupMs: number;
  /** APIs, then workers (they drain), then Temporal, then PostgreSQL; deletes dataDir unless persistent. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
/**
 * The Temporal server holds about 35 connections at idle and more under load
 * (a pool per service and store, up to 20 each), each API and worker up to
 * 10: more than PostgreSQL's default 100. Compose sets the same.
 */
const POSTGRES_MAX_CONNECTIONS = 300;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The embedded PostgreSQL as a Service; its data survives restarts and kills. */
class EmbeddedPostgresService implements Service {
  readonly name = 'postgres';
  private running: EmbeddedPostgres | undefined;
  databaseUrl = '';

  constructor(
    private readonly dir: string,
    private readonly port: number,
    readonly logFile: string,
  ) {}

  get pid(): number | undefined {
    return this.running?.pid;
  }

  async start(): Promise<void> {
    // Its server output goes to its own log, like the other services'.
    const log = pino({ level: 'trace', base: { service: 'postgres' } }, pino.destination({ dest: this.logFile, append: true, sync: true }));
    this.running = await startEmbeddedPostgres({ dir: this.dir, port: this.port, persistent: true, log, maxConnections: POSTGRES_MAX_CONNECTIONS });
    this.databaseUrl = this.running.databaseUrl;
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = undefined;
  }

  async kill(): Promise<void> {
    if (this.running) process.kill(this.running.pid, 'SIGKILL');
    await this.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

/**
 * Free ports for the server's services. Temporal on PostgreSQL keeps
 * membership ports in a SMALLINT column (cluster_membership.rpc_port), so
 * they must stay below 32768, under the kernel's range of ephemeral ports
 * that freePort() hands out.
 */
async function temporalPorts(frontend?: number): Promise<TemporalServerPorts> {
  const taken = new Set<number>();
  const pick = async (): Promise<number> => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const port = 20_000 + Math.floor(Math.random() * 12_000);
      if (taken.has(port) || !(await isPortFree(port))) continue;
      taken.add(port);
      return port;
    }
    throw new Error('no free port between 20000 and 32000 for the Temporal server');
  };
  const names = ['frontendHttp', 'frontendMembership', 'history', 'historyMembership', 'matching', 'matchingMembership', 'worker', 'workerMembership'] as const;
  const ports = { frontend: frontend ?? (await pick()) } as TemporalServerPorts;
  for (const name of names) ports[name] = await pick();
  return ports;
}

interface Dirs {
  logsDir: string;
  runDir: string;
}

/** All four services of the Temporal server in one process, configured by `configFile`. */
function temporalService(server: string, configFile: string, { logsDir, runDir }: Dirs, probe: Connection): ChildService {
  return new ChildService({
    name: 'temporal',
    command: server,
    args: temporalServerArgs(configFile),
    // The server reads TEMPORAL_* variables of its own (TEMPORAL_ROOT, ...); ours are not for it.
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_'))),
    logFile: path.join(logsDir, 'temporal.log'),
    pidFile: path.join(runDir, 'temporal.pid'),
    leftoverMatch: `--root ${path.dirname(configFile)} `,
    stopSignal: 'SIGTERM',
    stopGraceMs: 10_000,
    // Up when the frontend answers for the system namespace, which history serves.
    ready: async () => Boolean(await probe.workflowService.describeNamespace({ namespace: 'temporal-system' })),
    readyTimeoutMs: 90_000,
  });
}

/**
 * `src/cli.ts <command>` as its own process: what `npm run <command>` runs,
 * without npm's and tsx's wrapper processes, so a signal reaches the service itself.
 */
function cliProcess(command: 'api' | 'worker' | 'migrate', env: NodeJS.ProcessEnv, nodeArgs: string[] = []) {
  return { command: process.execPath, args: [...nodeArgs, '--import', 'tsx', 'src/cli.ts', command], cwd: ROOT, env };
}

function nodeService(
  name: string,
  command: 'api' | 'worker',
  env: NodeJS.ProcessEnv,
  { logsDir, runDir }: Dirs,
  ready: (pid: number) => Promise<boolean>,
  nodeArgs?: string[],
) {
  return new ChildService({
    name,
    ...cliProcess(command, env, nodeArgs),
    logFile: path.join(logsDir, `${name}.log`),
    pidFile: path.join(runDir, `${name}.pid`),
    leftoverMatch: `src/cli.ts ${command}`,
    stopSignal: 'SIGTERM',
    // A worker lets running activities finish (compose: stop_grace_period).
    stopGraceMs: command === 'worker' ? 60_000 : 10_000,
    ready,
    readyTimeoutMs: 90_000,
  });
}

/** Starts the topology; on any failure stops what it started and throws. */
export async function startProdLikeStack(opts: ProdLikeOptions): Promise<ProdLikeStack> {
  const started = Date.now();
  const { log, persistent } = opts;
  const dataDir = path.resolve(opts.dataDir);
  const dirs: Dirs = { logsDir: path.join(dataDir, 'logs'), runDir: path.join(dataDir, 'run') };
  for (const dir of [dirs.logsDir, dirs.runDir, path.join(dataDir, 'temporal')]) await fs.mkdir(dir, { recursive: true });
  // As root, PostgreSQL runs as `postgres`, which must get through mkdtemp's 0700.
  await fs.chmod(dataDir, 0o755);

  const serviceEnv = { ...process.env, ...opts.env };
  const { temporalNamespace: namespace, taskQueue } = loadConfig(serviceEnv);
  // What has been started, for stop(): filled in as the services come up.
  const up = { postgres: undefined as Service | undefined, temporal: undefined as Service | undefined, apis: [] as Service[], workers: [] as Service[] };
  let probe: Connection | undefined;

  const stop = async () => {
    // APIs stop taking requests, workers drain, then what they use goes.
    await Promise.allSettled(up.apis.map((s) => s.stop()));
    await Promise.allSettled(up.workers.map((s) => s.stop()));
    await probe?.close().catch(() => undefined);
    for (const s of [up.temporal, up.postgres]) await s?.stop().catch((err) => log.warn({ err, process: s.name }, 'stop failed'));
    if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
  };

  const startService = async <S extends Service>(service: S, kind: keyof typeof up): Promise<S> => {
    if (kind === 'apis' || kind === 'workers') up[kind].push(service);
    else up[kind] = service;
    await service.start();
    log.info({ process: service.name, pid: service.pid, log: service.logFile }, 'started');
    return service;
  };

  try {
    // PostgreSQL and the server build (cached after the first time) side by side.
    const postgres = opts.databaseUrl
      ? undefined
      : new EmbeddedPostgresService(path.join(dataDir, 'postgres'), opts.postgresPort ?? (await freePort()), path.join(dirs.logsDir, 'postgres.log'));
    const [binaries] = await Promise.all([
      opts.temporalAddress ? undefined : findOrBuildTemporalServer(log),
      postgres && startService(postgres, 'postgres'),
    ]);
    const databaseUrl = opts.databaseUrl ?? postgres!.databaseUrl;

    let temporalAddress = opts.temporalAddress;
    let temporal: Service | undefined;
    if (binaries) {
      const pg = postgresServerOf(databaseUrl);
      await setUpTemporalSchema(binaries.sqlTool, pg, log);
      const ports = await temporalPorts(opts.temporalPort);
      const configFile = path.join(dataDir, 'temporal', 'switchboard.yaml');
      await fs.writeFile(configFile, temporalServerConfig(pg, ports, TEMPORAL_DYNAMIC_CONFIG), { mode: 0o600 });
      temporalAddress = `${HOST}:${ports.frontend}`;
      probe = Connection.lazy({ address: temporalAddress });
      temporal = await startService(temporalService(binaries.server, configFile, dirs, probe), 'temporal');
    }
    if (!temporalAddress) throw new Error('unreachable: no Temporal server');
    const connection = (probe ??= Connection.lazy({ address: temporalAddress }));
    await retrying(`registering the namespace ${namespace}`, () => ensureNamespace(temporalAddress, namespace));

    const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
      ...serviceEnv,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      HOST,
      ...extra,
    });
    // Once, before any API or worker (compose: the migrate service).
    await runToCompletion({ name: 'migrate', ...cliProcess('migrate', env()), logFile: path.join(dirs.logsDir, 'migrate.log') });

    const apiPorts = await Promise.all(Array.from({ length: opts.apis ?? 2 }, (_, i) => (opts.apiPort ? opts.apiPort + i : freePort())));
    const apis = apiPorts.map((port, i) => {
      const url = `http://${HOST}:${port}`;
      const service = nodeService(`api-${i + 1}`, 'api', env({ PORT: String(port) }), dirs, async () => (await fetch(`${url}/readyz`)).ok, opts.nodeArgs);
      return Object.assign(service, { url });
    });
    // A worker is ready when it polls its task queue (the SDK's identity is pid@host).
    const polling = async (pid: number) => {
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: 1 /* NORMAL */ },
        taskQueueType: 1 /* WORKFLOW */,
      });
      return pollers.some((p) => p.identity === `${pid}@${os.hostname()}`);
    };
    const workers = Array.from({ length: opts.workers ?? 2 }, (_, i) => nodeService(`worker-${i + 1}`, 'worker', env(), dirs, polling, opts.nodeArgs));
    await Promise.all([...apis.map((s) => startService(s, 'apis')), ...workers.map((s) => startService(s, 'workers'))]);

    return {
      dataDir,
      logsDir: dirs.logsDir,
      databaseUrl,
      temporalAddress,
      namespace,
      taskQueue,
      postgres,
      temporal,
      apis,
      workers,
      startupMs: Date.now() - started,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Calls `attempt` until it resolves: a server that just came up may refuse some calls for a moment. */
async function retrying<T>(what: string, attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what} failed: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
