import { describe, expect, it } from 'vitest';
import { unsupportedKeywords } from '../../src/domain/forms';
import { PROCESSES } from '../../src/processes/index';

/** Every form a built process opens (the registry lists them). */
const forms = [...new Set(PROCESSES.flatMap((p) => p.taskForms))];

describe('the task forms of the built processes', () => {
  it.each(forms.map((f) => [f.kind, f] as const))('%s uses only what the workflow validator checks', (_kind, form) => {
    for (const schema of Object.values(form.outcomes)) expect(unsupportedKeywords(schema as unknown as Record<string, unknown>)).toEqual([]);
  });
});
