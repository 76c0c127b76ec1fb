/**
 * `npx tsx src/dev/install-temporal-cli.ts`: find or build the Temporal CLI
 * (used by CI before the tests) and print its path.
 */
import pino from 'pino';
import { findOrBuildTemporalCli } from './temporal-cli';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));

try {
  const cli = await findOrBuildTemporalCli(log);
  process.stdout.write(`${cli}\n`);
} catch (err) {
  log.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
