import { Type } from 'typebox';
import { YEAR_MAX, YEAR_MIN } from '../../domain/storable';
import { ID_PATTERN, Id, Nullable, Timestamp as ProcessTimestamp } from '../../processes/schema';

export { ID_PATTERN, Id, Nullable };
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** Every timestamp and day the API accepts: `date-time` and `date` are checked to be ones our records can hold (validation.ts). */
export const Timestamp = ProcessTimestamp(`RFC 3339 with an offset (Z preferred), years ${YEAR_MIN}–${YEAR_MAX}, offset at most ±14:59`);
export const Day = Type.String({ format: 'date', maxLength: 10, description: `yyyy-mm-dd, a real day in ${YEAR_MIN}–${YEAR_MAX}` });

/** A free-form JSON object (case data, task data, event detail, form schemas). */
export const FreeObject = Type.Object({}, { additionalProperties: true });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem details (application/problem+json)' },
);

export const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size (default 50, max 200)' });
export const Cursor = Type.String({ minLength: 1, maxLength: 500, description: 'Opaque cursor from the previous page' });
export const NextCursor = Nullable(Type.String({ description: 'Pass as ?cursor= for the next page; null at the end' }));
