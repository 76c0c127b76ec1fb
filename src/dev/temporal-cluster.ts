/**
 * The Temporal server proper (not the dev server) on PostgreSQL, as
 * production runs it: built from its Go module, its schema set up by its own
 * SQL tool, configured by a YAML file. docker-compose.yml runs the same
 * version with the same settings from Temporal's images.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Connection, isGrpcServiceError } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import type { Logger } from 'pino';
import { goInstall, isExecutable, switchboardCacheDir } from './go-install';
import { TEMPORAL_CLI_VERSION } from './temporal-cli';

/** The server the Temporal CLI v1.5.1 embeds (its go.mod), so the dev server and this one agree. */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';

/** History shards are fixed when a cluster is created; 4 suits one machine (compose: NUM_HISTORY_SHARDS). */
export const TEMPORAL_HISTORY_SHARDS = 4;
/** The pgx driver of Temporal's PostgreSQL 12+ persistence (compose: DB, SQL_PLUGIN). */
const SQL_PLUGIN = 'postgres12_pgx';
/** Temporal's two databases and the schemas embedded in its SQL tool, same names as in compose. */
const DATABASES = [
  { name: 'temporal', schema: 'postgresql/v12/temporal' },
  { name: 'temporal_visibility', schema: 'postgresql/v12/visibility' },
] as const;
/** Closed workflows are kept this long (compose's namespace service says the same). */
const NAMESPACE_RETENTION = '7 days';
/** The dynamic config both topologies use. */
export const TEMPORAL_DYNAMIC_CONFIG = fileURLToPath(new URL('../../deploy/temporal/dynamicconfig.yaml', import.meta.url));

const execFileAsync = promisify(execFile);

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

const serverBinariesIn = (cacheDir: string): TemporalServerBinaries => ({
  server: path.join(cacheDir, 'temporal-server'),
  sqlTool: path.join(cacheDir, 'temporal-sql-tool'),
});

/** The server and its SQL tool if the cache holds them (never builds: the benchmark skips the topology instead). */
export async function findCachedTemporalServer(env: NodeJS.ProcessEnv = process.env): Promise<TemporalServerBinaries | undefined> {
  const binaries = serverBinariesIn(switchboardCacheDir(`temporal-server-${TEMPORAL_SERVER_VERSION}`, env));
  return (await isExecutable(binaries.server)) && (await isExecutable(binaries.sqlTool)) ? binaries : undefined;
}

/**
 * The server and its SQL tool from the cache
 * (`~/.cache/switchboard/temporal-server-v1.29.1`, XDG_CACHE_HOME respected),
 * built with Go there first if missing (about five minutes, once per machine).
 */
