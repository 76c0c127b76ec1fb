import type { Logger } from 'pino';
import type { Db } from '../db/index';
import { maskPhone } from '../domain/masking';

export interface OutgoingMessage {
  /** Unique per case step: a provider that supports it drops repeats. */
  idempotencyKey: string;
  channel: 'sms' | 'staff';
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
}

/**
 * SMS/email gateway. Passwords are never sent through anything but SMS/voice.
 * Must deliver at most once per `idempotencyKey` (a client message id): the
 * outbox sends again whenever it cannot tell that a send went out.
 */
export interface NotificationProvider {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * The built-in gateway: keeps each message's key (`notification_deliveries`),
 * dropping repeats, and writes the message to the log, phone numbers masked.
 */
export function builtInNotifications(db: Db, logger: Logger): NotificationProvider {
  return {
    async send(m) {
      const first = await db
        .insertInto('notification_deliveries')
        .values({ idempotency_key: m.idempotencyKey, channel: m.channel, template: m.template })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('idempotency_key')
        .executeTakeFirst();
      if (!first) return;
      const recipient = m.channel === 'sms' ? maskPhone(m.recipient) : m.recipient;
      logger.info({ notification: { ...m, recipient } }, 'notification sent');
    },
  };
}
