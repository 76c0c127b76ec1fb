/**
 * Fault repair (障碍申告/修障), processes.md §6: remote diagnosis →
 * appointment → visit → confirm the restoration with the customer →
 * callback. Repaired within 48 hours in towns and 72 in the countryside from
 * the report, or the customer is told and the rent of the fault period is
 * credited, unless their own equipment was at fault (seed 001 L242-244).
 * Started directly (the hotline) or as a complaint's child case.
 */
import type { ServiceFacts } from '../src/adapters/bss';
import { formatYuan } from '../src/domain/refund';
import { faultRepairGate, rentCredit, rentCreditDue, repairClockKey, type FaultCause } from '../src/domain/fault-repair';
import { faultRepairForms, type FaultRepairInput, type FaultRepairStage } from '../src/processes/fault-repair';
import { records, systems } from './lib/activities';
import { Case } from './lib/case';
import type { Clock } from './lib/clocks';
import type { CaseSnapshot, CaseStart } from './lib/messages';
import { callbackSurvey } from './lib/callback';
import { visitCustomer } from './lib/visit';

/** How the service came back: remotely or at a visit, when, and who said so. */
interface Restoration {
  by: 'remote' | 'visit';
  at: string;
  actor: string;
}

export async function faultRepairOrder(start: CaseStart<FaultRepairInput>): Promise<CaseSnapshot> {
  const order = new Case<FaultRepairStage>(start);
  const report = start.fields;
  const reportedAt = report.reportedAt ?? start.createdAt;

  return order.run(async () => {
    const service = await systems.serviceFacts(report.serviceId);
    const refused = faultRepairGate(service, start.customerId);
    if (refused) return order.reject(refused.reason, refused.detail);
    const fault = { serviceId: service.id, service: service.kind, address: service.address, region: service.region, symptom: report.symptom, reportedAt };

    // The promise runs from the report: at jeopardy the supervisor is told, on breach the customer (seed 001 L242).
    const promise = await order.clock(repairClockKey(service.region), {
      startedAt: reportedAt,
      onJeopardy: () => order.notify.staff('repair_jeopardy', 'supervisor', 'fault_repair_in_jeopardy', { serviceId: service.id, reportedAt }),
      onBreach: () => order.notify.customer('repair_overdue', 'fault_repair_overdue', { reportedAt }),
    });

    // 1. Remote diagnosis: the network's test, or a technician's when it cannot decide.
    await order.stage('remote_diagnosis', { data: { region: service.region, reportedAt } });
    let restoration = await diagnoseRemotely(fault);

    for (;;) {
      // 2. Appointment and visit, until the service is restored.
      if (!restoration) {
        const visit = await visitCustomer(order, {
          booking: { form: faultRepairForms.appointment, role: 'technician' },
          visit: faultRepairForms.visit,
          failure: { form: faultRepairForms.escalation, role: 'supervisor' },
          stages: { booking: 'awaiting_appointment', visit: 'visit', held: 'escalated' },
          data: fault,
        });
        if (visit.outcome === 'abandoned') {
          await settlePromise(promise, service, 'network', order.now());
          return order.cancel(visit.reason);
        }
        if (visit.outcome === 'customer_equipment_fault') {
          // The network was not at fault: the promise does not apply, and no rent is credited (seed 001 L244).
          await settlePromise(promise, service, 'customer_equipment', visit.at);
          await order.record({ customerEquipment: visit.data }, { kind: 'customer_equipment_found', actor: visit.actor.sub });
          await order.notify.customer('customer_equipment', 'fault_customer_equipment', { equipment: visit.data.equipment });
          await callback(fault);
          return order.complete('customer_equipment_fault');
        }
        restoration = { by: 'visit', at: visit.at, actor: visit.actor.sub };
      }
      await order.record({ restoration }, { kind: 'service_restored', actor: restoration.actor, detail: { ...restoration } });

      // 3. The customer confirms; meanwhile the promise waits on them (restored is restored).
      await order.awaitCustomer('confirming_restoration');
      const confirmation = await order.tasks.ask(faultRepairForms.confirmRestoration, { role: 'agent', data: { ...fault, restoration } });
      if (confirmation.outcome === 'confirmed') break;
      // Still faulty: the service was never back, so the wait for this answer counts against the promise.
      order.clocks.countWait();
      await order.record({ restoration: null }, { kind: 'restoration_disputed', actor: confirmation.actor.sub, detail: { symptom: confirmation.data.symptom } });
      restoration = undefined;
    }

    // 4. Restored: the promise is settled, a late repair credits the rent of the fault period once.
    order.pointOfNoReturn();
    await settlePromise(promise, service, 'network', restoration.at);
    await callback(fault);
    await order.complete('restored');
  });

  /** The network's remote test; when it cannot decide, a technician tests the line. Cleared: the service is restored. */
  async function diagnoseRemotely(fault: Record<string, unknown>): Promise<Restoration | undefined> {
    const test = await systems.diagnoseLine(report.serviceId);
    if (test.result !== 'undetermined') {
      await order.record({ diagnosis: { by: 'network', ...test } }, { kind: 'remote_diagnosis', detail: { by: 'network', result: test.result } });
      return test.result === 'cleared' ? { by: 'remote', at: order.now(), actor: 'network' } : undefined;
    }
    const decision = await order.tasks.ask(faultRepairForms.remoteDiagnosis, { role: 'technician', data: { ...fault, lineTest: test } });
    await order.record(
      { diagnosis: { by: decision.actor.sub, result: decision.outcome, finding: decision.data.finding } },
      { kind: 'remote_diagnosis', actor: decision.actor.sub, detail: { by: 'technician', result: decision.outcome } },
    );
    return decision.outcome === 'cleared' ? { by: 'remote', at: decision.at, actor: decision.actor.sub } : undefined;
  }

  /**
   * Settles the promise once the fault period is known: a late repair credits
   * the rent of the whole period to the account through billing, once
   * (keyed on the case and the step); the credit, its amount and its days go
   * on the order and its timeline (src/domain/fault-repair.ts).
   */
  async function settlePromise(promise: Clock, service: ServiceFacts, cause: FaultCause, restoredAt: string): Promise<void> {
    await promise.stop();
    if (!rentCreditDue({ cause, restoredAt, dueAt: promise.dueAt })) return;
    const monthlyRentFen = service.monthlyRentFen ?? (await records.readPolicy<number>('fault_repair.default_monthly_rent_fen'));
    const credit = rentCredit(monthlyRentFen, { reportedAt, restoredAt });
    if (!credit) return;
    const receipt = await systems.creditAccount({
      idempotencyKey: order.key('rent_credit'),
      caseId: order.id,
      customerId: start.customerId,
      serviceId: service.id,
      amountFen: credit.amountFen,
      description: 'Rent of the fault period 障碍期间月租',
      detail: { days: credit.days, from: credit.from, to: credit.to },
    });
    const rentSource = service.monthlyRentFen === null ? 'policy' : 'bss';
    await order.record({ rentCredit: { ...credit, rentSource, entryId: receipt.entryId } }, { kind: 'rent_credited', detail: { amountFen: credit.amountFen, days: credit.days, entryId: receipt.entryId } });
    await order.notify.customer('rent_credited', 'fault_rent_credited', { amountYuan: formatYuan(credit.amountFen), days: credit.days });
  }

  /** The callback (回访): the agent asks how the repair went, as after every visit; missed, it does not hold the order open. */
  async function callback(fault: Record<string, unknown>): Promise<void> {
    await order.stage('callback');
    await callbackSurvey(order, { role: 'agent', slaKey: 'fault_repair.callback', data: fault });
  }
}
