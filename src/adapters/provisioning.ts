import type { Db } from '../db/index';
import type { AccessType } from '../domain/inventory';

export interface ActivationRequest {
  /** The case id and the step: the line is activated once however often the call is retried. */
  idempotencyKey: string;
  caseId: string;
  customerId: string;
  serviceId: string;
  /** broadband, fixed_line, bundle… */
  kind: string;
  address: string;
  region: 'urban' | 'rural';
  number: string;
  accessType: AccessType;
}

export interface BillingStartRequest {
  idempotencyKey: string;
  caseId: string;
  customerId: string;
  serviceId: string;
  /** The package's monthly fee (fen). */
  monthlyFeeFen: number;
  billing: 'postpaid' | 'prepaid';
}

/** The operator's provisioning system: switches a line on in the network and starts billing it. Idempotent on its key. */
export interface ProvisioningAdapter {
  activateService(req: ActivationRequest): Promise<{ serviceId: string; activatedAt: string }>;
  startBilling(req: BillingStartRequest): Promise<{ serviceId: string; billingStartedAt: string }>;
}

/**
 * Records each action once in `provisioning_actions`; the activated line is
 * entered in the built-in BSS (`services`) and billing sets its monthly rent
 * there, so GET /v1/customers/{id} shows what the order produced.
 */
export function builtInProvisioning(db: Db): ProvisioningAdapter {
  async function act(req: { idempotencyKey: string; caseId: string; serviceId: string }, action: 'activate' | 'start_billing', detail: object, apply: (tx: Db) => Promise<void>) {
    return db.transaction().execute(async (tx) => {
      const done = await tx
        .insertInto('provisioning_actions')
        .values({ idempotency_key: req.idempotencyKey, case_id: req.caseId, service_id: req.serviceId, action, detail: JSON.stringify(detail) })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('at')
        .executeTakeFirst();
      if (done) await apply(tx);
      const row = await tx.selectFrom('provisioning_actions').select('at').where('idempotency_key', '=', req.idempotencyKey).executeTakeFirstOrThrow();
      return row.at.toISOString();
    });
  }

  return {
    async activateService(req) {
      const { idempotencyKey: _, caseId: __, ...line } = req;
      const activatedAt = await act(req, 'activate', line, async (tx) => {
        await tx
          .insertInto('services')
          .values({ id: req.serviceId, customer_id: req.customerId, kind: req.kind, address: req.address, region: req.region, number: req.number, status: 'active' })
          .onConflict((oc) => oc.column('id').doUpdateSet({ status: 'active' }))
          .execute();
      });
      return { serviceId: req.serviceId, activatedAt };
    },

    async startBilling(req) {
      const billingStartedAt = await act(req, 'start_billing', { monthlyFeeFen: req.monthlyFeeFen, billing: req.billing }, async (tx) => {
        await tx.updateTable('services').set({ monthly_rent_fen: req.monthlyFeeFen }).where('id', '=', req.serviceId).execute();
      });
      return { serviceId: req.serviceId, billingStartedAt };
    },
  };
}
