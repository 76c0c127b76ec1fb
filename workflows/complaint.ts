/**
 * Complaint with first-responder responsibility (首问负责制), processes.md §7
 * (seed 001 L284-302, seed 002 L113-140): whoever takes the complaint owns
 * it until it is closed. Departments, a fault repair and the escalation
 * levels help; the owner alone answers the customer and asks whether the
 * answer settles it. Nobody can take the owner's tasks over.
 */
import {
  assessSeverity,
  canStartRepair,
  complaintOwner,
  ESCALATION_CHAIN,
  repeatWindowStart,
  replyClockKey,
  type ComplaintOwner,
} from '../src/domain/complaint';
import { complaintForms, type Answer, type ComplaintInput, type ComplaintStage } from '../src/processes/complaint';
import { records, systems } from './lib/activities';
import { Case } from './lib/case';
import type { Clock } from './lib/clocks';
import type { CaseSnapshot, CaseStart } from './lib/messages';
import type { Decision, TaskAssignment } from './lib/tasks';
import { faultRepairOrder } from './fault-repair';

type ResolveForm = ReturnType<typeof complaintForms.resolve>;
type Resolved = Extract<Decision<ResolveForm>, { outcome: 'resolved' }>;
/** An answer the owner gave, and how the customer took it. */
/** An answer as given; one given on the spot may lack the root cause and improvement (the contract's `resolvedOnSpot: { answer }`). */
type GivenAnswer = Pick<Answer, 'answer'> & Partial<Answer> & { level: number; by: string; at: string; acceptance?: string };
/** What the owner learnt from a department or a repair, shown on their next task. */
type Finding = Record<string, unknown>;

