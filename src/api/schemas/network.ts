import { Type, type Static } from 'typebox';
import { LINE_TEST_RESULTS } from '../../domain/fault-repair';
import { Id, Nullable } from './common';

export const ServiceParams = Type.Object({ serviceId: Id }, { additionalProperties: false });

export const LineTestInput = Type.Object(
  {
    result: Type.Enum([...LINE_TEST_RESULTS], {
      description: 'cleared: the remote test puts the line right; needs_visit: a technician must go; undetermined: a technician tests the line',
    }),
    detail: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'What the test reports' })),
  },
  { additionalProperties: false },
);

export const LineTestView = Type.Object({ serviceId: Type.String(), result: Type.String(), detail: Nullable(Type.String()) });
export type LineTestView = Static<typeof LineTestView>;
