/** Complaints (首问负责制, processes.md §7): open (idempotently), read, list, timeline. */
import { complaintOwner } from '../../domain/complaint';
import { CASE_CREATOR_ROLES, ROLES, type Actor } from '../../domain/roles';
import { findVisibleCase, findVisibleCaseWithDetails, listCases } from '../../store/cases';
import { caseEvents } from '../../store/events';
import { caseIntakeUpdate } from '../../../workflows/lib/messages';
import type { Api, ApiDeps } from '../deps';
import { openCase } from '../open-case';
import { decodeCursor, keysetPage } from '../pagination';
import { requireRoles } from '../plugins/auth';
import { found, HttpProblem } from '../plugins/problems';
import { IdParams } from '../schemas/common';
import { ComplaintBody, ComplaintList, ComplaintListQuery, ComplaintView } from '../schemas/complaints';
import { CaseEventList, IdempotencyHeaders } from '../schemas/orders';
import { complaintSummary, complaintView } from '../views';

/** How long the opening request waits for the workflow to take the complaint in before answering with it as it stands. */
const INTAKE_WAIT_MS = 10_000;

export async function complaintRoutes(app: Api, deps: ApiDeps): Promise<void> {
  const { db, temporal } = deps;

  const visibleComplaint = async (id: string, actor: Actor) => found(await findVisibleCase(db, id, actor, 'complaint'), `no complaint ${id}`);
  const complaintPage = async (id: string, actor: Actor) =>
    complaintView(found(await findVisibleCaseWithDetails(db, id, actor, 'complaint'), `no complaint ${id}`), actor);

  /**
   * The answer to an opening request carries the owner, severity and reply
   * deadline (or, resolved on the spot, the closed complaint), which the
   * workflow works out in milliseconds: wait for that, not longer than
   * INTAKE_WAIT_MS. A run that already ended refuses the update; either way the
   * row says what there is.
   */
  async function intake(id: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = temporal.workflow.getHandle(id).executeUpdate(caseIntakeUpdate).catch(() => undefined);
    await Promise.race([waited, new Promise((resolve) => (timer = setTimeout(resolve, INTAKE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  app.post(
    '/complaints',
    {
      onRequest: requireRoles(...CASE_CREATOR_ROLES),
      schema: {
        tags: ['complaints'],
        summary: 'Take a complaint (Idempotency-Key honoured): its owner is the caller, or the firstResponder a front-office system names',
        headers: IdempotencyHeaders,
        body: ComplaintBody,
        response: { 200: ComplaintView, 201: ComplaintView },
      },
    },
    async (request, reply) => {
      const { customerId, ...fields } = request.body;
      const owner = complaintOwner(request.actor, fields.firstResponder);
      if (typeof owner === 'string') throw new HttpProblem(422, owner, { errors: [{ path: 'body/firstResponder', message: owner }] });
      const { id, replay } = await openCase(deps, request.actor, { type: 'complaint', customerId, fields }, request.headers['idempotency-key']);
      await intake(id);
      return reply
        .code(replay ? 200 : 201)
        .header('location', `/v1/complaints/${id}`)
        .send(await complaintPage(id, request.actor));
    },
  );

  app.get(
    '/complaints/:id',
    {
      onRequest: requireRoles(...ROLES),
      schema: { tags: ['complaints'], summary: 'A complaint', params: IdParams, response: { 200: ComplaintView } },
    },
    async (request) => complaintPage(request.params.id, request.actor),
  );

  app.get(
    '/complaints',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['complaints'],
        summary: 'Complaints the caller may see, newest first (keyset pagination); `owner=me&open=true`: the ones I own and have yet to close',
        querystring: ComplaintListQuery,
        response: { 200: ComplaintList },
      },
    },
    async (request) => {
      const { cursor, limit = 50, status, owner, severity, ...filter } = request.query;
      const data = {
        ...(owner !== undefined ? { owner: owner === 'me' ? request.actor.sub : owner } : {}),
        ...(severity !== undefined ? { severity } : {}),
      };
      const rows = await listCases(db, request.actor, { kind: 'complaint', ...filter, ...(status ? { state: status } : {}), data, limit, after: decodeCursor(cursor) });
      return keysetPage(rows, limit, (row) => complaintSummary(row, request.actor));
    },
  );

  app.get(
    '/complaints/:id/events',
    {
      onRequest: requireRoles(...ROLES),
      schema: { tags: ['complaints'], summary: 'The audit timeline of a complaint, oldest first', params: IdParams, response: { 200: CaseEventList } },
    },
    async (request) => caseEvents(db, (await visibleComplaint(request.params.id, request.actor)).id),
  );
}
