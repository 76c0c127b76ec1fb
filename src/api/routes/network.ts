/** The built-in network's remote line test: what it answers for a service (src/adapters/network.ts). */
import { setLineTest } from '../../adapters/network';
import type { Api, ApiDeps } from '../deps';
import { requireRoles } from '../plugins/auth';
import { HttpProblem } from '../plugins/problems';
import { LineTestInput, LineTestView, ServiceParams } from '../schemas/network';

export async function networkRoutes(app: Api, { db }: ApiDeps): Promise<void> {
  app.put(
    '/network/line-tests/:serviceId',
    {
      onRequest: requireRoles('admin'),
      schema: {
        tags: ['network'],
        summary: "Set what the built-in network's remote test answers for a service (fault repair's remote diagnosis)",
        params: ServiceParams,
        body: LineTestInput,
        response: { 200: LineTestView },
      },
    },
    async (request) => {
      const { serviceId } = request.params;
      const service = await db.selectFrom('services').select('id').where('id', '=', serviceId).executeTakeFirst();
      if (!service) throw new HttpProblem(404, `no service ${serviceId}`);
      const test = { result: request.body.result, detail: request.body.detail ?? null };
      await setLineTest(db, serviceId, test);
      return { serviceId, ...test };
    },
  );
}
