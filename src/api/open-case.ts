/**
 * Opening a case, for orders and complaints alike: idempotent on the
 * client's Idempotency-Key (same key and body: the same case; same key,
 * other body: 409), the read-model row and its key in one transaction, then
 * the workflow (whose id is the case id, so a retry after a crash between
 * the two finds the run instead of opening a second case).
 *
 * Round trips are what intake costs next to a bare workflow start
 * (docs/benchmarks.md): the customer is looked up on a second connection
 * while the key is claimed, a request without a key writes its row without
 * a transaction, and a new case answers with the row it wrote instead of
 * reading it back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { caseIdPrefix, type CaseType } from '../domain/case';
import type { Actor } from '../domain/roles';
import { processOf } from '../processes/index';
import { initialCaseRow, insertCaseRecord, type CaseRow } from '../store/cases';
import { claimIdempotencyKey } from '../store/idempotency';
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

/** An order on a line (`serviceId`: relocation, transfer, cancellation, repair) names one of the customer's own services. */
async function mustOwnService(db: ApiDeps['db'], { customerId, fields }: CaseRequest): Promise<void> {
  const serviceId = fields.serviceId;
  if (typeof serviceId !== 'string') return;
  const service = await db.selectFrom('services').select('id').where('id', '=', serviceId).where('customer_id', '=', customerId).executeTakeFirst();
  if (!service) {
    throw new HttpProblem(422, `customer ${customerId} has no service ${serviceId}`, { errors: [{ path: 'body/serviceId', message: 'not a service of this customer' }] });
  }
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

  // Looked up beside the key's claim; an unknown customer is a 422 before anything else.
  const customerKnown = db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', request.customerId)
    .executeTakeFirst()
    .then((row) => row !== undefined);
  customerKnown.catch(() => undefined); // awaited below; a failure surfaces there
  const mustBeKnownCustomer = async () => {
    if (!(await customerKnown)) {
      throw new HttpProblem(422, `there is no customer ${request.customerId}`, { errors: [{ path: 'body/customerId', message: 'unknown customer' }] });
    }
  };
  const write = async (tx: ApiDeps['db']) => {
    await mustOwnService(tx, request);
    await insertCaseRecord(tx, start);
  };

  let earlier: { id: string; created_at: Date } | undefined;
  if (keyHash) {
    const requestHash = sha256(canonicalJson(request));
    earlier = await db.transaction().execute(async (tx) => {
      const claim = await claimIdempotencyKey(tx, keyHash, requestHash, start.id);
      await mustBeKnownCustomer();
      if (!claim.fresh) {
        if (claim.requestHash !== requestHash) {
          throw new HttpProblem(409, 'this Idempotency-Key was already used with a different request body', { slug: 'idempotency-key-reused' });
        }
        return tx.selectFrom('cases').select(['id', 'created_at']).where('id', '=', claim.caseId).executeTakeFirstOrThrow();
      }
      await write(tx);
      return undefined;
    });
  } else {
    // Nothing to keep atomic without a key: a fresh random id, one row.
    await mustBeKnownCustomer();
    await write(db);
  }

  // Idempotent (the case id is the workflow id): a replay also covers a crash between the write and the start.
  await startCase(temporal, config.taskQueue, earlier ? { ...start, id: earlier.id, createdAt: earlier.created_at.toISOString() } : start);
  return earlier ? { id: earlier.id, replay: true } : { id: start.id, replay: false, opened: initialCaseRow(start) };
}
