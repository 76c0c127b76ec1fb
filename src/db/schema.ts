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
  /** Points the customer has collected in the built-in billing system. */
  points: ColumnType<number, number | undefined, number>;
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
  /** The monthly rent the BSS charges for the service; null when it has none on record. */
  monthly_rent_fen: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** The case that started this one, if any. */
  parent_id: string | null;
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
  /** Only holders of the role from this department (token claim `dept`) may act on the task. */
  department: string | null;
  /** Only this staff member may act on the task (a complaint's first responder); null for most tasks. */
  owner: ColumnType<string | null, string | null | undefined, string | null>;
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

/** The built-in notification gateway's deliveries: one per message key (src/adapters/notifications.ts). */
export interface NotificationDeliveriesTable {
  idempotency_key: string;
  channel: string;
  template: string;
  delivered_at: GeneratedTimestamp;
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

export interface BillingEntriesTable {
  id: Generated<number>;
  /** The case id and the step: a retried activity never bills twice. */
  idempotency_key: string;
  case_id: string;
  customer_id: string;
  service_id: string | null;
  kind: 'charge' | 'credit' | 'offer' | 'final_bill' | 'points' | 'reversal';
  amount_fen: number;
  description: string;
  detail: Json;
  created_at: GeneratedTimestamp;
}

export interface HubSubscribersTable {
  id: string;
  /** Events go to `{callback}/listener/{eventName}`. */
  callback: string;
  /** The query as the subscriber reads it back; null: every event. */
  query: string | null;
  /** null: every event type / case type. */
  event_types: string[] | null;
  case_types: string[] | null;
  secret: string;
  /** Personal data in events unmasked (set by an admin). */
  personal_data: Generated<boolean>;
  created_by: string;
  created_at: GeneratedTimestamp;
  paused_at: Timestamp | null;
  consecutive_failures: Generated<number>;
  failed_attempts: Generated<number>;
  delivered: Generated<number>;
  last_error: string | null;
  last_error_at: Timestamp | null;
  last_delivered_at: Timestamp | null;
}

export interface HubOutboxTable {
  id: Generated<number>;
  subscriber_id: string;
  case_id: string;
  event_id: string;
  event_type: string;
  /** The envelope exactly as it is posted and signed. */
  payload: string;
  attempts: Generated<number>;
  next_attempt_at: GeneratedTimestamp;
  /** A dispatcher is posting it until then (`lease` names the claim). */
  leased_until: Timestamp | null;
  lease: string | null;
  created_at: GeneratedTimestamp;
}

/** What the built-in network's remote test answers for a service (src/adapters/network.ts). */
export interface NetworkLineTestsTable {
  service_id: string;
  result: 'cleared' | 'needs_visit' | 'undetermined';
  detail: string | null;
  updated_at: GeneratedTimestamp;
}

/** Ports at an address for one access type (the built-in inventory). */
export interface PortCapacityTable {
  /** The normalised address (src/domain/inventory.ts addressKey). */
  address_key: string;
  access_type: 'xdsl' | 'lan' | 'ftth';
  /** The address as an admin last wrote it. */
  address: string;
  capacity: number;
  updated_at: GeneratedTimestamp;
}

export interface PortReservationsTable {
  /** The case id and the step: a retried reservation holds one port. */
  idempotency_key: string;
  case_id: string;
  address_key: string;
  access_type: 'xdsl' | 'lan' | 'ftth';
  /** reserved → in_use once the service is on it; released when the order does not complete. */
  status: 'reserved' | 'in_use' | 'released';
  service_id: string | null;
  reserved_at: GeneratedTimestamp;
  released_at: Timestamp | null;
}

export interface NumberAssignmentsTable {
  idempotency_key: string;
  case_id: string;
  number: string;
  assigned_at: GeneratedTimestamp;
}

export interface ProvisioningActionsTable {
  idempotency_key: string;
  case_id: string;
  service_id: string;
  action: 'activate' | 'start_billing';
  detail: Json;
  at: GeneratedTimestamp;
}

/** The churn file (离网建档): a customer who left, for win-back. */
export interface ChurnRecordsTable {
  id: Generated<number>;
  case_id: string;
  customer_id: string;
  service_id: string;
  service_kind: string;
  region: string;
  customer_type: string;
  tier: string;
  reason_code: string;
  reason_text: string;
  /** The customer manager's account of the true reason (seed 002 L391), when they made an attempt. */
  analysis: string | null;
  monthly_revenue_fen: number | null;
  /** Codes of the retention offers the customer turned down. */
  offers_declined: Json<string[]>;
  churned_at: Timestamp;
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
  notification_deliveries: NotificationDeliveriesTable;
  payments: PaymentsTable;
  refund_claims: RefundClaimsTable;
  refund_analysis: RefundAnalysisTable;
  idempotency_keys: IdempotencyKeysTable;
  billing_entries: BillingEntriesTable;
  hub_subscribers: HubSubscribersTable;
  hub_outbox: HubOutboxTable;
  network_line_tests: NetworkLineTestsTable;
  port_capacity: PortCapacityTable;
  port_reservations: PortReservationsTable;
  number_assignments: NumberAssignmentsTable;
  provisioning_actions: ProvisioningActionsTable;
  churn_records: ChurnRecordsTable;
}
