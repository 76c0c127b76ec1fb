/**
 * Errors that say a dependency (PostgreSQL, the Temporal service) is down,
 * overloaded or restarting, not that the request is wrong or our code is:
 * answered 503 with Retry-After, so a client retries (with the same
 * Idempotency-Key) instead of giving up on a 500.
 */
import { ServiceError } from '@temporalio/client';

// gRPC status codes of a Temporal call that did not get through in time or at all.
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;
const GRPC_TRANSIENT = new Set([GRPC_DEADLINE_EXCEEDED, GRPC_RESOURCE_EXHAUSTED, GRPC_UNAVAILABLE]);

/** SQLSTATE: 08 connection exception, 53 insufficient resources, 57P01-03 shut down or starting up. */
const PG_TRANSIENT = /^(08|53|57P0[123])/;
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
// pg's own errors for a pool that cannot connect in time or a connection that broke.
const PG_CLIENT_MESSAGES = /^(timeout exceeded when trying to connect|Connection terminated)/;

export function isDependencyUnavailable(err: unknown): boolean {
  if (err instanceof ServiceError) {
    const code = (err.cause as { code?: unknown } | undefined)?.code;
    return typeof code === 'number' && GRPC_TRANSIENT.has(code);
  }
  const e = err as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'string' && (PG_TRANSIENT.test(e.code) || SOCKET_ERRORS.has(e.code))) return true;
  return typeof e?.message === 'string' && PG_CLIENT_MESSAGES.test(e.message);
}

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;
