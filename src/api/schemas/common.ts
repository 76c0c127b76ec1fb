import { Type, type TSchema } from 'typebox';

export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
export const Id = Type.String({ pattern: ID_PATTERN, description: 'Opaque id: letters, digits, _ and -, 1..64' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const Timestamp = Type.String({ format: 'date-time', description: 'RFC 3339 UTC' });

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

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
