/** Opaque keyset cursors: base64url of `{ t, id }` (the last item's sort key). */
import { ID_PATTERN } from '../processes/schema';
import type { Keyset } from '../store/keyset';
import { HttpProblem } from './plugins/problems';

export type CursorKey = Keyset;

/** The sort keys the store issues (src/store/keyset.ts); years 1000–9999, so Postgres reads them back. */
const SORT_KEY = /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;

const ID = new RegExp(ID_PATTERN);

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof v === 'object' && v !== null) {
      const { t, id } = v as Record<string, unknown>;
      if (typeof t === 'string' && SORT_KEY.test(t) && !Number.isNaN(Date.parse(t)) && typeof id === 'string' && ID.test(id)) {
        return { t, id };
      }
    }
  } catch {
    // fall through
  }
  throw new HttpProblem(400, 'the cursor is not one this service issued', {
    errors: [{ path: 'querystring/cursor', message: 'is invalid' }],
  });
}

/**
 * One page of a keyset listing fetched with `limit + 1` rows: the extra row
 * only says there is a next page, whose cursor is the last item's sort key
 * (`sort_key`, see src/store/keyset.ts).
 */
export function keysetPage<Row extends { id: string; sort_key: string }, Item>(
  rows: Row[],
  limit: number,
  view: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.sort_key, id: last.id }) : null,
  };
}