export async function complaintCase(start: CaseStart<ComplaintInput>): Promise<CaseSnapshot> {
  const complaint = new Case<ComplaintStage>(start);
  const input = start.fields;
  const canRepair = canStartRepair(input.subject, input.serviceId);
  const context = {
    channel: input.channel,
    category: input.category,
    subject: input.subject,
    description: input.description,
    flags: input.flags ?? [],
    ...(input.serviceId ? { serviceId: input.serviceId } : {}),
    ...(input.orderId ? { orderId: input.orderId } : {}),
  };
  const answers: GivenAnswer[] = [];
  let owner: ComplaintOwner;

  return complaint.run(async () => {
    // The first responder owns the complaint until it is closed (seed 001 L284).
    const taker = complaintOwner(start.createdBy, input.firstResponder);
    if (typeof taker === 'string') return complaint.reject('no_owner', taker);
    owner = taker;

    // Severity from the flags and the tier; a repeat within the window is raised one step.
    const [account, window] = await Promise.all([systems.accountFacts(start.customerId), records.readPolicy<string>('complaint.repeat_window')]);
    const earlier = await records.earlierComplaints({
      caseId: complaint.id,
      customerId: start.customerId,
      subject: input.subject,
      since: repeatWindowStart(start.createdAt, window),
      before: start.createdAt,
    });
    const assessment = assessSeverity(input.flags ?? [], account.tier, earlier.length > 0);
    const facts = { owner: owner.id, ownerRole: owner.role, ...assessment, repeatOf: earlier, escalationLevel: 0 };

    // 1. Resolved on the spot: recorded, accepted by the customer at the counter, closed.
    if (input.resolvedOnSpot) {
      const answer: GivenAnswer = { ...input.resolvedOnSpot, level: 0, by: owner.id, at: start.createdAt, acceptance: 'accepted_at_counter' };
      return close('resolved_on_spot', { ...facts, answers: [answer], resolution: answer });
    }

    // 2. The reply deadline, told to the customer as the complaint is accepted; the owner works on it.
    const reply = await complaint.clock(replyClockKey(assessment.severity));
    await complaint.stage('investigating', { data: { ...facts, replyDueAt: reply.dueAt } });
    complaint.intakeDone();
    await complaint.notify.customer('accepted', 'complaint_accepted', { severity: assessment.severity, replyDueAt: reply.dueAt });
    let resolution = await ownerResolution({ dueBy: reply });
    await reply.stop();

    // 3-4. The customer accepts the answer, or it escalates level by level; every level's answer returns through the owner.
    let level = 0;
    let why = 'reply_overdue';
    for (;;) {
      if (resolution !== 'overdue') {
        const verdict = await askAcceptance(resolution, level);
        if (verdict.outcome === 'accepted') return close('accepted', { resolution: answers.at(-1) });
        if (verdict.outcome === 'no_answer') return close('acceptance_timed_out', { resolution: answers.at(-1) });
        // The higher authority's answer was the last word the operator has.
        if (level === ESCALATION_CHAIN.length) return close('rejected_at_top', { resolution: answers.at(-1) });
        why = 'answer_rejected';
      }
      const escalated = await complaint.escalate(
        ESCALATION_CHAIN.slice(level),
        complaintForms.escalation,
        { slaKey: 'complaint.escalation', data: { ...context, owner: owner.id, why, answers } },
        async (role) => {
          level = ESCALATION_CHAIN.indexOf(role as (typeof ESCALATION_CHAIN)[number]) + 1;
          await complaint.stage('escalated', { data: { escalationLevel: level }, detail: { level, role, why } });
          await complaint.notify.customer(`escalated:${level}`, 'complaint_escalated', { level, role });
        },
      );
      resolution = await ownerResolution({ escalation: { level, role: escalated.role, answer: escalated.data.answer, by: escalated.actor.sub } });
    }
  });

  /** A task only the owner may act on. */
  function owned(spec: Omit<TaskAssignment, 'role' | 'owner'>): TaskAssignment {
    return { ...spec, role: owner.role, owner: owner.id };
  }

  /**
   * The owner's work until they answer: hand-offs to departments and a fault
   * repair come back to them with what was found. With `dueBy` (the reply
   * deadline), an open step that runs past it is withdrawn: `overdue`.
   */
  async function ownerResolution(round: { dueBy?: Clock; escalation?: Record<string, unknown> }): Promise<Resolved | 'overdue'> {
    const findings: Finding[] = [];
    for (;;) {
      await complaint.stage('investigating');
      const task = await complaint.tasks.open(
        complaintForms.resolve(canRepair),
        owned({ ...(round.dueBy ? { dueBy: round.dueBy } : {}), data: { ...context, answers, findings, ...(round.escalation ? { escalation: round.escalation } : {}) } }),
      );
      const decision = await task.decidedOrOverdue();
      if (decision === 'overdue') {
        await task.withdraw('escalated');
        return 'overdue';
      }
      if (decision.outcome === 'resolved') return decision;
      const found = decision.outcome === 'hand_off' ? await handOff(decision.data, round.dueBy) : await repair(decision.data.symptom);
      if (found === 'overdue') return 'overdue';
      findings.push(found);
    }
  }

  /** Work handed to a department (never the case): its findings return to the owner. */
  async function handOff({ department, request }: { department: string; request: string }, dueBy?: Clock): Promise<Finding | 'overdue'> {
    await complaint.stage('handed_off', { detail: { department } });
    const task = await complaint.tasks.open(complaintForms.handOff, {
      role: 'supervisor',
      department,
      ...(dueBy ? { dueBy } : {}),
      data: { ...context, owner: owner.id, request },
    });
    const returned = await task.decidedOrOverdue();
    if (returned === 'overdue') {
      await task.withdraw('escalated');
      return 'overdue';
    }
    const finding = { department, request, findings: returned.data.findings, by: returned.actor.sub, at: returned.at };
    await complaint.record({ lastHandOff: finding }, { kind: 'handoff_returned', actor: returned.actor.sub, detail: { department } });
    return finding;
  }

  /** A network-quality complaint starts a fault repair and continues when it finishes (the repair keeps its own promise). */
  async function repair(symptom: string): Promise<Finding> {
    await complaint.stage('awaiting_repair');
    const child = await complaint.startCase(faultRepairOrder, 'fault_repair', { serviceId: input.serviceId!, symptom, reportedAt: start.createdAt });
    const result = await child.result();
    const finding = { repair: { caseId: child.id, state: result.state, outcome: result.outcome, reason: result.stateReason } };
    await complaint.record(finding, { kind: 'repair_finished', detail: finding.repair });
    return finding;
  }

  /** The owner's answer goes to the customer, who accepts it, rejects it, or does not answer within `complaint.acceptance_wait`. */
  async function askAcceptance(resolved: Resolved, level: number) {
    const answer: GivenAnswer = { ...resolved.data, level, by: resolved.actor.sub, at: resolved.at };
    answers.push(answer);
    await complaint.resolve('customer_acceptance', { actor: resolved.actor.sub, data: { resolution: answer, answers } });
    await complaint.notify.customer(`answer:${answers.length}`, 'complaint_answered', { answer: answer.answer, level });
    const task = await complaint.tasks.open(complaintForms.acceptance, owned({ slaKey: 'complaint.acceptance_wait', data: { ...context, answer: answer.answer, level } }));
    const verdict = await task.decidedOrOverdue();
    if (verdict === 'overdue') await task.withdraw('cancelled');
    answer.acceptance = verdict === 'overdue' ? 'no_answer' : verdict.outcome;
    const rejection = verdict !== 'overdue' && verdict.outcome === 'rejected' ? verdict.data.reason : undefined;
    await complaint.record(
      { answers, ...(rejection ? { lastRejection: rejection } : {}) },
      { kind: 'customer_answered', actor: verdict === 'overdue' ? 'switchboard' : verdict.actor.sub, detail: { acceptance: answer.acceptance, level } },
    );
    return { outcome: answer.acceptance };
  }

  /** Closed with the root cause and the improvement on record (the answer forms require both); the customer is told. */
  async function close(outcome: string, data: Record<string, unknown>): Promise<void> {
    await complaint.close(outcome, { data });
    await complaint.notify.customer('closed', 'complaint_closed', { outcome });
  }
}
