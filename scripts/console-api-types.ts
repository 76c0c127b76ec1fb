/**
 * `npm run console:api-types`: regenerate console/src/api/openapi.d.ts from
 * the API's OpenAPI document. `--check`: exit 1 when the file is stale.
 */
import fs from 'node:fs/promises';
import { API_TYPES_FILE, generateApiTypes, relativeToRepo } from './lib/api-types';

const types = await generateApiTypes();
const current = await fs.readFile(API_TYPES_FILE, 'utf8').catch(() => '');
if (process.argv.includes('--check')) {
  if (current !== types) {
    process.stderr.write(`${relativeToRepo(API_TYPES_FILE)} is stale: run npm run console:api-types\n`);
    process.exitCode = 1;
  }
} else if (current !== types) {
  await fs.writeFile(API_TYPES_FILE, types);
  process.stdout.write(`wrote ${relativeToRepo(API_TYPES_FILE)}\n`);
} else {
  process.stdout.write(`${relativeToRepo(API_TYPES_FILE)} is up to date\n`);
}
