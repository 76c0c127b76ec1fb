/**
 * `X-Switchboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * with the subscriber's secret — the scheme payment webhooks use. The
 * receiver recomputes it over the raw bytes it got and rejects times outside
 * its window (README: 5 minutes), so a captured event cannot be replayed later.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-switchboard-signature';

export function signatureHeader(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex')}`;
}

/** A secret for a subscriber that did not bring one: 32 random bytes, hex. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}
