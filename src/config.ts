import path from 'node:path';

/** Runtime configuration, read once from the environment (README lists every variable). */
export interface Config {
  port: number;
  host: string;
  /** Unset: `npm start` runs an embedded Postgres in `dataDir`. */
  databaseUrl?: string;
  /** Unset: `npm start` runs a Temporal dev server with its SQLite file in `dataDir`. */
  temporalAddress?: string;
  temporalNamespace: string;
  taskQueue: string;
  jwtSecret: string;
  /** Set: tokens are verified against this JWKS (RS256/ES256) instead of the HS256 secret. */
  jwksUrl?: string;
  /** Required `iss` / `aud` claims, when set. */
  jwtIssuer?: string;
  jwtAudience?: string;
  dataDir: string;
  logLevel: string;
  temporalCliPath?: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** The whole request (headers and body) must arrive within this many ms, else 408. */
  requestTimeoutMs: number;
  /** The request headers must arrive within this many ms (at most requestTimeoutMs). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this many ms. */
  keepAliveTimeoutMs: number;
  hub: HubConfig;
  /** Base URL of the Temporal Web UI the console links workflows to (`npm start` fills in its dev server's). */
  temporalUiUrl?: string;
}

/** The hub's dispatcher (README, "Events to other systems"). */
export interface HubConfig {
  /** Run a dispatcher in this process (the API's, and `npm start`'s). */
  dispatch: boolean;
  /** Events posted at once by one dispatcher. */
  concurrency: number;
  /** The wait after the first failed attempt, doubling up to `retryMaxMs`, with jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Failed attempts in a row after which a subscriber is paused. */
  pauseAfterFailures: number;
  /** How long one post may take. */
  timeoutMs: number;
  /** How often an idle dispatcher looks for due events. */
  pollMs: number;
}

export const DEV_JWT_SECRET = 'switchboard-development-secret-change-me';

/** Tokens are signed with the well-known development secret: development sign-in is on offer. */
export function usesDevelopmentSecret(config: Pick<Config, 'jwtSecret' | 'jwksUrl'>): boolean {
  return !config.jwksUrl && config.jwtSecret === DEV_JWT_SECRET;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const requestTimeoutMs = positiveInt(env, 'REQUEST_TIMEOUT_MS', 30_000);
  const headersTimeoutMs = positiveInt(env, 'HEADERS_TIMEOUT_MS', Math.min(10_000, requestTimeoutMs));
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new Error(`HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs})`);
  }
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'switchboard',
    jwtSecret: env.AUTH_JWT_SECRET ?? DEV_JWT_SECRET,
    jwksUrl: env.AUTH_JWKS_URL || undefined,
    jwtIssuer: env.AUTH_JWT_ISSUER || undefined,
    jwtAudience: env.AUTH_JWT_AUDIENCE || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    temporalCliPath: env.TEMPORAL_CLI_PATH || undefined,
    bodyLimit: positiveInt(env, 'BODY_LIMIT_BYTES', 64 * 1024),
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: positiveInt(env, 'KEEP_ALIVE_TIMEOUT_MS', 72_000),
    hub: {
      dispatch: onOff(env, 'HUB_DISPATCHER', true),
      concurrency: positiveInt(env, 'HUB_CONCURRENCY', 4),
      retryBaseMs: positiveInt(env, 'HUB_RETRY_BASE_MS', 1000),
      retryMaxMs: positiveInt(env, 'HUB_RETRY_MAX_MS', 10 * 60 * 1000),
      pauseAfterFailures: positiveInt(env, 'HUB_PAUSE_AFTER_FAILURES', 20),
      timeoutMs: positiveInt(env, 'HUB_TIMEOUT_MS', 10_000),
      pollMs: positiveInt(env, 'HUB_POLL_MS', 500),
    },
    temporalUiUrl: env.TEMPORAL_UI_URL || undefined,
  };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(text)}`);
  return n;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = env[name]?.toLowerCase();
  if (text === undefined || text === '') return fallback;
  if (['on', 'true', '1'].includes(text)) return true;
  if (['off', 'false', '0'].includes(text)) return false;
  throw new Error(`${name} must be on or off, not ${JSON.stringify(env[name])}`);
}
