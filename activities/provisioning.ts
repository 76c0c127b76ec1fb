import type { ActivationRequest, BillingStartRequest, ProvisioningAdapter } from '../src/adapters/provisioning';

/** The provisioning system: a line switched on and billed, once per idempotency key. */
export function provisioningActivities(provisioning: ProvisioningAdapter) {
  return {
    activateService: (req: ActivationRequest) => provisioning.activateService(req),
    startBilling: (req: BillingStartRequest) => provisioning.startBilling(req),
  };
}
