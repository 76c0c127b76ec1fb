/**
 * Opening a case, for orders and complaints alike: idempotent on the
 * client's Idempotency-Key (same key and body: the same case; same key,
 * other body: 409), the read-model row and its key in one statement, then
 * the workflow (whose id is the case id, so a retry after a crash between
 * the two finds the run instead of opening a second case).
 *
 * Round trips are what intake costs next to a bare workflow start
 * (docs/benchmarks.md): a new case is one statement (store/intake.ts) and
 * answers with the row it wrote instead of reading it back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { caseIdPrefix, type CaseType } from '../domain/case';
import type { Actor } from '../domain/roles';
import { processOf } from '../processes/index';
import { initialCaseRow, type CaseRow } from '../store/cases';
import { caseOfKey, writeOpenedCase } from '../store/intake';
import { startCase } from '../temporal/cases';
import type { CaseStart } from '../../workflows/lib/messages';
import type { ApiDeps } from './deps';
import { HttpProblem } from './plugins/problems';

export interface CaseRequest {
  type: CaseType;
  customerId: string;
  /** The process's own fields. */
  fields: Record<string, unknown>;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** JSON with object keys sorted at every level: equal bodies hash equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Opens the case (or finds the one this key opened); `replay` says which, `opened` is the row of a new case. */
export async function openCase(
  { db, temporal, config }: Pick<ApiDeps, 'db' | 'temporal' | 'config'>,
  actor: Actor,
  request: CaseRequest,
  idempotencyKey: string | undefined,
): Promise<{ id: string; replay: boolean; opened?: CaseRow }> {
  const process = processOf(request.type);
  if (!process) {
    throw new HttpProblem(422, `cases of type ${request.type} cannot be opened yet: their process is not available`, {
      errors: [{ path: 'body/type', message: 'no process runs this type yet' }],
    });
  }
  const problems = process.check?.(request.fields, new Date()) ?? [];
  if (problems.length) {
    throw new HttpProblem(422, problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
      errors: problems.map((p) => ({ path: `body/${p.path}`, message: p.message })),
    });
  }
  const keyHash = idempotencyKey !== undefined ? sha256(`${actor.sub}:${idempotencyKey}`) : undefined;
  const prefix = caseIdPrefix(request.type);
  const start: CaseStart = {
    id: keyHash ? `${prefix}${sha256(`case:${keyHash}`).slice(0, 24)}` : `${prefix}${randomBytes(12).toString('hex')}`,
    type: request.type,
    customerId: request.customerId,
    createdBy: actor,
    createdAt: new Date().toISOString(),
    fields: request.fields,
  };

  const key = keyHash ? { key: keyHash, requestHash: sha256(canonicalJson(request)) } : undefined;
  // An order on a line (relocation, transfer, cancellation, repair) names one of the customer's own services.
  const serviceId = typeof request.fields.serviceId === 'string' ? request.fields.serviceId : undefined;
  const written = await writeOpenedCase(db, start, key, serviceId);
  if (!written.customerKnown) {
    throw new HttpProblem(422, `there is no customer ${request.customerId}`, { errors: [{ path: 'body/customerId', message: 'unknown customer' }] });
  }
  let earlier: { id: string; created_at: Date } | undefined;
  if (!written.opened) {
    // The key opened a case before (a retry, or a concurrent request that claimed it first), whatever the line's owner is now.
    const claimed = key && (await caseOfKey(db, key.key));
    if (claimed) {
      if (claimed.requestHash !== key.requestHash) {
        throw new HttpProblem(409, 'this Idempotency-Key was already used with a different request body', { slug: 'idempotency-key-reused' });
      }
      earlier = { id: claimed.caseId, created_at: claimed.createdAt };
    } else if (!written.ownsService) {
      throw new HttpProblem(422, `customer ${request.customerId} has no service ${serviceId}`, { errors: [{ path: 'body/serviceId', message: 'not a service of this customer' }] });
    } else {
      throw new Error(`case ${start.id} was neither opened nor found`);
    }
  }

  // Idempotent (the case id is the workflow id): a replay also covers a crash between the write and the start.
  await startCase(temporal, config.taskQueue, earlier ? { ...start, id: earlier.id, createdAt: earlier.created_at.toISOString() } : start);
  return earlier ? { id: earlier.id, replay: true } : { id: start.id, replay: false, opened: initialCaseRow(start) };
}
