import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';

const LEVELS: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'ERROR' };

/**
 * Sends the Temporal SDK's own logs (worker state, workflow and activity
 * context loggers) to pino at the process's level. Call once, before the
 * first worker or native connection is made.
 */
export function installTemporalRuntime(logger: Logger): void {
  const level = LEVELS[logger.level] ?? 'WARN';
  const sdk = logger.child({ component: 'temporal' });
  Runtime.install({
    logger: new DefaultLogger(level, ({ level: l, message, meta }) => {
      const method = l === 'TRACE' ? 'trace' : (l.toLowerCase() as 'debug' | 'info' | 'warn' | 'error');
      sdk[method](meta ?? {}, message);
    }),
    // The worker is stopped by our own shutdown path, not by the SDK's signal handlers.
    shutdownSignals: [],
  });
}
