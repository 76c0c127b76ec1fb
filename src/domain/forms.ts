/**
 * Checks task data against the JSON Schema of a task form, inside the
 * workflow's update validator: what the workflow accepts is exactly what its
 * activities can write (issue: one bad request must never wedge a case).
 *
 * The API validates the same schemas with Ajv; this is the subset of JSON
 * Schema our forms are written in (TypeBox objects, strings, numbers,
 * booleans, arrays, enums and unions), small enough to run in the workflow
 * sandbox. A form that uses anything else is refused by
 * {@link unsupportedKeywords}, which the form tests run over every form.
 * Pure.
 */
import { isSaneDay, isSaneTimestamp } from './storable';
import { isStorableText } from './text';

export type JsonSchema = Record<string, unknown>;

export interface FormProblem {
  /** JSON pointer into the data, '' for the whole. */
  path: string;
  message: string;
}

const ANNOTATIONS = ['title', 'description', 'default', 'examples', '$comment', 'readOnly', 'writeOnly', 'deprecated'];
const SUPPORTED = new Set([
  ...ANNOTATIONS,
  'type',
  'properties',
  'required',
  'additionalProperties',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'anyOf',
  'oneOf',
]);
// The API's own formats (src/api/validation.ts): one rule for what a date is.
const FORMATS: Record<string, (s: string) => boolean> = { 'date-time': isSaneTimestamp, date: isSaneDay };

/** Keywords of `schema` (at any depth) this checker does not know; empty when it can check the form. */
export function unsupportedKeywords(schema: JsonSchema, path = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (!SUPPORTED.has(key)) out.push(`${path}/${key}`);
    else if (key === 'format' && !(String(value) in FORMATS)) out.push(`${path}/format:${String(value)}`);
  }
  const sub = (s: unknown, p: string) => (s && typeof s === 'object' ? unsupportedKeywords(s as JsonSchema, p) : []);
  for (const [name, s] of Object.entries((schema.properties as Record<string, unknown>) ?? {})) out.push(...sub(s, `${path}/properties/${name}`));
  if (typeof schema.additionalProperties === 'object') out.push(...sub(schema.additionalProperties, `${path}/additionalProperties`));
  out.push(...sub(schema.items, `${path}/items`));
  for (const k of ['anyOf', 'oneOf'] as const) {
    (Array.isArray(schema[k]) ? (schema[k] as unknown[]) : []).forEach((s, i) => out.push(...sub(s, `${path}/${k}/${i}`)));
  }
  return out;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(expected: string, v: unknown): boolean {
  const actual = typeOf(v);
  return expected === actual || (expected === 'number' && actual === 'integer');
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Problems of `data` against `schema`; empty when it fits. Strings must also be storable text. */
export function formProblems(schema: JsonSchema, data: unknown, path = ''): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (message: string, at = path) => problems.push({ path: at, message });

  if (typeof data === 'string' && !isStorableText(data)) add('contains characters that cannot be stored (NUL or a lone surrogate)');
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(t, data))) {
      add(`must be ${types.join(' or ')}`);
      return problems;
    }
  }
  if (schema.const !== undefined && !equal(schema.const, data)) add(`must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => equal(e, data))) add(`must be one of ${schema.enum.join(', ')}`);
  for (const k of ['anyOf', 'oneOf'] as const) {
    const branches = schema[k];
    if (!Array.isArray(branches)) continue;
    const fitting = branches.filter((b) => formProblems(b as JsonSchema, data, path).length === 0).length;
    if (k === 'anyOf' ? fitting === 0 : fitting !== 1) add(k === 'anyOf' ? 'matches none of the allowed shapes' : 'must match exactly one allowed shape');
  }

  if (typeof data === 'string') {
    const length = Array.from(data).length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) add(schema.minLength === 1 ? 'must not be empty' : `must have at least ${schema.minLength} characters`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) add(`must have at most ${schema.maxLength} characters`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(data)) add(`must match ${schema.pattern}`);
    if (typeof schema.format === 'string' && FORMATS[schema.format] && !FORMATS[schema.format]!(data)) add(`must be a ${schema.format}`);
  }
  if (typeof data === 'number') {
    if (!Number.isFinite(data)) add('must be a finite number');
    if (typeof schema.minimum === 'number' && data < schema.minimum) add(`must be ≥ ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && data > schema.maximum) add(`must be ≤ ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && data <= schema.exclusiveMinimum) add(`must be > ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && data >= schema.exclusiveMaximum) add(`must be < ${schema.exclusiveMaximum}`);
    if (typeof schema.multipleOf === 'number' && !Number.isInteger(data / schema.multipleOf)) add(`must be a multiple of ${schema.multipleOf}`);
  }
  if (Array.isArray(data)) {
    if (typeof schema.minItems === 'number' && data.length < schema.minItems) add(`must have at least ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && data.length > schema.maxItems) add(`must have at most ${schema.maxItems} items`);
    if (schema.uniqueItems === true && new Set(data.map((d) => JSON.stringify(d))).size !== data.length) add('must not repeat items');
    if (schema.items && typeof schema.items === 'object') {
      data.forEach((item, i) => problems.push(...formProblems(schema.items as JsonSchema, item, `${path}/${i}`)));
    }
  }
  if (typeOf(data) === 'object') {
    const obj = data as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
      if (obj[name] === undefined) add('is required', `${path}/${name}`);
    }
    for (const [name, value] of Object.entries(obj)) {
      if (!isStorableText(name)) add('has a name that cannot be stored', `${path}/?`);
      else if (properties[name]) problems.push(...formProblems(properties[name]!, value, `${path}/${name}`));
      else if (schema.additionalProperties === false) add('is not allowed (unknown field)', `${path}/${name}`);
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...formProblems(schema.additionalProperties as JsonSchema, value, `${path}/${name}`));
      } else if (value !== undefined) problems.push(...formProblems({}, value, `${path}/${name}`));
    }
  }
  if (Array.isArray(data) && !schema.items) data.forEach((item, i) => problems.push(...formProblems({}, item, `${path}/${i}`)));
  return problems;
}
