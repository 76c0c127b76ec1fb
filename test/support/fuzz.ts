/**
 * A seeded generator of hostile requests from the API's own OpenAPI
 * document: values its schemas accept, and values a careless or malicious
 * client sends instead (wrong types, oversized or unstorable text, unknown
 * fields, dates out of range, deep nesting). Deterministic for a seed.
 */

/** mulberry32: small, fast, good enough to explore; the same seed gives the same run. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

export type Schema = Record<string, any>;

/** Real values the generator draws on, so requests reach past "not found". */
export interface Known {
  customerIds: string[];
  orderIds: string[];
  taskIds: string[];
  slaKeys: string[];
  outcomes: string[];
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

function randomText(rng: Rng, min: number, max: number, alphabet = 'abc xyz 张三李四 0123-_.'): string {
  const n = rng.int(min, Math.min(max, min + 40));
  let s = '';
  while (Array.from(s).length < n) s += rng.pick(Array.from(alphabet));
  return s;
}

function randomId(rng: Rng): string {
  return randomText(rng, 1, 30, ID_CHARS);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function randomDay(rng: Rng): string {
  return `${rng.int(2020, 2035)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

function randomTimestamp(rng: Rng): string {
  return `${randomDay(rng)}T${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}${rng.pick(['Z', '+08:00', '-05:00', '.123Z'])}`;
}

/** Strings a hostile client sends where text is expected. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  'ok\u0000',
  '\u0000',
  'x\ud800y',
  '\ud83d',
  '\udc00tail',
  '😀'.repeat(3),
  ' ',
  'x'.repeat(70),
  'y'.repeat(5000),
  '0000-01-01T00:00:00Z',
  '2030-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59Z',
  '2030-02-30T00:00:00Z',
  '<script>alert(1)</script>',
  "'; drop table cases; --",
  '../../etc/passwd',
  '%00',
  '\\u0000',
  'null',
  '1e309',
];

/** Numbers (and not-numbers) a hostile client sends where a number is expected. */
const HOSTILE_NUMBERS: readonly unknown[] = [0, -1, 1.5, 1e300, -1e300, 2 ** 53 + 2, '100', true, null, [], {}];

/** A value `schema` accepts, as far as the generator can tell (patterns are matched by known shapes). */
export function validValue(schema: Schema, rng: Rng, known: Known, name = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return rng.pick(schema.enum);
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const branches = (schema.oneOf ?? schema.anyOf) as Schema[];
    // The first branch is the one that matters most (a refund among order types; a value, not null).
    const branch = { ...(rng.chance(0.6) ? branches[0]! : rng.pick(branches)) };
    // A discriminated union's branch carries its own required/properties; the outer ones too.
    if (schema.required && !branch.required) branch.required = schema.required;
    return validValue(branch, rng, known, name);
  }
  const type = Array.isArray(schema.type) ? rng.pick(schema.type as string[]) : schema.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
    case 'number': {
      const lo = schema.minimum ?? 0;
      const hi = Math.min(schema.maximum ?? 100_000, lo + 100_000);
      return rng.int(lo, hi);
    }
    case 'string':
      return validString(schema, rng, known, name);
    case 'array': {
      const n = rng.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3));
      return Array.from({ length: n }, () => validValue(schema.items ?? {}, rng, known, name));
    }
    case 'object':
    default:
      return validObject(schema, rng, known);
  }
}

function validString(schema: Schema, rng: Rng, known: Known, name: string): string {
  if (schema.format === 'date-time') return randomTimestamp(rng);
  if (schema.format === 'date') return randomDay(rng);
  const pattern: string | undefined = schema.pattern;
  if (pattern === '^[A-Za-z0-9_-]{1,64}$') {
    if (name === 'customerId' && known.customerIds.length) return rng.pick(known.customerIds);
    if (name === 'caseId' && known.orderIds.length) return rng.pick(known.orderIds);
    return rng.chance(0.3) ? randomId(rng) : `cus_fz_${randomId(rng)}`.slice(0, 64);
  }
  if (pattern?.startsWith('^[a-z0-9_.]')) return known.slaKeys.length ? rng.pick(known.slaKeys) : 'refund.approval';
  if (pattern?.startsWith('^[0-9+() -]')) return `138${rng.int(10_000_000, 99_999_999)}`;
  if (pattern === '^[\\x20-\\x7E]+$') return `key-${randomId(rng)}`;
  if (name === 'outcome') return rng.pick(known.outcomes);
  if (name === 'duration') return rng.pick(['PT1H', 'PT30M', 'P2D', 'PT4H']);
  if (name === 'role') return rng.pick(['supervisor', 'branch_leader', 'general_manager', 'agent']);
  return randomText(rng, schema.minLength ?? 0, schema.maxLength ?? 40);
}

function validObject(schema: Schema, rng: Rng, known: Known): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props: Record<string, Schema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  for (const [key, prop] of Object.entries(props)) {
    if (required.has(key) || rng.chance(0.5)) out[key] = validValue(prop, rng, known, key);
  }
  // A free-form object (task data, form answers): a few plausible fields.
  if (Object.keys(props).length === 0 && schema.additionalProperties !== false && rng.chance(0.7)) {
    out.reason = randomText(rng, 1, 40);
    if (rng.chance(0.3)) out.amountFen = rng.int(1, 10_000);
  }
  return out;
}

type Mutation = (value: unknown, rng: Rng) => unknown;

/** Deep nesting beyond anything we accept. */
function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { k: v };
  return v;
}

/** Every place in a JSON value: [parent, key] pairs, the root as [undefined, undefined]. */
function places(value: unknown): Array<[Record<string, unknown> | unknown[] | undefined, string | number | undefined]> {
  const out: Array<[Record<string, unknown> | unknown[] | undefined, string | number | undefined]> = [[undefined, undefined]];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push([v, i]);
        walk(item);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        out.push([v as Record<string, unknown>, k]);
        walk(item);
      }
    }
  };
  walk(value);
  return out;
}

function replaceAt(value: unknown, rng: Rng, make: (old: unknown) => unknown): unknown {
  const [parent, key] = rng.pick(places(value));
  if (parent === undefined || key === undefined) return make(value);
  (parent as Record<string | number, unknown>)[key] = make((parent as Record<string | number, unknown>)[key]);
  return value;
}

const MUTATIONS: readonly Mutation[] = [
  // Unstorable or odd text at any depth (or in place of any value).
  (v, rng) => replaceAt(v, rng, () => rng.pick(HOSTILE_STRINGS)),
  (v, rng) => replaceAt(v, rng, (old) => (typeof old === 'string' ? `${old}${rng.pick(['\u0000', '\ud800', '\udfff'])}` : old)),
  // Wrong types and numbers out of range.
  (v, rng) => replaceAt(v, rng, () => rng.pick(HOSTILE_NUMBERS)),
  // Unknown fields, unstorable keys.
  (v, rng) =>
    replaceAt(v, rng, (old) =>
      old !== null && typeof old === 'object' && !Array.isArray(old) ? { ...old, [rng.pick(['extra', 'k\u0000', '\ud800', '__proto__x'])]: 1 } : old,
    ),
  // A required field missing.
  (v, rng) => {
    const objects = places(v).filter(([p, k]) => p !== undefined && !Array.isArray(p) && typeof k === 'string');
    if (objects.length === 0) return v;
    const [p, k] = rng.pick(objects);
    delete (p as Record<string, unknown>)[k as string];
    return v;
  },
  // Nesting deeper than allowed (deeper still: as raw text, see deeplyNested).
  (v, rng) => replaceAt(v, rng, () => nested(rng.pick([33, 40, 100]))),
  // Another top-level shape.
  (_v, rng) => rng.pick([[], 'text', 42, null, [{}], true]),
];

const UNSTORABLE_BITS = ['\u0000', '\ud800', '\udfff', '\ud83d'];

/**
 * A valid value with one piece of text made unstorable (a NUL or an unpaired
 * surrogate in a string or a key): what schemas let through unless the
 * edge refuses it, and what Postgres then refuses.
 */
export function unstorableVariant(value: unknown, rng: Rng): unknown {
  const bit = rng.pick(UNSTORABLE_BITS);
  const strings = places(value).filter(([p, k]) => p !== undefined && typeof (p as Record<string | number, unknown>)[k!] === 'string');
  if (strings.length > 0 && rng.chance(0.8)) {
    const [p, k] = rng.pick(strings);
    const old = (p as Record<string | number, unknown>)[k!] as string;
    (p as Record<string | number, unknown>)[k!] = rng.chance(0.5) ? `${old}${bit}` : `${bit}${old}`;
    return value;
  }
  const objects = places(value)
    .map(([p, k]) => (p === undefined ? value : (p as Record<string | number, unknown>)[k!]))
    .filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v));
  if (objects.length > 0) rng.pick(objects)[`k${bit}`] = 'v';
  return value;
}

/** JSON text nested `depth` levels deep, beyond what a client library would build. */
export function deeplyNested(depth: number): string {
  return `${'{"k":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

/** A JSON value close to valid for `schema`, broken in one to three places. */
export function hostileValue(schema: Schema, rng: Rng, known: Known): unknown {
  let v = validValue(schema, rng, known);
  for (let i = rng.int(1, 3); i > 0; i--) v = rng.pick(MUTATIONS)(v, rng);
  return v;
}

/** A path segment where an id goes: real, unknown, too long, badly encoded, unstorable once decoded. */
export function pathSegment(rng: Rng, real: string[]): string {
  if (real.length && rng.chance(0.45)) return encodeURIComponent(rng.pick(real));
  return rng.pick([
    () => randomId(rng),
    () => 'x'.repeat(rng.pick([65, 100, 101, 1000, 1001, 4000])),
    () => rng.pick(['%ZZ', '%', '%0', '%00', 'a%00b', '%ED%A0%80', '%F0%9F%98%80', '%C0%AF', '..', '%2F', 'a%2Fb', '%20', '~', '%E5%BC%A0']),
    () => encodeURIComponent(rng.pick(HOSTILE_STRINGS.filter((s) => s.length < 100 && s.length > 0 && !/[\ud800-\udfff]/.test(s)))),
  ])();
}

/** A query-string value for a parameter: valid for its schema, or hostile. */
export function queryValue(schema: Schema, name: string, rng: Rng, known: Known, cursors: string[]): string {
  if (rng.chance(0.5)) {
    if (name === 'cursor' && cursors.length) return encodeURIComponent(rng.pick(cursors));
    const v = validValue(schema, rng, known, name);
    return encodeURIComponent(String(v));
  }
  return rng.pick([
    () => rng.pick(['%00', 'a%00b', '%ED%A0%80', '%ZZ', '', '-1', '0', '1e9', 'abc', '1.5', 'x'.repeat(600), '%FF%FE']),
    () => encodeURIComponent(rng.pick(HOSTILE_STRINGS.filter((s) => !/[\ud800-\udfff]/.test(s)))),
    () =>
      Buffer.from(
        JSON.stringify(rng.pick([{ t: '9999-99-99 99:99:99', id: 'x' }, { t: '2026-01-01 00:00:00+00', id: 'x\u0000' }, { t: 1, id: 2 }, [1], 'str'])),
      ).toString('base64url'),
  ])();
}
