/**
 * Schema building blocks shared by every process contract and the API.
 * TypeBox values are plain JSON Schema objects, so the same definitions
 * validate requests in the API, type the workflows, and travel as task
 * forms. Pure (imported by workflow code).
 */
import { Type, type TSchema } from 'typebox';

export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
export const Id = Type.String({ pattern: ID_PATTERN, description: 'Opaque id: letters, digits, _ and -, 1..64' });

/** Free text a person writes: not blank (some non-space character), bounded. */
export const Text = (maxLength = 2000, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) });

/** Integer fen (1 元 = 100 fen). */
export const Fen = (description = 'Amount in integer fen') => Type.Integer({ minimum: 0, maximum: 100_000_000_000, description });

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** An RFC 3339 instant; `date-time` is checked to be one our records can hold (src/domain/storable.ts). */
export const Timestamp = (description = 'RFC 3339 UTC') => Type.String({ format: 'date-time', maxLength: 40, description });

export const Region = Type.Enum(['urban', 'rural'], { description: 'Urban or rural: drives the SLA durations' });

export const Address = Type.Object(
  { text: Text(500, 'Postal address'), region: Region },
  { additionalProperties: false },
);

/** A phone number as people write it (digits, +, spaces, dashes, brackets). Personal data: name the field `phone` (or another name src/domain/masking.ts knows). */
export const Phone = Type.String({ minLength: 3, maxLength: 32, pattern: '^[0-9+() -]+$', description: 'Phone number' });
