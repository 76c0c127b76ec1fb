import { sql, type RawBuilder } from 'kysely';

/** The position after which a keyset page starts: the last row's sort key and id. */
export interface Keyset {
  /** An RFC 3339 UTC timestamp with microseconds. */
  t: string;
  id: string;
}

/**
 * A timestamp column as a keyset sort key: RFC 3339 UTC with microseconds
 * (a JS Date would round to milliseconds and skip rows), so keys compare as
 * strings and parse back as timestamptz.
 */
export function sortKey(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.raw(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
