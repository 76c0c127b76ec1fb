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
}

export const DEV_JWT_SECRET = 'switchboard-development-secret-change-me';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
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
    bodyLimit: Number(env.BODY_LIMIT_BYTES ?? 64 * 1024),
  };
}
