/** Customers: the built-in BSS adapter's records (customer, account, services). */
import type { Db } from '../../db/index';
import { maskIdNumber, maskPhone } from '../../domain/masking';
import { CUSTOMER_SERVING_ROLES, hasAnyRole, ROLES, type Actor } from '../../domain/roles';
import type { Api, ApiDeps } from '../deps';
import { iso } from '../../store/time';
import { requireRoles } from '../plugins/auth';
import { HttpProblem } from '../plugins/problems';
import { IdParams } from '../schemas/common';
import { CustomerInput, CustomerView } from '../schemas/customers';

export async function loadCustomerView(db: Db, id: string, actor: Actor): Promise<CustomerView | undefined> {
  const c = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return undefined;
  const [account, services] = await Promise.all([
    db.selectFrom('accounts').selectAll().where('customer_id', '=', id).executeTakeFirst(),
    db.selectFrom('services').selectAll().where('customer_id', '=', id).orderBy('id').execute(),
  ]);
  const unmasked = hasAnyRole(actor, CUSTOMER_SERVING_ROLES);
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    tier: c.tier,
    phone: unmasked ? c.phone : maskPhone(c.phone),
    idNumber: unmasked || c.id_number === null ? c.id_number : maskIdNumber(c.id_number),
    masked: !unmasked,
    account: account
      ? {
          arrearsFen: account.arrears_fen,
          balanceFen: account.balance_fen,
          monthlyRevenueFen: account.monthly_revenue_fen,
          agreementEndsAt: iso(account.agreement_ends_at),
          noArrearsSinceMonths: account.no_arrears_since_months,
          paymentMethod: account.payment_method,
          points: account.points,
        }
      : null,
    services: services.map((s) => ({
      id: s.id,
      kind: s.kind,
      address: s.address,
      region: s.region,
      // A line's number is a phone number too (processes.md, Confidentiality).
      number: unmasked || s.number === null ? s.number : maskPhone(s.number),
      status: s.status,
      numberChangeBlocked: s.number_change_blocked,
      monthlyRentFen: s.monthly_rent_fen,
    })),
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
  };
}

export async function customerRoutes(app: Api, { db }: ApiDeps): Promise<void> {
  app.put(
    '/customers/:id',
    {
      onRequest: requireRoles('frontoffice', 'admin'),
      schema: {
        tags: ['customers'],
        summary: 'Create or replace a customer with its account (and services, when given)',
        params: IdParams,
        body: CustomerInput,
        response: { 200: CustomerView, 201: CustomerView },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const b = request.body;
      const created = await db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('customers').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
        const now = new Date().toISOString();
        await trx
          .insertInto('customers')
          .values({ id, name: b.name, type: b.type, tier: b.tier, phone: b.phone, id_number: b.idNumber ?? null, created_at: now, updated_at: now })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              name: b.name,
              type: b.type,
              tier: b.tier,
              phone: b.phone,
              id_number: b.idNumber ?? null,
              updated_at: now,
            }),
          )
          .execute();
        const account = {
          arrears_fen: b.account.arrearsFen,
          balance_fen: b.account.balanceFen,
          monthly_revenue_fen: b.account.monthlyRevenueFen ?? null,
          agreement_ends_at: b.account.agreementEndsAt ?? null,
          no_arrears_since_months: b.account.noArrearsSinceMonths ?? null,
          payment_method: b.account.paymentMethod ?? null,
          points: b.account.points ?? 0,
        };
        await trx
          .insertInto('accounts')
          .values({ customer_id: id, ...account })
          .onConflict((oc) => oc.column('customer_id').doUpdateSet(account))
          .execute();
        if (b.services) {
          const ids = b.services.map((s) => s.id);
          if (new Set(ids).size !== ids.length) {
            throw new HttpProblem(422, 'service ids must be unique within the customer');
          }
          let del = trx.deleteFrom('services').where('customer_id', '=', id);
          if (ids.length > 0) del = del.where('id', 'not in', ids);
          await del.execute();
          for (const s of b.services) {
            const row = { kind: s.kind, address: s.address, region: s.region, number: s.number ?? null, status: s.status, monthly_rent_fen: s.monthlyRentFen ?? null };
            // number_change_blocked is the BSS's own fact: kept as it is.
            const res = await trx
              .insertInto('services')
              .values({ id: s.id, customer_id: id, ...row })
              .onConflict((oc) =>
                oc
                  .column('id')
                  .doUpdateSet(row)
                  .where('services.customer_id', '=', id),
              )
              .executeTakeFirst();
            if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 0) {
              throw new HttpProblem(409, `service ${s.id} belongs to another customer`);
            }
          }
        }
        return !existing;
      });
      const view = await loadCustomerView(db, id, request.actor);
      if (!view) throw new Error('customer vanished after upsert');
      return reply.code(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/customers/:id',
    {
      onRequest: requireRoles(...ROLES),
      schema: {
        tags: ['customers'],
        summary: 'A customer; phone and idNumber are masked for roles that do not serve the customer',
        params: IdParams,
        response: { 200: CustomerView },
      },
    },
    async (request) => {
      const view = await loadCustomerView(db, request.params.id, request.actor);
      if (!view) throw new HttpProblem(404, `no customer ${request.params.id}`);
      return view;
    },
  );
}
