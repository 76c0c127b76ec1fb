/**
 * Setup file (vitest `setupFiles`): every test file gets a database of its
 * own, copied from the run's migrated template in a fraction of a second and
 * dropped when the file is done. Files run in parallel without seeing each
 * other's policies, calendar days or rows.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { withAdmin as admin } from './pg-admin';

const template = new URL(inject('databaseUrl'));
const templateName = decodeURIComponent(template.pathname.slice(1));
const name = `switchboard_file_${randomBytes(5).toString('hex')}`;
const fileUrl = new URL(template);
fileUrl.pathname = `/${name}`;
const serverUrl = new URL(template);
serverUrl.pathname = '/postgres';

await admin(serverUrl.toString(), (c) => c.query(`create database ${c.escapeIdentifier(name)} template ${c.escapeIdentifier(templateName)}`));
process.env.SWITCHBOARD_TEST_DATABASE_URL = fileUrl.toString();

// Registered first, so it runs after the file's own afterAll hooks have closed their pools.
afterAll(async () => {
  await admin(serverUrl.toString(), (c) => c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`));
});
