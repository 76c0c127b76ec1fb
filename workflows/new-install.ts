/**
 * New install (新装), processes.md §1: acceptance gates → resource check and
 * port reservation → appointment → visit → activation and billing →
 * callback survey (seed 000 L217-L219, seed 002 L77-L89).
 */
import { needsIdentityFollowUp, newInstallGate } from '../src/domain/new-install';
import { newInstallForms, type NewInstallInput, type NewInstallStage } from '../src/processes/new-install';
import { records, systems } from './lib/activities';
import { callbackSurvey } from './lib/callback';
import { Case } from './lib/case';
import type { CaseSnapshot, CaseStart } from './lib/messages';
import { expediteOverdueOrder } from './lib/overdue';
import { workAtPremises } from './lib/premises';

export async function newInstallOrder(start: CaseStart<NewInstallInput>): Promise<CaseSnapshot> {
  const order = new Case<NewInstallStage>(start);
  const install = start.fields;
  const { installAddress, accessType, product } = install;
  /** The line this order brings into being. */
  const serviceId = `svc_${order.id.replace(/^ord_/, '')}`;
  /** What the planner, the technician and the caller need to know (never a phone number). */
  const site = { product, accessType, installAddress };

  return order.run(async () => {
    const account = await systems.accountFacts(start.customerId);
    const refused = newInstallGate(install, account, await records.readPolicy<number>('new_install.prepayment_months'));
    if (refused) return order.reject(refused.reason, refused.detail);
    const prepayment = install.prepayment;
    if (prepayment) {
      // Fees prestored at the counter go back, once, if the order does not complete.
      order.onCancel(async () => {
        const method = account.paymentMethod ?? 'original';
        const receipt = await systems.payRefund({ idempotencyKey: order.key('prepayment_refund'), caseId: order.id, customerId: start.customerId, amountFen: prepayment.amountFen, method });
        await order.record({ prepaymentRefund: receipt }, { kind: 'prepayment_refunded' });
      });
    }
    // Late, a supervisor is asked to expedite the order (the jeopardy and the breach are on the timeline).
    const wholeOrder = await order.clock(`new_install.complete.${installAddress.region}`, { onBreach: () => expediteOverdueOrder(order, site) });
    // Accepted on the name pre-approval notice: the licence is brought later, beside the install (seed 000 L218).
    const identityRecord = needsIdentityFollowUp(install.identity)
      ? (await order.tasks.open(newInstallForms.completeIdentity, { role: 'frontoffice', data: { identity: install.identity } })).runBeside()
      : undefined;

    // 1–3. A port at the address (a planner while none is free), then the appointment and the visit.
    const visit = await workAtPremises(order, {
      address: installAddress.text,
      accessType,
      waitKey: 'new_install.resource_wait',
      contactKey: 'new_install.contact',
      visit: newInstallForms.visit,
      failure: newInstallForms.technicalFailure,
      data: site,
    });
    if (visit.outcome === 'given_up') return order.cancel(visit.reason);

    // 4. Activate and start billing: past this point the order can no longer be cancelled.
    order.pointOfNoReturn();
    await order.stage('activation', { data: { installation: { slot: visit.slot, signedBy: visit.data.signature.signerName, checklist: visit.data.checklist } } });
    const { number } = await systems.assignNumber({ idempotencyKey: order.key('number'), caseId: order.id });
    await systems.usePort(order.key('port'), serviceId);
    const line = { caseId: order.id, customerId: start.customerId, serviceId };
    await systems.activateService({ ...line, idempotencyKey: order.key('activation'), kind: product, address: installAddress.text, region: installAddress.region, number, accessType });
    await systems.startBilling({ ...line, idempotencyKey: order.key('billing_start'), monthlyFeeFen: install.monthlyFeeFen, billing: install.billing ?? 'postpaid' });
    if (prepayment) {
      await systems.creditAccount({ ...line, idempotencyKey: order.key('prepayment'), amountFen: prepayment.amountFen, description: 'prestored package fees' });
    }
    await wholeOrder.stop();
    await order.record({ service: { id: serviceId, number } }, { kind: 'service_activated' });
    await order.notify.customer('activated', 'service_activated', { number });

    // 5. Callback survey (回访).
    await order.stage('callback');
    const survey = await callbackSurvey(order, { role: 'agent', slaKey: 'new_install.callback', data: { ...site, serviceId, lineNumber: number } });

    if (identityRecord) {
      if (!identityRecord.isDecided) await order.awaitCustomer('awaiting_identity_record');
      const licence = await identityRecord.decided();
      await order.record({ identityRecord: { businessLicence: licence.data.businessLicenceNumber } }, { kind: 'identity_record_completed', actor: licence.actor.sub });
    }
    await order.complete(survey.outcome === 'surveyed' ? 'installed' : 'survey_missed');
  });
}
