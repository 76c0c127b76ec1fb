import type { TObject } from 'typebox';
import type { AccessType } from '../../src/domain/inventory';
import { planResourceForm } from '../../src/processes/resources';
import { appointmentForm, type VisitFailureForm, type VisitForm } from '../../src/processes/visits';
import { systems } from './activities';
import type { CaseContext } from './context';
import { reserveResource, type ResourceHost } from './resources';
import { visitCustomer, type VisitHost, type VisitResult } from './visit';

/** The stages of work at the customer's premises. */
export type PremisesStage = 'awaiting_resource' | 'awaiting_appointment' | 'visit' | 'technical_hold';

type PremisesHost = VisitHost<PremisesStage> & ResourceHost<PremisesStage> & Pick<CaseContext, 'id' | 'key'>;

export interface PremisesWork<Done extends Record<string, TObject>> {
  /** Where the line is to work, and how it reaches the premises. */
  address: string;
  accessType: AccessType;
  /** How long the customer may wait for a port (`new_install.resource_wait`). */
  waitKey: string;
  /** Within what the customer is contacted to book the visit (`new_install.contact`). */
  contactKey: string;
  visit: VisitForm<Done, 'technical_failure'>;
  failure: VisitFailureForm;
  /** What the planner and the technician need to know (never a phone number). */
  data: Record<string, unknown>;
}

/** The work was done, or the order is given up (no port, or a supervisor abandoned it after a failed visit). */
export type PremisesResult<Done extends Record<string, TObject>> =
  | Exclude<VisitResult<Done, 'technical_failure'>, { outcome: 'abandoned' }>
  | { outcome: 'given_up'; reason: string };

/**
 * A technician's work at the customer's premises (new install, relocation;
 * processes.md §1 steps 1–3): a port at the address for the access type —
 * none free, the order waits for a planner until the wait runs out — held
 * under `key('port')` and released should the order not complete; then the
 * appointment and the visit.
 */
export async function workAtPremises<Done extends Record<string, TObject>>(order: PremisesHost, work: PremisesWork<Done>): Promise<PremisesResult<Done>> {
  const port = await reserveResource(order, {
    reserve: () => systems.reservePort({ idempotencyKey: order.key('port'), caseId: order.id, address: work.address, accessType: work.accessType }),
    planner: { form: planResourceForm, role: 'supervisor' },
    waitKey: work.waitKey,
    stage: 'awaiting_resource',
    data: work.data,
  });
  if (port.outcome === 'no_resource') return { outcome: 'given_up', reason: 'no_resource' };
  if (port.outcome === 'wait_expired') return { outcome: 'given_up', reason: 'resource_wait_expired' };
  order.onCancel(() => systems.releasePort(order.key('port')));
  await order.record({ port: port.reservation }, { kind: 'port_reserved' });

  const visit = await visitCustomer(order, {
    booking: { form: appointmentForm, role: 'technician', slaKey: work.contactKey },
    visit: work.visit,
    failure: { form: work.failure, role: 'supervisor' },
    stages: { booking: 'awaiting_appointment', visit: 'visit', held: 'technical_hold' },
    data: work.data,
  });
  // The outcomes that finish a visit are the process's own (generic), so TypeScript cannot narrow on `abandoned`.
  if (visit.outcome === 'abandoned') return { outcome: 'given_up', reason: (visit as { reason: string }).reason };
  return visit as PremisesResult<Done>;
}
