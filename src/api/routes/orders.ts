/** Orders: open (idempotently), read, list, timeline, cancel. */
import { CASE_CANCELLER_ROLES, CASE_CREATOR_ROLES, ROLES, type Actor } from '../../domain/roles';
import { findVisibleCase, findVisibleCaseWithDetails, listCases } from '../../store/cases';
import { caseEvents } from '../../store/events';
import { cancelCaseUpdate } from '../../../workflows/lib/messages';
import type { Api, ApiDeps } from '../deps';
import { openCase } from '../open-case';
import { decodeCursor, keysetPage } from '../pagination';
import { requireRoles } from '../plugins/auth';
import { found } from '../plugins/problems';
import { IdParams } from '../schemas/common';
import { CancelInput, CaseEventList, CaseSnapshotView, IdempotencyHeaders, OrderInput, OrderList, OrderListQuery, OrderView } from '../schemas/orders';
import { problemFromUpdateError } from '../temporal-errors';
import { openedOrderView, orderSummary, orderView } from '../views';

export async function orderRoutes(app: Api, deps: ApiDeps): Promise<void> {
  const { db, temporal } = deps;

  const visibleOrder = async (id: string, actor: Actor) => found(await findVisibleCase(db, id, actor, 'order'), `no order ${id}`);
  const orderPage = async (id: string, actor: Actor) => orderView(found(await findVisibleCaseWithDetails(db, id, actor, 'order'), `no order ${id}`), actor);

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
      const { type, customerId, ...fields } = request.body;
      const { id, replay, opened } = await openCase(deps, request.actor, { type, customerId, fields }, request.headers['idempotency-key']);
      // A new order answers as it was opened (no task or clock yet); a replay as it stands now.
      return reply
        .code(replay ? 200 : 201)
        .header('location', `/v1/orders/${id}`)
        .send(opened ? openedOrderView(opened, request.actor) : await orderPage(id, request.actor));
    },
  );

  app.get(
    '/orders/:id',
    {
      onRequest: requireRoles(...ROLES),
      schema: { tags: ['orders'], summary: 'An order', params: IdParams, response: { 200: OrderView } },
    },
    async (request) => orderPage(request.params.id, request.actor),
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
      const { cursor, limit = 50, ...filter } = request.query;
      const rows = await listCases(db, request.actor, { kind: 'order', ...filter, limit, after: decodeCursor(cursor) });
      return keysetPage(rows, limit, (row) => orderSummary(row, request.actor));
    },
  );

  app.get(
    '/orders/:id/events',
    {
      onRequest: requireRoles(...ROLES),
      schema: { tags: ['orders'], summary: 'The audit timeline of an order, oldest first', params: IdParams, response: { 200: CaseEventList } },
    },
    async (request) => caseEvents(db, (await visibleOrder(request.params.id, request.actor)).id),
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
      const row = await visibleOrder(request.params.id, request.actor);
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
