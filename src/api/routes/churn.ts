/** The churn file (离网建档): customers who left, for customer managers' win-back work and reports. */
import { READ_ALL_ROLES } from '../../domain/roles';
import { listChurn } from '../../store/churn';
import { iso } from '../../store/time';
import type { Api, ApiDeps } from '../deps';
import { decodeCursor, keysetPage } from '../pagination';
import { requireRoles } from '../plugins/auth';
import { ChurnList, ChurnQuery } from '../schemas/churn';

export async function churnRoutes(app: Api, { db }: ApiDeps): Promise<void> {
  app.get(
    '/churn',
    {
      onRequest: requireRoles(...READ_ALL_ROLES),
      schema: {
        tags: ['churn'],
        summary: 'Customers who left (one row per cancellation that ended a service), most recent first (keyset pagination)',
        querystring: ChurnQuery,
        response: { 200: ChurnList },
      },
    },
    async (request) => {
      const { cursor, limit = 50, ...filter } = request.query;
      const rows = await listChurn(db, { ...filter, limit, after: decodeCursor(cursor) });
      return keysetPage(
        rows.map((r) => ({ ...r, id: r.case_id })),
        limit,
        (r) => ({
          caseId: r.case_id,
          customerId: r.customer_id,
          serviceId: r.service_id,
          serviceKind: r.service_kind,
          region: r.region,
          customerType: r.customer_type,
          tier: r.tier,
          reasonCode: r.reason_code,
          reasonText: r.reason_text,
          analysis: r.analysis,
          monthlyRevenueFen: r.monthly_revenue_fen,
          offersDeclined: r.offers_declined,
          churnedAt: iso(r.churned_at),
        }),
      );
    },
  );
}
