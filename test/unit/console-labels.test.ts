/**
 * Every word the built processes declare has a label in Chinese and English
 * in the console (console/src/i18n/labels.ts): case types, stages, task kinds,
 * outcomes, reason codes, the fields of every task form, and the case states.
 * Table-driven over the process registry, so a new process's missing labels
 * fail here rather than show up humanised in English to a Chinese user.
 */
import type { TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, ORDER_STATES } from '../../src/domain/case';
import { TASK_STATES } from '../../src/domain/tasks';
import { PROCESSES } from '../../src/processes/index';
import {
  CASE_TYPES,
  FIELDS,
  OUTCOMES,
  REASONS,
  STAGES,
  STATES,
  TASK_KINDS,
  VALUE_TABLES,
  type LabelTable,
} from '../../console/src/i18n/labels';

/** The keys of `table` that lack a Chinese or an English label. */
function unlabelled(table: LabelTable, keys: Iterable<string>): string[] {
  return [...new Set(keys)].filter((key) => !table[key]?.zh.trim() || !table[key]?.en.trim());
}

/** Field names of a schema, nested ones included, and the coded values (enums) of its fields. */
function fieldsOf(schema: TSchema, out = { names: [] as string[], codes: [] as Array<[field: string, code: string]> }) {
  const s = schema as { properties?: Record<string, TSchema>; items?: TSchema; anyOf?: TSchema[] };
  for (const [name, child] of Object.entries(s.properties ?? {})) {
    out.names.push(name);
    const c = child as { enum?: unknown[]; items?: { enum?: unknown[] } };
    for (const code of c.enum ?? c.items?.enum ?? []) out.codes.push([name, String(code)]);
    fieldsOf(child, out);
  }
  if (s.items) fieldsOf(s.items, out);
  for (const option of s.anyOf ?? []) fieldsOf(option, out);
  return out;
}

/** Coded values without a label in the value table of their field (or whose field has none). */
function unlabelledCodes(codes: Array<[field: string, code: string]>): string[] {
  return codes.filter(([field, code]) => !VALUE_TABLES[field] || unlabelled(VALUE_TABLES[field], [code]).length > 0).map(([field, code]) => `${field}=${code}`);
}

describe.each(PROCESSES.map((p) => [p.type, p] as const))('the labels of %s', (type, process) => {
  it('names the case type, its stages, outcomes and reason codes', () => {
    expect(unlabelled(CASE_TYPES, [type])).toEqual([]);
    expect(unlabelled(STAGES, ['received', 'done', ...process.stages])).toEqual([]);
    expect(unlabelled(OUTCOMES, process.outcomes)).toEqual([]);
    expect(unlabelled(REASONS, process.reasons)).toEqual([]);
  });

  it('names every task kind, its outcomes, the fields of each outcome and their coded values', () => {
    const forms = process.taskForms;
    expect(unlabelled(TASK_KINDS, forms.map((f) => f.kind))).toEqual([]);
    expect(unlabelled(OUTCOMES, forms.flatMap((f) => Object.keys(f.outcomes)))).toEqual([]);
    const fields = forms.flatMap((f) => Object.values(f.outcomes)).map((schema) => fieldsOf(schema));
    expect(unlabelled(FIELDS, fields.flatMap((f) => f.names))).toEqual([]);
    expect(unlabelledCodes(fields.flatMap((f) => f.codes))).toEqual([]);
  });

  it('names the fields of its input', () => {
    const { names, codes } = fieldsOf(process.input);
    expect(unlabelled(FIELDS, names)).toEqual([]);
    expect(unlabelledCodes(codes)).toEqual([]);
  });
});

it('names every state of orders, complaints and tasks', () => {
  expect(unlabelled(STATES, [...ORDER_STATES, ...COMPLAINT_STATUSES, ...TASK_STATES])).toEqual([]);
});
