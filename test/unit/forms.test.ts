import { describe, expect, it } from 'vitest';
import { formProblems, unsupportedKeywords } from '../../src/domain/forms';
import { isStorableText, unstorableTextPaths } from '../../src/domain/text';
import { refundForms } from '../../src/processes/refund';
import { appointmentForm, finishedVisit, visitFailureForm, visitForm } from '../../src/processes/visits';

const paths = (schema: object, data: unknown) => formProblems(schema as Record<string, unknown>, data).map((p) => `${p.path} ${p.message}`);

describe('storable text (one rule for every string we accept)', () => {
  it.each([
    ['plain', true],
    ['中文 and emoji 😀', true],
    ['nul \u0000', false],
    ['lone high \ud800 surrogate', false],
    ['lone low \udc00 surrogate', false],
    ['\ud83d', false],
  ])('%j is storable: %s', (text, ok) => expect(isStorableText(text)).toBe(ok));

  it('finds every unstorable string, keys included, at any depth', () => {
    expect(unstorableTextPaths({ a: 'ok', b: ['x', 'y\u0000'], c: { 'k\ud800': 1 }, d: 3 })).toEqual(['/b/1', '/c/k?']);
    expect(unstorableTextPaths('ok')).toEqual([]);
  });
});

describe('task form checks inside the workflow', () => {
  const schema = refundForms.financeProof.outcomes.proven;

  it('accepts data that fits and refuses unknown fields, wrong types, blanks and missing fields', () => {
    expect(paths(schema, { proofReference: 'FIN-1' })).toEqual([]);
    expect(paths(schema, {})).toEqual(['/proofReference is required']);
    expect(paths(schema, { proofReference: 'FIN-1', extra: 1 })).toEqual(['/extra is not allowed (unknown field)']);
    expect(paths(schema, { proofReference: 42 })).toEqual(['/proofReference must be string']);
    expect(paths(schema, { proofReference: '   ' })).toEqual(['/proofReference must match \\S']);
    expect(paths(schema, { proofReference: 'x'.repeat(201) })).toEqual(['/proofReference must have at most 200 characters']);
  });

  it('refuses text Postgres cannot store, so the activity that writes it can never fail on it', () => {
    expect(paths(schema, { proofReference: 'FIN\u0000' })).toEqual(['/proofReference contains characters that cannot be stored (NUL or a lone surrogate)']);
  });

  it('checks enums, literals, numbers, arrays and date-times', () => {
    const s = {
      type: 'object',
      required: ['e', 'n', 'a', 'd', 't'],
      properties: {
        e: { enum: ['x', 'y'] },
        n: { type: 'integer', minimum: 1, maximum: 5 },
        a: { type: 'array', items: { type: 'string' }, maxItems: 2 },
        d: { type: 'string', format: 'date-time' },
        t: { type: 'boolean', const: true },
      },
    };
    expect(paths(s, { e: 'x', n: 3, a: ['p'], d: '2026-11-23T10:00:00Z', t: true })).toEqual([]);
    expect(paths(s, { e: 'z', n: 6, a: ['p', 'q', 3], d: 'yesterday', t: false })).toEqual([
      '/e must be one of x, y',
      '/n must be ≤ 5',
      '/a must have at most 2 items',
      '/a/2 must be string',
      '/d must be a date-time',
      '/t must be true',
    ]);
    expect(paths(s, { e: 'x', n: 2.5, a: [], d: '2026-11-23T10:00:00Z', t: true })).toEqual(['/n must be integer']);
    // The same dates the API refuses: Postgres could not store them, and the case would retry for ever.
    for (const d of ['0000-01-01T00:00:00Z', '2030-01-01T00:00:00+23:59', '2026-02-30T10:00:00Z']) {
      expect(paths(s, { e: 'x', n: 1, a: [], d, t: true }), d).toEqual(['/d must be a date-time']);
    }
  });

  it('knows every keyword the process forms use', () => {
    const visit = visitForm('record_visit', { installed: finishedVisit(['dropLineLaid']) }, 'technical_failure');
    const forms = [...Object.values(refundForms), appointmentForm, visit, visitFailureForm('resolve_technical_failure')];
    for (const form of forms) {
      for (const [outcome, schema] of Object.entries(form.outcomes)) {
        expect(unsupportedKeywords(schema as unknown as Record<string, unknown>), `${form.kind}.${outcome}`).toEqual([]);
      }
    }
    expect(unsupportedKeywords({ type: 'string', format: 'email', $ref: '#/x' })).toEqual(['/format:email', '/$ref']);
  });
});
