/**
 * Relocation (移机), processes.md §2: gates → a port at the new address →
 * appointment → visit (dismantle, move, install) → the service moves, keeping
 * its number or taking a new one → callback survey (seed 000 L228-L229).
 */
import { relocatedService, relocationGate } from '../src/domain/relocation';
import { relocationForms, type RelocationInput, type RelocationStage } from '../src/processes/relocation';
import { systems } from './lib/activities';
import { callbackSurvey } from './lib/callback';
import { Case } from './lib/case';
import type { CaseSnapshot, CaseStart } from './lib/messages';
import { expediteOverdueOrder } from './lib/overdue';
import { workAtPremises } from './lib/premises';

export async function relocationOrder(start: CaseStart<RelocationInput>): Promise<CaseSnapshot> {
  const order = new Case<RelocationStage>(start);
  const move = start.fields;
  const { newAddress, keepNumber } = move;
  const accessType = move.accessType ?? 'ftth';

  return order.run(async () => {
    const account = await systems.accountFacts(start.customerId);
    const service = await systems.serviceFacts(move.serviceId);
    const refused = relocationGate(move, account, service);
    if (refused) return order.reject(refused.reason, refused.detail);
    /** What the planner, the technician and the caller need to know (never a phone number). */
    const site = { serviceId: service.id, product: service.kind, accessType, previousAddress: service.address, newAddress, keepNumber };
    const wholeOrder = await order.clock(`relocation.complete.${newAddress.region}`, { onBreach: () => expediteOverdueOrder(order, site) });

    // A port at the new address (a planner while none is free); the technician dismantles, moves and installs.
    const visit = await workAtPremises(order, {
      address: newAddress.text,
      accessType,
      waitKey: 'relocation.resource_wait',
      contactKey: 'relocation.contact',
      visit: relocationForms.visit,
      failure: relocationForms.technicalFailure,
      data: site,
    });
    if (visit.outcome === 'given_up') return order.cancel(visit.reason);

    // The line has moved: the service address changes only now, and the order can no longer be cancelled.
    order.pointOfNoReturn();
    await order.stage('relocation', { data: { relocationVisit: { slot: visit.slot, signedBy: visit.data.signature.signerName, checklist: visit.data.checklist } } });
    await systems.usePort(order.key('port'), service.id);
    // The port at the old address is free for the next customer there.
    await systems.releaseServicePorts(service.id, order.key('port'));
    const newNumber = keepNumber ? undefined : (await systems.assignNumber({ idempotencyKey: order.key('number'), caseId: order.id })).number;
    const moved = await systems.updateService(service.id, relocatedService(move, newNumber));
    await wholeOrder.stop();
    await order.record(
      { previousAddress: service.address, service: { id: moved.id, number: moved.number, numberChangeBlocked: moved.numberChangeBlocked } },
      { kind: 'service_relocated', detail: { keepNumber } },
    );
    await order.notify.customer('relocated', 'service_relocated', { number: moved.number });

    await order.stage('callback');
    const survey = await callbackSurvey(order, { role: 'agent', slaKey: 'relocation.callback', data: { ...site, lineNumber: moved.number } });
    await order.complete(survey.outcome === 'surveyed' ? 'relocated' : 'survey_missed');
  });
}
