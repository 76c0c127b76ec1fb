/** Opaque keyset cursors: base64url of `{ t, id }` (the last item's sort key). */
import { HttpProblem } from './plugins/problems';

export interface CursorKey {
  t: string;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof v === 'object' && v !== null) {
      const { t, id } = v as Record<string, unknown>;
      if (typeof t === 'string' && /^[0-9T:. +-]{10,40}$/.test(t) && typeof id === 'string' && id.length <= 200) {
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
 * (`created_at_exact`: the timestamp as Postgres text, µs intact).
 */
export function keysetPage<Row extends { id: string; created_at_exact: string }, Item>(
  rows: Row[],
  limit: number,
  view: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.created_at_exact, id: last.id }) : null,
  };
}

export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return (d instanceof Date ? d : new Date(d)).toISOString();
}
