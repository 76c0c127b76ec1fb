/**
 * `npx tsx src/dev/install-temporal-server.ts`: find or build the Temporal
 * server and its SQL tool for the production-like stack (used by CI before
 * the tests) and print their paths.
 */
import pino from 'pino';
import { findOrBuildTemporalServer } from './temporal-cluster';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));

try {
  const { server, sqlTool } = await findOrBuildTemporalServer(log);
  process.stdout.write(`${server}\n${sqlTool}\n`);
} catch (err) {
  log.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
