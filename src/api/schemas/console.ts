import { Type, type Static } from 'typebox';
import { ROLES } from '../../domain/roles';
import { Nullable, Timestamp } from './common';

export const ConsoleConfig = Type.Object({
  temporalUiUrl: Nullable(Type.String({ description: 'Base URL of the Temporal Web UI; null when none is configured (TEMPORAL_UI_URL)' })),
  temporalNamespace: Type.String(),
  devSignIn: Type.Boolean({ description: 'POST /v1/dev/token is available (the server signs with the development secret)' }),
  caseKinds: Type.Array(Type.Enum(['order', 'complaint']), { description: 'The kinds of case this server runs' }),
});
export type ConsoleConfig = Static<typeof ConsoleConfig>;

export const DevTokenInput = Type.Object(
  {
    sub: Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S+$', description: 'Staff id' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    roles: Type.Array(Type.Enum([...ROLES]), { minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
    dept: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type DevTokenInput = Static<typeof DevTokenInput>;

export const DevToken = Type.Object({ token: Type.String(), expiresAt: Timestamp });
