import type { Db } from '../db/index';

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

export interface CustomerContact {
  name: string;
  phone: string;
}

/** The billing/CRM system. Production plugs in the operator's BSS; the built-in one reads our own tables. */
export interface BssAdapter {
  accountFacts(customerId: string): Promise<AccountFacts | null>;
  contact(customerId: string): Promise<CustomerContact | null>;
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
    async contact(customerId) {
      const row = await db.selectFrom('customers').select(['name', 'phone']).where('id', '=', customerId).executeTakeFirst();
      return row ?? null;
    },
  };
}
