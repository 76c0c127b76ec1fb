import type { Selectable } from 'kysely';
import type { Db } from '../db/index';
import type { ServicesTable } from '../db/schema';

/** Account facts the processes gate on (processes.md, Shared concepts). */
export interface AccountFacts {
  customerId: string;
  customerType: 'individual' | 'group';
  tier: string;
  arrearsFen: number;
  balanceFen: number;
  monthlyRevenueFen: number | null;
  agreementEndsAt: string | null;
  noArrearsSinceMonths: number | null;
  paymentMethod: string | null;
}

/** A service the customer has (a broadband line, a fixed line). */
export interface ServiceFacts {
  id: string;
  customerId: string;
  kind: string;
  address: string;
  region: 'urban' | 'rural';
  number: string | null;
  status: string;
  numberChangeBlocked: boolean;
  /** What the BSS charges for it each month; null when it has none on record. */
  monthlyRentFen: number | null;
}

/** What a process changes on a service (relocation, ownership transfer, cancellation). */
export interface ServiceChange {
  customerId?: string;
  address?: string;
  region?: 'urban' | 'rural';
  number?: string;
  status?: string;
  numberChangeBlocked?: boolean;
}

/** A customer the BSS does not know yet (an ownership transfer's new owner). */
export interface NewCustomer {
  id: string;
  name: string;
  type: 'individual' | 'group';
  tier: string;
  phone: string;
  idNumber: string | null;
}

export interface CustomerContact {
  name: string;
  phone: string;
}

/** The billing/CRM system. Production plugs in the operator's BSS; the built-in one reads our own tables. */
export interface BssAdapter {
  accountFacts(customerId: string): Promise<AccountFacts | null>;
  contact(customerId: string): Promise<CustomerContact | null>;
  serviceFacts(serviceId: string): Promise<ServiceFacts | null>;
  /** Sets the given facts of a service (idempotent: setting them again changes nothing). */
  updateService(serviceId: string, change: ServiceChange): Promise<ServiceFacts>;
  /** Opens the customer with an empty account; idempotent on the id (opening it again changes nothing). */
  createCustomer(customer: NewCustomer): Promise<void>;
}

function serviceFacts(row: Selectable<ServicesTable>): ServiceFacts {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    address: row.address,
    region: row.region,
    number: row.number,
    status: row.status,
    numberChangeBlocked: row.number_change_blocked,
    monthlyRentFen: row.monthly_rent_fen,
  };
}

export function builtInBss(db: Db): BssAdapter {
  return {
    async accountFacts(customerId) {
      const row = await db
        .selectFrom('customers')
        .innerJoin('accounts', 'accounts.customer_id', 'customers.id')
        .select([
          'customers.id',
          'customers.type',
          'customers.tier',
          'accounts.arrears_fen',
          'accounts.balance_fen',
          'accounts.monthly_revenue_fen',
          'accounts.agreement_ends_at',
          'accounts.no_arrears_since_months',
          'accounts.payment_method',
        ])
        .where('customers.id', '=', customerId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        customerId: row.id,
        customerType: row.type,
        tier: row.tier,
        arrearsFen: row.arrears_fen,
        balanceFen: row.balance_fen,
        monthlyRevenueFen: row.monthly_revenue_fen,
        agreementEndsAt: row.agreement_ends_at?.toISOString() ?? null,
        noArrearsSinceMonths: row.no_arrears_since_months,
        paymentMethod: row.payment_method,
      };
    },
    async serviceFacts(serviceId) {
      const row = await db.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirst();
      return row ? serviceFacts(row) : null;
    },
    async updateService(serviceId, change) {
      const row = await db
        .updateTable('services')
        .set({
          ...(change.customerId !== undefined ? { customer_id: change.customerId } : {}),
          ...(change.address !== undefined ? { address: change.address } : {}),
          ...(change.region !== undefined ? { region: change.region } : {}),
          ...(change.number !== undefined ? { number: change.number } : {}),
          ...(change.status !== undefined ? { status: change.status } : {}),
          ...(change.numberChangeBlocked !== undefined ? { number_change_blocked: change.numberChangeBlocked } : {}),
        })
        .where('id', '=', serviceId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return serviceFacts(row);
    },
    async createCustomer(c) {
      await db.transaction().execute(async (tx) => {
        const created = await tx
          .insertInto('customers')
          .values({ id: c.id, name: c.name, type: c.type, tier: c.tier, phone: c.phone, id_number: c.idNumber })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (created) await tx.insertInto('accounts').values({ customer_id: c.id, arrears_fen: 0, balance_fen: 0 }).execute();
      });
    },
    async contact(customerId) {
      const row = await db.selectFrom('customers').select(['name', 'phone']).where('id', '=', customerId).executeTakeFirst();
      return row ?? null;
    },
  };
}
