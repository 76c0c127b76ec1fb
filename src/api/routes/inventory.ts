/** The built-in inventory: an admin loads port capacity so orders can reserve ports (README, "Trying every path"). */
import { addressKey } from '../../domain/inventory';
import { portStock, setPortCapacity } from '../../store/inventory';
import type { Api, ApiDeps } from '../deps';
import { requireRoles } from '../plugins/auth';
import { HttpProblem } from '../plugins/problems';
import { PortCapacityInput, PortStockList } from '../schemas/inventory';

export async function inventoryRoutes(app: Api, { db }: ApiDeps): Promise<void> {
  app.put(
    '/inventory/ports',
    {
      onRequest: requireRoles('admin'),
      schema: {
        tags: ['inventory'],
        summary:
          'Set the port capacity of addresses per access type (all or nothing). 422 when a capacity is below the ports ' +
          'already reserved or in use there. Answers with the stock of each address given.',
        body: PortCapacityInput,
        response: { 200: PortStockList },
      },
    },
    async (request) => {
      const { items } = request.body;
      const { problems } = await setPortCapacity(db, items);
      if (problems.length > 0) {
        throw new HttpProblem(422, problems.join('; '), { errors: problems.map((message) => ({ path: 'body', message })) });
      }
      const addresses = [...new Map(items.map((i) => [addressKey(i.address), i.address])).values()];
      return { items: (await Promise.all(addresses.map((a) => portStock(db, a)))).flat() };
    },
  );
}
