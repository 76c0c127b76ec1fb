/**
 * The hub (TMF630): other systems register a callback and hear of orders,
 * complaints, tasks and SLA clocks as they change. Admins see every
 * subscriber; front-office systems see those they registered.
 */
import { randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import { checkCallback, formatHubQuery, parseHubQuery } from '../../domain/hub';
import { hasAnyRole, type Actor } from '../../domain/roles';
import { newSecret } from '../../hub/signature';
import { deleteSubscriber, findSubscriber, insertSubscriber, listSubscribers, resumeSubscriber, type SubscriberHealthRow, type SubscriberOwner } from '../../store/hub';
import { iso } from '../../store/time';
import type { Api, ApiDeps } from '../deps';
import { decodeCursor, keysetPage } from '../pagination';
import { requireRoles } from '../plugins/auth';
import { HttpProblem } from '../plugins/problems';
import { IdParams } from '../schemas/common';
import { HubCreated, HubInput, HubList, HubListQuery, HubSubscriberView } from '../schemas/hub';

const owner = (actor: Actor): SubscriberOwner => (hasAnyRole(actor, ['admin']) ? undefined : actor.sub);

function invalid(path: string, problems: string[]): HttpProblem {
  return new HttpProblem(400, `${path} ${problems.join('; ')}`, { title: 'Invalid request', slug: 'validation', errors: problems.map((message) => ({ path, message })) });
}

function subscriberView(s: SubscriberHealthRow): HubSubscriberView {
  return {
    id: s.id,
    callback: s.callback,
    query: s.query,
    personalData: s.personal_data,
    createdBy: s.created_by,
    createdAt: iso(s.created_at),
    health: {
      paused: s.paused_at !== null,
      pausedAt: iso(s.paused_at),
      pending: s.pending,
      delivered: s.delivered,
      failedAttempts: s.failed_attempts,
      consecutiveFailures: s.consecutive_failures,
      lastError: s.last_error,
      lastErrorAt: iso(s.last_error_at),
      lastDeliveredAt: iso(s.last_delivered_at),
    },
  };
}

export async function hubRoutes(app: Api, { db }: ApiDeps): Promise<void> {
  const subscribersOf = requireRoles('admin', 'frontoffice');

  async function visible(id: string, actor: Actor): Promise<SubscriberHealthRow> {
    const found = await findSubscriber(db, id, owner(actor));
    if (!found) throw new HttpProblem(404, `no subscriber ${id}`);
    return found;
  }

  app.post(
    '/hub',
    {
      onRequest: subscribersOf,
      schema: {
        tags: ['hub'],
        summary: 'Register a subscriber: events are posted, signed, to {callback}/listener/{eventName}',
        body: HubInput,
        response: { 201: HubCreated },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const callback = checkCallback(body.callback);
      if ('problems' in callback) throw invalid('body/callback', callback.problems);
      const query = parseHubQuery(body.query ?? '');
      if ('problems' in query) throw invalid('body/query', query.problems);
      if (body.personalData && !hasAnyRole(request.actor, ['admin'])) {
        throw new HttpProblem(403, 'only an admin may let a subscriber receive personal data unmasked');
      }
      const secret = body.secret ?? newSecret();
      const row = await insertSubscriber(db, {
        id: `hub_${randomBytes(12).toString('hex')}`,
        callback: callback.callback,
        query: formatHubQuery(query.query),
        event_types: query.query.eventTypes ?? null,
        case_types: query.query.caseTypes ?? null,
        secret,
        personal_data: body.personalData ?? false,
        created_by: request.actor.sub,
      });
      const view = subscriberView({ ...row, pending: 0 });
      return reply
        .code(201)
        .header('location', `/v1/hub/${row.id}`)
        .send(body.secret === undefined ? { ...view, secret } : view);
    },
  );

  app.get(
    '/hub',
    {
      onRequest: subscribersOf,
      schema: { tags: ['hub'], summary: 'Subscribers with their delivery health, oldest first', querystring: HubListQuery, response: { 200: HubList } },
    },
    async (request) => {
      const { cursor, limit = 50 } = request.query;
      const rows = await listSubscribers(db, owner(request.actor), { limit, after: decodeCursor(cursor) });
      return keysetPage(rows, limit, subscriberView);
    },
  );

  app.get(
    '/hub/:id',
    {
      onRequest: subscribersOf,
      schema: { tags: ['hub'], summary: 'A subscriber with its delivery health', params: IdParams, response: { 200: HubSubscriberView } },
    },
    async (request) => subscriberView(await visible(request.params.id, request.actor)),
  );

  app.delete(
    '/hub/:id',
    {
      onRequest: subscribersOf,
      schema: { tags: ['hub'], summary: 'Remove a subscriber; what it has not received yet is dropped', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      if (!(await deleteSubscriber(db, request.params.id, owner(request.actor)))) throw new HttpProblem(404, `no subscriber ${request.params.id}`);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/hub/:id/resume',
    {
      onRequest: subscribersOf,
      schema: {
        tags: ['hub'],
        summary: 'Deliver again to a paused subscriber: it catches up on what it missed, in order',
        params: IdParams,
        response: { 200: HubSubscriberView },
      },
    },
    async (request) => {
      if (!(await resumeSubscriber(db, request.params.id, owner(request.actor)))) throw new HttpProblem(404, `no subscriber ${request.params.id}`);
      return subscriberView(await visible(request.params.id, request.actor));
    },
  );
}
