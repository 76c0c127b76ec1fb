/**
 * Cancellation with retention (拆机挽留), processes.md §4 (seed 002 L387-398):
 * the clerk tries to keep the customer at the counter; then a customer
 * manager, sent by the grid supervisor, tries again; a customer who still
 * leaves has the account settled, the equipment taken back, the line
 * dismantled, the service terminated and a churn file for win-back.
 */
import { balanceRefund, cancellationGate, counterClerk, secondAttemptBy } from '../src/domain/cancellation';
import { acceptanceProblem, acceptedOffer, eligibleOffers, type OfferAcceptance, type RetentionOfferPolicy } from '../src/domain/retention';
import { cancellationForms, type CancellationInput, type CancellationStage } from '../src/processes/cancellation';
import { appointmentForm } from '../src/processes/visits';
import { records, systems } from './lib/activities';
import { Case, type Change } from './lib/case';
import type { CaseSnapshot, CaseStart } from './lib/messages';
import type { Decision, TaskAssignment } from './lib/tasks';
import { visitCustomer } from './lib/visit';
import { refundOrder } from './refund';

type Attempt = Decision<typeof cancellationForms.retentionAttempt>;
type Retained = Extract<Attempt, { outcome: 'retained' }>;

export async function cancellationOrder(start: CaseStart<CancellationInput>): Promise<CaseSnapshot> {
  const order = new Case<CancellationStage>(start);
  const request = start.fields;
  const billed = { caseId: order.id, customerId: start.customerId, serviceId: request.serviceId };
  const attempts: Array<Record<string, unknown>> = [];
  const delays: Array<Record<string, unknown>> = [];

  return order.run(async () => {
    const [account, service] = await Promise.all([systems.accountFacts(start.customerId), systems.serviceFacts(request.serviceId)]);
    const refused = cancellationGate(start.customerId, account, service, new Date());
    if (refused) return order.reject(refused.reason, refused.detail);

    // Both clocks count from the moment the form was filled (seed 002 L390); a breach must be explained before the order closes.
    const contact = await order.clock('cancellation.contact', { startedAt: start.createdAt, onBreach: explainDelay('cancellation.contact') });
    await order.clock('cancellation.complete', { startedAt: start.createdAt, onBreach: explainDelay('cancellation.complete') });

    const policy = await records.readPolicy<RetentionOfferPolicy>('cancellation.retention_offers');
    const offers = eligibleOffers(policy, { ...account, monthlyRentFen: service.monthlyRentFen });
    const context = {
      serviceId: service.id,
      serviceKind: service.kind,
      address: service.address,
      reasonCode: request.reasonCode,
      reasonText: request.reasonText,
      channel: request.channel,
      customerType: account.customerType,
      tier: account.tier,
      offers,
    };

    // 1. Counter retention, by the clerk who filled the form (seed 002 L395).
    await order.stage('counter_retention', { data: { offers } });
    const clerk = counterClerk(start.createdBy);
    const counter = await attempt(1, { role: 'frontoffice', ...(clerk ? { assignee: clerk } : {}) });
    if (counter.outcome === 'retained') return retain(counter, 1);

    // 2. The grid supervisor sends the order to a customer manager; a tier-A group goes to the chief group customer manager (seed 004 L68).
    const second = secondAttemptBy(account);
    let manager: string | undefined;
    if (second.assignedBySupervisor) {
      await order.stage('dispatch_retention');
      const dispatch = await order.tasks.ask(cancellationForms.dispatchRetention, { role: 'supervisor', data: { ...context, counterReason: counter.data.reason } });
      manager = dispatch.data.customerManagerId;
    } else {
      await order.notify.staff('chief_manager', 'supervisor', 'retention_by_chief_manager', { serviceId: service.id, tier: account.tier });
    }

    // 3-4. The second attempt; an order not retained goes back to the supervisor, who may send it round again.
    let analysis: string;
    let instructions: string | undefined;
    for (;;) {
      await order.stage('manager_retention', { data: { secondAttempt: { role: second.role, assignee: manager ?? null } } });
      const managed = await attempt(2, { role: second.role, ...(manager ? { assignee: manager } : {}) }, instructions ? { instructions } : {});
      // The customer has been reached (seed 002 L390: within four hours of the form).
      await contact.stop();
      if (managed.outcome === 'retained') return retain(managed, 2);
      analysis = managed.data.reason;
      await order.stage('verify_return', { data: { analysis } });
      const verdict = await order.tasks.ask(cancellationForms.verifyReturn, { role: 'supervisor', data: { ...context, analysis } });
      if (verdict.outcome === 'confirmed') break;
      instructions = verdict.data.instructions;
    }

    // 5. Settle the account: final bill, the balance back through a refund case, points if asked (seed 000 L241-243).
    await order.stage('settlement');
    const bill = await systems.finalBill({ ...billed, idempotencyKey: order.key('final_bill'), description: `final bill of service ${service.id}` });
    order.onCancel(() => reverse('final_bill', 'the customer stays: the account is reopened'));
    await order.record({ finalBill: { entryId: bill.entryId, balanceFen: bill.balanceFen, refundableFen: bill.refundableFen } }, { kind: 'final_bill' });
    if (bill.refundableFen > 0) {
      await order.stage('balance_refund');
      const refund = await order.startCase(refundOrder, 'refund', balanceRefund(service.id, bill.refundableFen, bill.entryId));
      const settled = await refund.result();
      // The refund follows its own approval; a denied one does not hold the cancellation up, it stands on the case.
      await order.record(
        { balanceRefund: { caseId: refund.id, amountFen: bill.refundableFen, outcome: settled.outcome, reason: settled.stateReason } },
        { kind: 'balance_refund_settled', detail: { caseId: refund.id, outcome: settled.outcome } },
      );
      // Paid out, the balance leaves the account: it stays so even if the customer then stays (the refund stands).
      if (settled.outcome === 'refunded') {
        await systems.chargeAccount({ ...billed, idempotencyKey: order.key('balance_paid_out'), amountFen: bill.refundableFen, description: `balance refunded by ${refund.id}` });
      }
    }
    if (request.redeemPoints) {
      const redeemed = await systems.redeemPoints({ ...billed, idempotencyKey: order.key('points'), description: 'points redeemed on cancellation' });
      order.onCancel(() => reverse('points', 'the customer stays: the points are given back'));
      await order.record({ pointsRedeemed: redeemed.points }, { kind: 'points_redeemed' });
    }

    // 6. Take the equipment back, dismantle, terminate, file the customer for win-back (seed 002 L396-398).
    await order.stage('equipment_recovery');
    const equipment = await order.tasks.ask(cancellationForms.recoverEquipment, { role: 'frontoffice', data: context });
    await order.record({ equipment: { outcome: equipment.outcome, ...equipment.data } }, { kind: 'equipment_recovery', actor: equipment.actor.sub });
    if (equipment.outcome === 'recovered') {
      order.onCancel(() => order.notify.staff('equipment_return', 'frontoffice', 'return_equipment', { serviceId: service.id, items: equipment.data.items }));
    }

    const visit = await visitCustomer(order, {
      booking: { form: appointmentForm, role: 'technician' },
      visit: cancellationForms.dismantle,
      failure: { form: cancellationForms.dismantleFailure, role: 'supervisor' },
      stages: { booking: 'awaiting_appointment', visit: 'dismantle', held: 'dismantle_hold' },
      data: { serviceId: service.id, serviceKind: service.kind, address: service.address },
    });
    if (visit.outcome === 'abandoned') return order.cancel(visit.reason);

    order.pointOfNoReturn();
    // The signature's reference is kept, not the name signed: the case's data travels to other systems.
    await order.stage('termination', { data: { dismantled: { by: visit.actor.sub, at: visit.at, signatureReference: visit.data.signature.reference } } });
    await systems.updateService(service.id, { status: 'terminated' });
    await systems.releaseServicePorts(service.id);
    await records.fileChurn({
      caseId: order.id,
      customerId: start.customerId,
      serviceId: service.id,
      serviceKind: service.kind,
      region: service.region,
      customerType: account.customerType,
      tier: account.tier,
      reasonCode: request.reasonCode,
      reasonText: request.reasonText,
      analysis,
      monthlyRevenueFen: account.monthlyRevenueFen,
      offersDeclined: offers.map((o) => o.code),
      churnedAt: order.now(),
    });

    // 7. Tell the customer.
    await close('dismantled', { data: { terminated: true } });
    await order.notify.customer('result', 'cancellation_dismantled', { serviceId: service.id });

    /** A retention attempt; accepting an offer the task does not list is refused (422). */
    async function attempt(level: 1 | 2, who: Pick<TaskAssignment, 'role' | 'assignee'>, extra: Record<string, unknown> = {}): Promise<Attempt> {
      const decision = await order.tasks.ask(cancellationForms.retentionAttempt, {
        ...who,
        data: { ...context, level, ...extra },
        check: ({ outcome, data }) => (outcome === 'retained' ? acceptanceProblem(offers, data as unknown as OfferAcceptance) : undefined),
      });
      attempts.push({ level, outcome: decision.outcome, by: decision.actor.sub, at: decision.at, ...decision.data });
      await order.record({ retentionAttempts: attempts }, { kind: 'retention_attempted', actor: decision.actor.sub, detail: { level, outcome: decision.outcome } });
      return decision;
    }

    /** The customer stays: the offer is applied once and the customer told to renew (seed 002 L397). */
    async function retain(decision: Retained, level: 1 | 2): Promise<void> {
      const { terms, monthlyValueFen } = acceptedOffer(offers, decision.data);
      order.pointOfNoReturn();
      await systems.applyOffer({ ...billed, idempotencyKey: order.key('offer'), amountFen: monthlyValueFen, description: `retention offer ${terms.code}`, detail: { ...terms, level } });
      await close('retained', { actor: decision.actor.sub, data: { retention: { level, offer: terms, monthlyValueFen } } });
      await order.notify.customer('retained', 'retention_renew', { offer: terms.code, commitmentMonths: terms.commitmentMonths });
    }
  });

  /** On breach, the order must carry why (seed 002 L390): the supervisor explains, before the order may close. */
  function explainDelay(clock: string) {
    return async () => {
      const explained = await order.tasks.ask(cancellationForms.explainDelay, {
        role: 'supervisor',
        data: { clock, serviceId: request.serviceId, filedAt: start.createdAt },
      });
      delays.push({ clock, side: explained.outcome, explanation: explained.data.explanation, by: explained.actor.sub });
      await order.record({ delays }, { kind: 'delay_explained', actor: explained.actor.sub, detail: { clock, side: explained.outcome } });
    };
  }

  /** Closes the order once every breach is explained. */
  async function close(outcome: string, change: Change): Promise<void> {
    await order.clockActionsDone();
    await order.complete(outcome, change);
  }

  /** Undoes a billing step of a cancellation the customer withdrew. */
  async function reverse(step: string, description: string): Promise<void> {
    await systems.reverseEntry({ ...billed, idempotencyKey: order.key(`reverse_${step}`), entryKey: order.key(step), description });
  }
}
