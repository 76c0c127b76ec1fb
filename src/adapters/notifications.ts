import type { Logger } from 'pino';
import { maskPhone } from '../domain/masking';

export interface OutgoingMessage {
  /** Unique per case step: a provider that supports it drops repeats. */
  idempotencyKey: string;
  channel: 'sms' | 'staff';
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
}

/** SMS/email gateway. Passwords are never sent through anything but SMS/voice. */
export interface NotificationProvider {
  send(message: OutgoingMessage): Promise<void>;
}

/** Development provider: writes the message to the log, phone numbers masked. */
export function loggingNotifications(logger: Logger): NotificationProvider {
  return {
    async send(m) {
      const recipient = m.channel === 'sms' ? maskPhone(m.recipient) : m.recipient;
      logger.info({ notification: { ...m, recipient } }, 'notification sent');
    },
  };
}
