import { Type, type Static } from 'typebox';
import { CASE_TYPES } from '../../domain/case';
import { CALLBACK_MAX_LENGTH, HUB_EVENT_TYPES } from '../../domain/hub';
import { Cursor, Limit, NextCursor, Nullable } from './common';

export const HubInput = Type.Object(
  {
    callback: Type.String({
      minLength: 1,
      maxLength: CALLBACK_MAX_LENGTH,
      description: 'http(s) URL without credentials, query or fragment; events are posted to {callback}/listener/{eventName}',
    }),
    query: Type.Optional(
      Type.String({
        maxLength: 1000,
        description:
          `Which events: \`eventType=A,B&caseType=c,d\` (each key once; absent or empty: every event). ` +
          `eventType ∈ ${HUB_EVENT_TYPES.join(', ')}; caseType ∈ ${CASE_TYPES.join(', ')}`,
      }),
    ),
    secret: Type.Optional(
      Type.String({
        minLength: 16,
        maxLength: 200,
        pattern: '^[\\x21-\\x7E]+$',
        description: 'The HMAC key of X-Switchboard-Signature (printable ASCII, no spaces); absent: one is generated and returned once',
      }),
    ),
    personalData: Type.Optional(
      Type.Boolean({ default: false, description: 'true: phone and identity numbers, addresses and names unmasked in events (admin only)' }),
    ),
  },
  { additionalProperties: false },
);
export type HubInput = Static<typeof HubInput>;

export const HubHealthView = Type.Object({
  paused: Type.Boolean({ description: 'Paused after repeated failures: nothing is posted until POST /v1/hub/{id}/resume' }),
  pausedAt: Nullable(Type.String()),
  pending: Type.Integer({ description: 'Events not yet delivered' }),
  delivered: Type.Integer(),
  failedAttempts: Type.Integer({ description: 'Failed posts, all time' }),
  consecutiveFailures: Type.Integer({ description: 'Failed posts since the last delivery or resume' }),
  lastError: Nullable(Type.String()),
  lastErrorAt: Nullable(Type.String()),
  lastDeliveredAt: Nullable(Type.String()),
});

export const HubSubscriberView = Type.Object({
  id: Type.String(),
  callback: Type.String(),
  query: Nullable(Type.String({ description: 'As normalised; null: every event' })),
  personalData: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  health: HubHealthView,
});
export type HubSubscriberView = Static<typeof HubSubscriberView>;

export const HubCreated = Type.Object({
  ...HubSubscriberView.properties,
  secret: Type.Optional(Type.String({ description: 'The generated secret, shown this once (absent when the request gave one)' })),
});

export const HubList = Type.Object({ items: Type.Array(HubSubscriberView), nextCursor: NextCursor });

export const HubListQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) });
