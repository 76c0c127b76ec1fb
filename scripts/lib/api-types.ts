/**
 * The console's API types, generated from the OpenAPI document the API
 * serves (GET /openapi.json). The app is built in-process, without
 * listening and without connecting to anything.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../../src/api/app';
import { loadConfig } from '../../src/config';
import { createDb } from '../../src/db/index';

export const API_TYPES_FILE = fileURLToPath(new URL('../../console/src/api/openapi.d.ts', import.meta.url));

const HEADER = `/**
 * The Switchboard API as the console sees it: generated from the served
 * OpenAPI document by \`npm run console:api-types\`. Do not edit; CI fails
 * when this file and the API's document differ (test/api/openapi-types.test.ts).
 */

`;

/** The OpenAPI document of the API with the default (development) configuration. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // Neither connects until used, and building the app uses neither.
  const db = createDb('postgres://openapi@127.0.0.1:1/none', 1);
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = await buildApp({ config: loadConfig({}), db, temporal, logger: false });
  try {
    await app.ready();
    return (app as unknown as { swagger(): Record<string, unknown> }).swagger();
  } finally {
    await app.close();
    await db.destroy();
  }
}

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(await openApiDocument())), { silent: true });
  return HEADER + astToString(ast);
}

export function relativeToRepo(file: string): string {
  return path.relative(fileURLToPath(new URL('../../', import.meta.url)), file);
}
