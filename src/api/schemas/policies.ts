import { Type } from 'typebox';

export const SlaPolicyView = Type.Object({
  key: Type.String(),
  duration: Type.String({ description: 'ISO 8601 duration (PT4H, P2D, PT2S)' }),
  calendar: Type.String({ description: 'continuous | working' }),
  jeopardyRatio: Type.Number(),
});
export const SlaPolicyList = Type.Array(SlaPolicyView);

export const SlaKeyParams = Type.Object({ key: Type.String({ pattern: '^[a-z0-9_.]{1,100}$' }) });

export const SlaPolicyInput = Type.Object(
  {
    duration: Type.String({ minLength: 1, maxLength: 64, description: 'ISO 8601 duration; years and months are refused' }),
    calendar: Type.Optional(Type.Enum(['continuous', 'working'])),
    jeopardyRatio: Type.Optional(Type.Number({ description: 'Strictly between 0 and 1' })),
  },
  { additionalProperties: false },
);

export const ApprovalLevel = Type.Object(
  {
    belowFen: Type.Optional(Type.Integer({ description: 'Applies when the month-to-date total is below this (fen); absent on the last level' })),
    role: Type.String({ minLength: 1, maxLength: 64, description: 'supervisor | branch_leader | general_manager' }),
  },
  { additionalProperties: false },
);
export const RefundApprovalPolicy = Type.Object(
  { levels: Type.Array(ApprovalLevel, { minItems: 1, maxItems: 10 }) },
  { additionalProperties: false },
);

export const DayParams = Type.Object({ day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'yyyy-mm-dd' }) });
export const CalendarDayInput = Type.Object(
  { working: Type.Boolean(), note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])) },
  { additionalProperties: false },
);
export const CalendarDayView = Type.Object({
  day: Type.String(),
  working: Type.Boolean(),
  note: Type.Union([Type.String(), Type.Null()]),
  override: Type.Boolean({ description: 'false: the weekday rule (Mon–Fri working) applies' }),
});
