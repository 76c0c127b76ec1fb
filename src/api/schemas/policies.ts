import { Type, type TSchema } from 'typebox';
import { TIERS } from '../../domain/account';
import { Day } from './common';

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

export const DayParams = Type.Object({ day: Day });
/** At most a year and a day: a month view asks for six weeks. */
export const MAX_CALENDAR_RANGE_DAYS = 367;
export const CalendarRangeQuery = Type.Object(
  { from: Day, to: Type.String({ ...Day, description: `yyyy-mm-dd, inclusive; at most ${MAX_CALENDAR_RANGE_DAYS} days from \`from\`` }) },
  { additionalProperties: false },
);
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
export const CalendarDayList = Type.Array(CalendarDayView, { description: 'Every day of the range, in order' });

/** A value for some tiers; a tier left out is not offered the offer. */
const byTier = (value: TSchema, description: string) =>
  Type.Object(Object.fromEntries(TIERS.map((tier) => [tier, Type.Optional(value)])), { additionalProperties: false, description });
const Months = (description: string) => Type.Integer({ minimum: 1, maximum: 120, description });

export const RetentionOfferPolicy = Type.Object(
  {
    offers: Type.Array(
      Type.Union([
        Type.Object(
          {
            code: Type.Literal('loyalty_credit'),
            minMonthlyRevenueFen: Type.Integer({ minimum: 0, maximum: 1e12, description: 'Least monthly revenue (fen) to qualify' }),
            arrearsFreeMonths: Type.Integer({ minimum: 0, maximum: 120, description: 'Months without arrears needed' }),
            commitmentMonths: Months('Months the customer commits to stay'),
            maxCreditPercent: Type.Integer({ minimum: 1, maximum: 100, description: 'Monthly credit cap, percent of the monthly revenue' }),
          },
          { additionalProperties: false, title: 'loyalty_credit (在网有礼)' },
        ),
        Type.Object(
          {
            code: Type.Literal('fee_discount'),
            commitmentMonths: Months('Months the customer commits to stay'),
            percentByTier: byTier(Type.Integer({ minimum: 1, maximum: 100 }), 'Discount on the monthly fee, percent, by tier'),
          },
          { additionalProperties: false, title: 'fee_discount' },
        ),
        Type.Object(
          {
            code: Type.Literal('speed_upgrade'),
            commitmentMonths: Months('Months the customer commits to stay'),
            mbpsByTier: byTier(Type.Integer({ minimum: 1, maximum: 100_000 }), 'Line speed offered, Mbps, by tier'),
          },
          { additionalProperties: false, title: 'speed_upgrade' },
        ),
      ]),
      { maxItems: 10, description: 'The catalogue; each offer at most once' },
    ),
  },
  { additionalProperties: false },
);
