/** Recorded complaint paths (npm run record-histories -- complaint). */
import { clerk, complaintSteps, fileComplaint } from '../../support/complaints';
import { decide, openTask, staff } from '../../support/cases';
import type { Scenario } from './scenario';

export const complaintScenarios: Record<string, Scenario> = {
  /** A hand-off to a department, an answer the customer rejects, the supervisor's level, the owner's reply, accepted. */
  async 'complaint-escalated-and-accepted'(client, db, taskQueue) {
    const steps = complaintSteps(client, db);
    const { id } = await fileComplaint(client, db, taskQueue);
    await steps.act(id, 'resolve_complaint', clerk, 'hand_off', { department: 'settlement', request: 'check the billing run' });
    await decide(client, id, (await openTask(db, id, 'complaint_handoff')).id, { ...staff('sup-s', 'supervisor'), dept: 'settlement' }, 'returned', {
      findings: 'the run was repeated',
    });
    await steps.resolve(id);
    await steps.reject(id);
    await steps.answerLevel(id, 'supervisor');
    await steps.resolve(id, 'refunded and apologised');
    await steps.accept(id);
    return id;
  },
};
