import { Type } from 'typebox';

export const OverviewReport = Type.Object({
  day: Type.String({ description: 'Today in the operator\'s zone, yyyy-mm-dd' }),
  month: Type.String({ description: 'This month in the operator\'s zone, yyyy-mm' }),
  cases: Type.Array(
    Type.Object({ kind: Type.String({ description: 'order | complaint' }), type: Type.String(), state: Type.String(), count: Type.Integer() }),
    { description: 'Cases by kind, type and state' },
  ),
  openBreached: Type.Integer({ description: 'Unfinished cases with at least one breached SLA clock' }),
  today: Type.Object({
    jeopardies: Type.Integer({ description: 'SLA clocks that reached jeopardy today' }),
    breaches: Type.Integer({ description: 'SLA clocks breached today' }),
    events: Type.Array(
      Type.Object({
        caseId: Type.String(),
        caseKind: Type.String(),
        caseType: Type.String(),
        mark: Type.Enum(['jeopardy', 'breached']),
        policyKey: Type.String(),
        at: Type.String(),
      }),
      { description: 'The latest of today\'s SLA events (at most 50), newest first' },
    ),
  }),
  refundsByCause: Type.Array(
    Type.Object({ cause: Type.String(), count: Type.Integer(), amountFen: Type.Integer() }),
    { description: 'Refunds paid this month by cause (integer fen)' },
  ),
});
