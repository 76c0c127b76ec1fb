/**
 * The hub's dispatcher: posts the outbox's events to their subscribers,
 * signed, at least once, in order per case and subscriber. Any number run
 * side by side (one per API process): each leases the rows it posts
 * (src/store/hub.ts), so no event is posted by two at once; a dispatcher
 * that dies leaves leases that lapse, and another posts those events again.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { HubConfig } from '../config';
import type { Db } from '../db/index';
import { listenerPath, retryDelayMs } from '../domain/hub';
import { claimDeliveries, releaseDeliveries, settleDelivered, settleFailed, type Delivery } from '../store/hub';
import { SIGNATURE_HEADER, signatureHeader } from './signature';

export interface DispatcherOptions {
  db: Db;
  config: HubConfig;
  log: Logger;
  /** How long a lease outlives the post's timeout (a dead dispatcher's events wait this long). */
  leaseMarginMs?: number;
}

export interface Dispatcher {
  /** Stops claiming, lets the posts under way finish (each within the timeout), then returns. */
  stop(): Promise<void>;
}

const LEASE_MARGIN_MS = 30_000;
const ERROR_MAX_LENGTH = 500;

export function startDispatcher(opts: DispatcherOptions): Dispatcher {
  const { db, config, log } = opts;
  const leaseMs = config.timeoutMs + (opts.leaseMarginMs ?? LEASE_MARGIN_MS);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let wake: (() => void) | undefined;

  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  async function deliver(d: Delivery): Promise<void> {
    let failure: string | undefined;
    try {
      const res = await fetch(d.callback + listenerPath(d.eventType), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Switchboard-Hub/1', [SIGNATURE_HEADER]: signatureHeader(d.secret, d.payload) },
        body: d.payload,
        // A redirect is not followed: the subscriber registers the URL it wants the events at.
        redirect: 'manual',
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      await res.body?.cancel();
      if (res.status < 200 || res.status > 299) failure = `HTTP ${res.status}`;
    } catch (err) {
      failure = describe(err, config.timeoutMs);
    }
    try {
      if (failure === undefined) return await settleDelivered(db, d);
      const delay = retryDelayMs(d.attempts + 1, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }, Math.random());
      const paused = await settleFailed(db, d, failure.slice(0, ERROR_MAX_LENGTH), delay, config.pauseAfterFailures);
      log.warn({ subscriber: d.subscriberId, eventType: d.eventType, attempts: d.attempts + 1, error: failure, retryInMs: delay }, 'hub delivery failed');
      if (paused) log.warn({ subscriber: d.subscriberId, failures: config.pauseAfterFailures }, 'hub subscriber paused after repeated failures');
    } catch (err) {
      // The lease lapses and the event is posted again: at least once.
      log.error({ err, subscriber: d.subscriberId }, 'hub delivery could not be recorded');
    }
  }

  function launch(d: Delivery): void {
    const running = deliver(d).finally(() => {
      inFlight.delete(running);
      wake?.();
    });
    inFlight.add(running);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      const free = config.concurrency - inFlight.size;
      if (free > 0) {
        const lease = randomUUID();
        try {
          const claimed = await claimDeliveries(db, { limit: free, leaseMs, lease });
          // Stopped while claiming: give the rows back untried rather than post them late.
          if (stopping) await releaseDeliveries(db, claimed.map((d) => d.id), lease);
          else claimed.forEach(launch);
        } catch (err) {
          log.error({ err }, 'hub dispatcher could not claim events');
        }
      }
      // Until a post finishes (its queue may have a next event), new events are due, or a stop.
      if (!stopping) await nap(config.pollMs);
    }
  }

  const running = loop();
  log.info({ concurrency: config.concurrency }, 'hub dispatcher running');
  return {
    async stop() {
      stopping = true;
      wake?.();
      await running;
      await Promise.all(inFlight);
    },
  };
}

/** Why a post failed, in words for the subscriber's health (no payload, no secret). */
function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
