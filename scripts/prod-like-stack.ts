/**
 * `npm run stack:prod-like [-- --apis 2 --workers 2]`: the production
 * topology of docker-compose.yml on this machine, without Docker (see
 * src/dev/prod-like.ts). Data in <DATA_DIR>/prod-like survives restarts;
 * Ctrl-C stops every process it started.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { startProdLikeStack, type ProdLikeStack } from '../src/dev/prod-like';
import { envPort } from '../src/dev/stack';
import { TEMPORAL_SERVER_VERSION } from '../src/dev/temporal-cluster';

const { values } = parseArgs({ options: { apis: { type: 'string', default: '2' }, workers: { type: 'string', default: '2' } } });
const count = (flag: string, raw: string) => {
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 1) return n;
  process.stderr.write(`stack:prod-like: --${flag} must be a whole number of processes, got ${JSON.stringify(raw)}\n`);
  process.exit(2);
};
const apis = count('apis', values.apis!);
const workers = count('workers', values.workers!);
const config = loadConfig();
const log = pino({ level: config.logLevel, base: { service: 'stack:prod-like' } }, pino.destination(2));

let stack: ProdLikeStack | undefined;
// One Ctrl-C can arrive more than once (the terminal signals the whole
// process group and npm relays it too); a signal a while after the first forces.
let stoppingSince: number | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince > 1000) process.exit(130); // the exit hooks still kill the children
      return;
    }
    stoppingSince = Date.now();
    log.info('stopping: APIs, workers (they drain), Temporal, PostgreSQL (press Ctrl-C again to force)');
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}

const masked = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

try {
  stack = await startProdLikeStack({
    dataDir: path.join(config.dataDir, 'prod-like'),
    persistent: true,
    apis,
    workers,
    apiPort: config.port,
    temporalPort: envPort('TEMPORAL_SERVER_PORT', process.env) ?? 7233,
    postgresPort: envPort('EMBEDDED_PG_PORT', process.env),
    databaseUrl: config.databaseUrl,
    log,
  });
  const pid = (s: { pid: number | undefined } | undefined) => `pid ${s?.pid}`;
  const lines = [
    '',
    `Switchboard, production-like, is running (ready in ${(stack.startupMs / 1000).toFixed(1)}s)`,
    ...stack.apis.map((a, i) => `  API ${i + 1}        ${a.url}/v1   (${pid(a)})`),
    ...stack.workers.map((w, i) => `  Worker ${i + 1}     task queue ${stack!.taskQueue}   (${pid(w)})`),
    `  Temporal     ${stack.temporalAddress}, server ${TEMPORAL_SERVER_VERSION} on PostgreSQL   (${pid(stack.temporal)})`,
    `  PostgreSQL   ${masked(stack.databaseUrl)}${stack.postgres ? `   (${pid(stack.postgres)})` : ''}`,
    `  Logs         ${stack.logsDir}/<process>.log`,
    '',
    '  A token for the API:  npm run token -- --sub alice --roles supervisor',
    `  Workflows:            temporal workflow list --address ${stack.temporalAddress}`,
    '  Stop with Ctrl-C; the next run picks every case up where it was.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
} catch (err) {
  log.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
