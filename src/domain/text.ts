/**
 * Text Postgres can store. A `text`/`jsonb` value may not hold NUL, and a
 * lone UTF-16 surrogate is not Unicode at all; both reach us through JSON
 * escapes (`\u0000`, `\ud800`). Every string a person or system hands us is
 * checked with this one rule, at the API edge and again in workflow update
 * validators (which Temporal clients can call directly). Pure.
 */

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * The JSON-pointer-like paths of every string in `value` (keys included) that
 * is not storable text; empty when all of it is.
 */
export function unstorableTextPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path || '/'];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableTextPaths(v, `${path}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      isStorableText(k) ? unstorableTextPaths(v, `${path}/${k}`) : [`${path}/${k.replace(UNSTORABLE, '?')}`],
    );
  }
  return [];
}
