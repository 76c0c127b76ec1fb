import fs from 'node:fs/promises';
import { expect, test } from 'vitest';
import { API_TYPES_FILE, generateApiTypes, openApiDocument } from '../../scripts/lib/api-types';

test('the console types are generated from the OpenAPI document the API serves today', async () => {
  const checkedIn = await fs.readFile(API_TYPES_FILE, 'utf8');
  // A mismatch: the API changed and `npm run console:api-types` was not run (or the file was edited).
  expect(checkedIn === (await generateApiTypes()), 'console/src/api/openapi.d.ts is stale: run npm run console:api-types').toBe(true);
});

test('every operation documents its problem responses, so a generated client knows the error shape', async () => {
  const doc = (await openApiDocument()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  for (const [url, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      expect(Object.keys(op.responses), `${method} ${url}`).toContain('default');
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), `${method} ${url} documents its success`).toBe(true);
    }
  }
});
