import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './postgres';
import { findOrBuildTemporalCli } from './temporal-cli';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-server';

export interface Stack {
  databaseUrl: string;
  /** host:port of the Temporal frontend. */
  temporalAddress: string;
  /** Only when we run the dev server with its UI. */
  temporalUiUrl?: string;
  /** Stops what this stack started (nothing, for external services). */
  stop(): Promise<void>;
}

export interface StackOptions {
  /**
   * true (`npm start`): data in DATA_DIR survives restarts, fixed ports.
   * false (tests): a temp Postgres and an in-memory Temporal on free ports.
   */
  persistent: boolean;
}

/** A TCP port nobody listens on right now. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function envPort(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name} must be a TCP port, got ${JSON.stringify(raw)}`);
  return port;
}

/**
 * The services Switchboard needs: those configured (DATABASE_URL,
 * TEMPORAL_ADDRESS) as they are, the others started here: an embedded
 * PostgreSQL and a Temporal dev server (started side by side).
 */
export async function ensureStack(
  config: Config,
  log: Logger,
  { persistent }: StackOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Stack> {
  let tempDir: string | undefined;
  if (persistent && (!config.databaseUrl || !config.temporalAddress)) {
    await fs.mkdir(config.dataDir, { recursive: true });
  }

  const startPostgres = async (): Promise<EmbeddedPostgres | undefined> => {
    if (config.databaseUrl) return undefined;
    let dir: string;
    if (persistent) {
      dir = path.join(config.dataDir, 'postgres');
    } else {
      // mkdtemp makes a 0700 directory; the postgres user (we may be root) must get through it.
      tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-pg-'));
      await fs.chmod(tempDir, 0o755);
      dir = path.join(tempDir, 'postgres');
    }
    const port = envPort('EMBEDDED_PG_PORT', env) ?? (persistent ? 54329 : await freePort());
    return startEmbeddedPostgres({ dir, port, persistent, log: log.child({ component: 'postgres' }) });
  };

  const startTemporal = async (): Promise<TemporalDevServer | undefined> => {
    if (config.temporalAddress) return undefined;
    const cliPath = await findOrBuildTemporalCli(log, env);
    const port = envPort('TEMPORAL_DEV_PORT', env) ?? (persistent ? 7233 : await freePort());
    const uiPort = persistent ? (envPort('TEMPORAL_DEV_UI_PORT', env) ?? 8233) : envPort('TEMPORAL_DEV_UI_PORT', env);
    return startTemporalDevServer({
      cliPath,
      port,
      uiPort,
      namespace: config.temporalNamespace,
      dbFile: persistent ? path.join(config.dataDir, 'temporal.db') : undefined,
      pidFile: persistent ? path.join(config.dataDir, 'temporal.pid') : undefined,
      log: log.child({ component: 'temporal' }),
    });
  };

  const [pgResult, temporalResult] = await Promise.allSettled([startPostgres(), startTemporal()]);
  const postgres = pgResult.status === 'fulfilled' ? pgResult.value : undefined;
  const temporal = temporalResult.status === 'fulfilled' ? temporalResult.value : undefined;

  const stop = async () => {
    await Promise.allSettled([temporal?.stop(), postgres?.stop()]);
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  };

  if (pgResult.status === 'rejected' || temporalResult.status === 'rejected') {
    await stop();
    const errors = [pgResult, temporalResult].filter((r) => r.status === 'rejected').map((r) => r.reason);
    throw errors.length === 1 ? errors[0] : new AggregateError(errors, errors.map((e) => String(e?.message ?? e)).join('\n'));
  }

  return {
    databaseUrl: config.databaseUrl ?? postgres!.databaseUrl,
    temporalAddress: config.temporalAddress ?? temporal!.address,
    temporalUiUrl: temporal?.uiUrl,
    stop,
  };
}