export async function findOrBuildTemporalServer(log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<TemporalServerBinaries> {
  const cached = await findCachedTemporalServer(env);
  if (cached) return cached;
  const cacheDir = switchboardCacheDir(`temporal-server-${TEMPORAL_SERVER_VERSION}`, env);
  const binaries = serverBinariesIn(cacheDir);

  await goInstall({
    what: `the Temporal server ${TEMPORAL_SERVER_VERSION}`,
    packages: [`${SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`, `${SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`],
    cacheDir,
    otherwise: `The production-like stack needs it (\`npm start\` does not: it runs the CLI's dev server, ${TEMPORAL_CLI_VERSION}).`,
    log,
    env,
  });
  // go install names binaries after their package directories; these are the names Temporal's images use.
  await fs.rename(path.join(cacheDir, 'server'), binaries.server);
  await fs.rename(path.join(cacheDir, 'sql'), binaries.sqlTool);
  return binaries;
}

/** A PostgreSQL server Temporal keeps its two databases on. */
export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

export function postgresServerOf(databaseUrl: string): PostgresServer {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/**
 * Creates Temporal's databases and brings their schemas to this version
 * with the server's own tool and the schemas embedded in it, as compose's
 * temporal-schema service does. Safe to repeat: create-database accepts an
 * existing database, setup-schema leaves an existing version alone and
 * update-schema applies only what is new.
 */
export async function setUpTemporalSchema(sqlTool: string, pg: PostgresServer, log: Logger): Promise<void> {
  // Passed as the tool's environment variables: no password on a command line.
  const base = { PATH: process.env.PATH, SQL_PLUGIN, SQL_HOST: pg.host, SQL_PORT: String(pg.port), SQL_USER: pg.user, SQL_PASSWORD: pg.password };
  const tool = async (database: string, args: string[]): Promise<void> => {
    try {
      await execFileAsync(sqlTool, args, { env: { ...base, SQL_DATABASE: database } });
    } catch (err) {
      const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
      throw new Error(`temporal-sql-tool --db ${database} ${args.join(' ')} failed:\n${stdout}${stderr}`);
    }
  };
  for (const { name, schema } of DATABASES) {
    await tool(name, ['create-database']);
    await tool(name, ['setup-schema', '-v', '0.0']);
    await tool(name, ['update-schema', '--schema-name', schema]);
    log.debug({ database: name }, 'Temporal schema up to date');
  }
}

export interface TemporalServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

const HOST = '127.0.0.1';
const q = (value: string | number) => JSON.stringify(String(value));

/**
 * The server's config: both stores on PostgreSQL, every service on
 * 127.0.0.1. Field for field what Temporal's image renders from compose's
 * environment (config/docker.yaml in the server's module).
 */
export function temporalServerConfig(pg: PostgresServer, ports: TemporalServerPorts, dynamicConfigFile: string): string {
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: ${q(SQL_PLUGIN)}
        databaseName: ${q(database)}
        connectAddr: ${q(`${pg.host}:${pg.port}`)}
        connectProtocol: "tcp"
        user: ${q(pg.user)}
        password: ${q(pg.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const rpc = (grpc: number, membership: number, http?: number) => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnIP: ${q(HOST)}${http ? `\n      httpPort: ${http}` : ''}`;
  return `# Written by Switchboard (src/dev/temporal-cluster.ts) on every start; edits are lost.
log:
  stdout: true
  level: "info"

persistence:
  numHistoryShards: ${TEMPORAL_HISTORY_SHARDS}
  defaultStore: default
  visibilityStore: visibility
  datastores:
    default:${store('temporal', 20)}
    visibility:${store('temporal_visibility', 10)}

global:
  membership:
    maxJoinDuration: "30s"
    broadcastAddress: ${q(HOST)}

services:
  frontend:${rpc(ports.frontend, ports.frontendMembership, ports.frontendHttp)}
  history:${rpc(ports.history, ports.historyMembership)}
  matching:${rpc(ports.matching, ports.matchingMembership)}
  worker:${rpc(ports.worker, ports.workerMembership)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: ${q(`${HOST}:${ports.frontend}`)}
      httpAddress: ${q(`${HOST}:${ports.frontendHttp}`)}

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: ${q(dynamicConfigFile)}
  pollInterval: "60s"
`;
}

/** The command line that runs every service of the server in one process, configured by `configFile`. */
export function temporalServerArgs(configFile: string): string[] {
  return [
    '--root', path.dirname(configFile),
    '--config', '.',
    '--env', path.basename(configFile, '.yaml'),
    // No authorizer: the frontend listens on 127.0.0.1 only.
    '--allow-no-auth',
    'start',
    ...['frontend', 'history', 'matching', 'worker'].flatMap((s) => ['--service', s]),
  ];
}

/** gRPC status code 6. */
const GRPC_ALREADY_EXISTS = 6;

/** Registers `namespace` unless it exists (a new cluster has only its system namespace). */
export async function ensureNamespace(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: '5s' });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(NAMESPACE_RETENTION),
    });
    return true;
  } catch (err) {
    if (isGrpcServiceError(err) && err.code === GRPC_ALREADY_EXISTS) return false;
    throw err;
  } finally {
    await connection.close();
  }
}
