/** Reports for the operators' dashboard (roles that read every case). */
import { READ_ALL_ROLES } from '../../domain/roles';
import { overview } from '../../store/reports';
import type { Api, ApiDeps } from '../deps';
import { requireRoles } from '../plugins/auth';
import { OverviewReport } from '../schemas/reports';

export async function reportRoutes(app: Api, { db }: ApiDeps): Promise<void> {
  app.get(
    '/reports/overview',
    {
      onRequest: requireRoles(...READ_ALL_ROLES),
      schema: {
        tags: ['reports'],
        summary: "Cases by type and state, today's SLA jeopardies and breaches, this month's refunds by cause",
        response: { 200: OverviewReport },
      },
    },
    async () => overview(db, new Date()),
  );
}
