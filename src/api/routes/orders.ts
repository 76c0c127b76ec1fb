/** Orders: open (idempotently), read, list, timeline, cancel. */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { CASE_CANCELLER_ROLES, CASE_CREATOR_ROLES, ROLES } from '../../domain/roles';
import { insertCaseRecord } from '../../store/cases';
import { isProcessAvailable, startCase } from '../../temporal/cases';
import { cancelCaseUpdate, type CaseStart } from '../../../workflows/lib/messages';
import { caseEvents, caseVisibleTo, findVisibleCase, loadOrderView, orderSummary } from '../cases-read';
import type { Api, ApiDeps } from '../deps';
import { decodeCursor, iso, keysetPage } from '../pagination';
import { requireRoles } from '../plugins/auth';
import { HttpProblem } from '../plugins/problems';
import { IdParams } from '../schemas/common';
import {
  CancelInput,
  CaseEventList,
  CaseSnapshotView,
  IdempotencyHeaders,
  OrderInput,
  OrderList,
  OrderListQuery,
  OrderView,
} from '../schemas/orders';
import { problemFromUpdateError } from '../temporal-errors';

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

export async function orderRoutes(app: Api, { db, temporal, config }: ApiDeps): Promise<void> {
  app.post(
    '/orders',
    {
      onRequest: requireRoles(...CASE_CREATOR_ROLES),
      schema: {
        tags: ['orders'],
        summary: 'Open an order (Idempotency-Key honoured)',
        headers: IdempotencyHeaders,
        body: OrderInput,
        response: { 200: OrderView, 201: OrderView },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const body = request.body;
      if (!isProcessAvailable(body.type)) {
        throw new HttpProblem(422, `orders of type ${body.type} cannot be opened yet: their process is not available`, {
          errors: [{ path: 'body/type', message: 'no process runs this type yet' }],
        });
      }
      const customer = await db.selectFrom('customers').select('id').where('id', '=', body.customerId).executeTakeFirst();
      if (!customer) {
        throw new HttpProblem(422, `there is no customer ${body.customerId}`, {
          errors: [{ path: 'body/customerId', message: 'unknown customer' }],
        });
      }

      const { type, customerId, ...fields } = body as { type: CaseStart['type']; customerId: string } & Record<string, unknown>;
      const key = request.headers['idempotency-key'];
      const keyHash = typeof key === 'string' ? sha256(`${actor.sub}:${key}`) : undefined;
      const requestHash = sha256(canonicalJson(body));
      let id = keyHash ? `ord_${sha256(`case:${keyHash}`).slice(0, 24)}` : `ord_${randomBytes(12).toString('hex')}`;
      let start: CaseStart = {
        id,
        type,
        customerId,
        createdBy: actor,
        createdAt: new Date().toISOString(),
        fields,
      };

      let replay = false;
      await db.transaction().execute(async (trx) => {
        if (keyHash) {
          const inserted = await trx
            .insertInto('idempotency_keys')
            .values({ key: keyHash, request_hash: requestHash, case_id: id })
            .onConflict((oc) => oc.column('key').doNothing())
            .returning('key')
            .executeTakeFirst();
          if (!inserted) {
            const existing = await trx
              .selectFrom('idempotency_keys')
              .select(['request_hash', 'case_id'])
              .where('key', '=', keyHash)
              .executeTakeFirstOrThrow();
            if (existing.request_hash !== requestHash) {
              throw new HttpProblem(409, 'this Idempotency-Key was already used with a different request body', {
                slug: 'idempotency-key-reused',
              });
            }
            replay = true;
            id = existing.case_id;
            return;
          }
        }
        await insertCaseRecord(trx, start);
      });

      if (replay) {
        const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        start = {
          id,
          type: row.type as CaseStart['type'],
          customerId: row.customer_id,
          createdBy: actor,
          createdAt: iso(row.created_at),
          fields,
        };
      }
      // Idempotent (the case id is the workflow id): a replay also covers a crash between the write and the start.
      await startCase(temporal, config.taskQueue, start);

      const view = await loadOrderView(db, id, actor);
      if (!view) throw new Error(`order ${id} is missing after it was written`);
      return reply
        .code(replay ? 200 : 201)
        .header('location', `/v1/orders/${id}`)
        .send(view);
    },
  );

  app.get(
    '/orders/:id',
    {
      onRequest: requireRoles(...ROLES),
      schema: { tags: ['orders'], summary: 'An order', params: IdParams, response: { 200: OrderView } },
    },
    async (request) => {
      const view = await loadOrderView(db, request.params.id, request.actor);
      if (!view) throw new HttpProblem(404, `no order ${request.params.id}`);
      return view;
    },
  );

  app.get(
    '/orders',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['orders'],
        summary: 'Orders the caller may see, newest first (keyset pagination)',
        querystring: OrderListQuery,
        response: { 200: OrderList },
      },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit ?? 50;
      const after = decodeCursor(q.cursor);
      let query = db
        .selectFrom('cases')
        .selectAll()
        // The exact timestamp (µs) for the cursor: a JS Date would round it to ms.
        .select(sql<string>`cases.created_at::text`.as('created_at_exact'))
        .where('cases.kind', '=', 'order')
        .where(caseVisibleTo(request.actor));
      if (q.type) query = query.where('cases.type', '=', q.type);
      if (q.state) query = query.where('cases.state', '=', q.state);
      if (q.customerId) query = query.where('cases.customer_id', '=', q.customerId);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('cases.created_at', 'cases.id'), '<', eb.tuple(sql<Date>`${after.t}::timestamptz`, after.id)),
        );
      }
      const rows = await query
        .orderBy('cases.created_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(limit + 1)
        .execute();
      return keysetPage(rows, limit, orderSummary);
    },
  );

  app.get(
    '/orders/:id/events',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['orders'],
        summary: 'The audit timeline of an order, oldest first',
        params: IdParams,
        response: { 200: CaseEventList },
      },
    },
    async (request) => {
      const row = await findVisibleCase(db, request.params.id, request.actor, 'order');
      if (!row) throw new HttpProblem(404, `no order ${request.params.id}`);
      return caseEvents(db, row.id);
    },
  );

  app.post(
    '/orders/:id/cancel',
    {
      onRequest: requireRoles(...CASE_CANCELLER_ROLES),
      schema: {
        tags: ['orders'],
        summary: 'Ask to cancel an order: 202 while it is cancellable, 409 past the point of no return or when finished',
        params: IdParams,
        body: CancelInput,
        response: { 202: CaseSnapshotView },
      },
    },
    async (request, reply) => {
      const row = await findVisibleCase(db, request.params.id, request.actor, 'order');
      if (!row) throw new HttpProblem(404, `no order ${request.params.id}`);
      try {
        const snapshot = await temporal.workflow
          .getHandle(row.id)
          .executeUpdate(cancelCaseUpdate, { args: [{ reason: request.body.reason, actor: request.actor }] });
        return reply.code(202).send(snapshot);
      } catch (err) {
        throw problemFromUpdateError(err, row.id) ?? err;
      }
    },
  );
}
