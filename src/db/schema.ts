import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Timestamps are written as Date or ISO string and read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (`now()`) unless one is given. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null = Record<string, unknown>> = JSONColumnType<T, string, string>;

export interface CustomersTable {
  id: string;
  name: string;
  type: 'individual' | 'group';
  tier: string;
  phone: string;
  id_number: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface AccountsTable {
  customer_id: string;
  arrears_fen: number;
  balance_fen: number;
  monthly_revenue_fen: number | null;
  agreement_ends_at: Timestamp | null;
  no_arrears_since_months: number | null;
  payment_method: string | null;
}

export interface ServicesTable {
  id: string;
  customer_id: string;
  kind: string;
  address: string;
  region: 'urban' | 'rural';
  number: string | null;
  status: string;
  number_change_blocked: Generated<boolean>;
}

export interface CasesTable {
  id: string;
  kind: 'order' | 'complaint';
  type: string;
  state: string;
  stage: string;
  outcome: string | null;
  state_reason: string | null;
  customer_id: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  data: Json;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  /** Idempotency key of the event: the workflow's sequence number, or the API action's id. */
  event_key: string;
  at: Timestamp;
  actor: string;
  kind: string;
  detail: Json;
}

export interface TasksTable {
  id: string;
  case_id: string;
  case_type: string;
  kind: string;
  role: string;
  assignee: string | null;
  state: string;
  created_at: Timestamp;
  due_at: Timestamp | null;
  outcomes: Json<string[]>;
  form: Json;
  data: Json;
  approves_money: boolean;
  outcome: string | null;
  comment: string | null;
  result: Json | null;
  completed_by: string | null;
  completed_at: Timestamp | null;
}

export interface SlaClocksTable {
  case_id: string;
  /** One clock instance on the case (policy key, or policy key#task id). */
  clock_id: string;
  policy_key: string;
  started_at: Timestamp;
  due_at: Timestamp;
  jeopardy_at: Timestamp;
  jeopardy: Generated<boolean>;
  breached: Generated<boolean>;
  stopped_at: Timestamp | null;
}

export interface SlaPoliciesTable {
  key: string;
  duration: string;
  calendar: 'continuous' | 'working';
  jeopardy_ratio: number;
  pause_when_pending: Generated<boolean>;
  updated_at: GeneratedTimestamp;
}

export interface PoliciesTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: GeneratedTimestamp;
}

export interface CalendarDaysTable {
  /** yyyy-mm-dd in the operator's zone. */
  day: string;
  working: boolean;
  note: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  case_id: string;
  /** Unique per case: a step notifies once however often it is retried. */
  step: string;
  channel: string;
  recipient: string;
  template: string;
  payload: Json;
  status: 'pending' | 'sent';
  created_at: GeneratedTimestamp;
  sent_at: Timestamp | null;
}

export interface PaymentsTable {
  id: string;
  idempotency_key: string;
  case_id: string;
  customer_id: string;
  amount_fen: number;
  method: string;
  status: string;
  created_at: GeneratedTimestamp;
}

export interface RefundClaimsTable {
  case_id: string;
  customer_id: string;
  amount_fen: number;
  /** yyyy-mm in the operator's zone. */
  month: string;
  filed_at: Timestamp;
  status: 'pending' | 'approved' | 'denied' | 'cancelled' | 'paid';
  /** Month-to-date total including this claim, fixed when it was filed. */
  cumulative_fen: number;
  /** Claims this month including this one, fixed when it was filed. */
  month_count: number;
}

export interface RefundAnalysisTable {
  case_id: string;
  customer_id: string;
  cause: string;
  category: string;
  amount_fen: number;
  month: string;
  recorded_at: GeneratedTimestamp;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  case_id: string;
  created_at: GeneratedTimestamp;
}

export interface Database {
  customers: CustomersTable;
  accounts: AccountsTable;
  services: ServicesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  tasks: TasksTable;
  sla_clocks: SlaClocksTable;
  sla_policies: SlaPoliciesTable;
  policies: PoliciesTable;
  calendar_days: CalendarDaysTable;
  notifications: NotificationsTable;
  payments: PaymentsTable;
  refund_claims: RefundClaimsTable;
  refund_analysis: RefundAnalysisTable;
  idempotency_keys: IdempotencyKeysTable;
}
