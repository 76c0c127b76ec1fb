/**
 * The hub's subscribers (`hub_subscribers`) and its outbox (`hub_outbox`):
 * one row per event and subscriber, written in the transaction of the change
 * it tells of, leased by a dispatcher while it posts, deleted once delivered.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../db/index';
import type { HubOutboxTable, HubSubscribersTable } from '../db/schema';
import type { HubEventType, HubQuery } from '../domain/hub';
import { sortKey, type Keyset } from './keyset';

export type SubscriberRow = Selectable<HubSubscribersTable>;
/** A subscriber with the number of its events still to deliver. */
export type SubscriberHealthRow = SubscriberRow & { pending: number };

export async function insertSubscriber(db: Db, s: Insertable<HubSubscribersTable>): Promise<SubscriberRow> {
  return db.insertInto('hub_subscribers').values(s).returningAll().executeTakeFirstOrThrow();
}

/** Whose subscribers a caller sees: everyone's (`undefined`), or those they registered. */
export type SubscriberOwner = string | undefined;

function subscribers(db: Db, owner: SubscriberOwner) {
  let q = db
    .selectFrom('hub_subscribers')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('hub_outbox')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('hub_outbox.subscriber_id', '=', 'hub_subscribers.id')
        .as('pending'),
    );
  if (owner !== undefined) q = q.where('created_by', '=', owner);
  return q;
}

export async function findSubscriber(db: Db, id: string, owner: SubscriberOwner): Promise<SubscriberHealthRow | undefined> {
  return (await subscribers(db, owner).where('id', '=', id).executeTakeFirst()) as SubscriberHealthRow | undefined;
}

/** A page of subscribers, oldest first, with each row's keyset sort key. */
export async function listSubscribers(
  db: Db,
  owner: SubscriberOwner,
  page: { limit: number; after?: Keyset },
): Promise<Array<SubscriberHealthRow & { sort_key: string }>> {
  let q = subscribers(db, owner).select(sortKey('hub_subscribers.created_at').as('sort_key'));
  const after = page.after;
  if (after) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(sql<Date>`${after.t}::timestamptz`, after.id)));
  return (await q.orderBy('created_at').orderBy('id').limit(page.limit + 1).execute()) as Array<SubscriberHealthRow & { sort_key: string }>;
}

/** Removes a subscriber and what it has still to receive; false when the caller sees no such subscriber. */
export async function deleteSubscriber(db: Db, id: string, owner: SubscriberOwner): Promise<boolean> {
  let q = db.deleteFrom('hub_subscribers').where('id', '=', id);
  if (owner !== undefined) q = q.where('created_by', '=', owner);
  return Number((await q.executeTakeFirst()).numDeletedRows) > 0;
}

/** Delivers again to a paused subscriber: its backlog is due at once, in order. */
export async function resumeSubscriber(db: Db, id: string, owner: SubscriberOwner): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    let q = tx.updateTable('hub_subscribers').set({ paused_at: null, consecutive_failures: 0 }).where('id', '=', id);
    if (owner !== undefined) q = q.where('created_by', '=', owner);
    const resumed = Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
    if (resumed) await tx.updateTable('hub_outbox').set({ next_attempt_at: sql`now()` }).where('subscriber_id', '=', id).execute();
    return resumed;
  });
}

// ---------------------------------------------------------------- writing events

export interface Audience {
  id: string;
  personalData: boolean;
  query: HubQuery;
}

/**
 * Every subscriber, key-share locked until the event's transaction ends: one
 * being deleted meanwhile is either gone here or waits, so the outbox rows
 * written for it never break its foreign key.
 */
export async function lockSubscribers(tx: Db): Promise<Audience[]> {
  const rows = await tx.selectFrom('hub_subscribers').select(['id', 'personal_data', 'event_types', 'case_types']).forKeyShare().execute();
  return rows.map((r) => ({
    id: r.id,
    personalData: r.personal_data,
    query: {
      ...(r.event_types ? { eventTypes: r.event_types as HubEventType[] } : {}),
      ...(r.case_types ? { caseTypes: r.case_types as HubQuery['caseTypes'] } : {}),
    },
  }));
}

export async function insertOutboxRows(tx: Db, rows: Insertable<HubOutboxTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('hub_outbox').values(rows).execute();
}

// ---------------------------------------------------------------- delivering

export interface Delivery {
  id: number;
  subscriberId: string;
  callback: string;
  secret: string;
  eventType: HubEventType;
  payload: string;
  /** Failed attempts before this one. */
  attempts: number;
  /** The claim: only its holder settles a failure or gives the row back. */
  lease: string;
}

const ms = (n: number) => sql`${Math.round(n)}::int * interval '1 millisecond'`;

/**
 * Leases up to `limit` due rows, each the oldest undelivered row of its
 * (subscriber, case) queue, so a case's events go out one at a time in
 * order. `SKIP LOCKED` lets several dispatchers claim side by side; a row
 * being claimed or leased elsewhere is passed over, and so is every later
 * row of its queue.
 */
export async function claimDeliveries(db: Db, { limit, leaseMs, lease }: { limit: number; leaseMs: number; lease: string }): Promise<Delivery[]> {
  const { rows } = await sql<{
    id: number;
    subscriber_id: string;
    event_type: HubEventType;
    payload: string;
    attempts: number;
    callback: string;
    secret: string;
  }>`
    update hub_outbox o set leased_until = now() + ${ms(leaseMs)}, lease = ${lease}
    from (
      select d.id, s.callback, s.secret
      from hub_outbox d join hub_subscribers s on s.id = d.subscriber_id
      where s.paused_at is null
        and d.next_attempt_at <= now()
        and (d.leased_until is null or d.leased_until < now())
        and not exists (
          select 1 from hub_outbox e
          where e.subscriber_id = d.subscriber_id and e.case_id = d.case_id and e.id < d.id
        )
      order by d.next_attempt_at, d.id
      limit ${limit}
      for update of d skip locked
    ) c
    where o.id = c.id
    returning o.id, o.subscriber_id, o.event_type, o.payload, o.attempts, c.callback, c.secret`.execute(db);
  return rows.map((r) => ({
    id: Number(r.id),
    subscriberId: r.subscriber_id,
    callback: r.callback,
    secret: r.secret,
    eventType: r.event_type,
    payload: r.payload,
    attempts: r.attempts,
    lease,
  }));
}

/** The receiver took the event: the row goes, the subscriber's health is good again. */
export async function settleDelivered(db: Db, d: Delivery): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // Whoever delivered it (a lapsed lease may have let a second dispatcher post it too), it is delivered.
    const gone = await tx.deleteFrom('hub_outbox').where('id', '=', d.id).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) return;
    await tx
      .updateTable('hub_subscribers')
      .set({ delivered: sql`delivered + 1`, consecutive_failures: 0, last_delivered_at: sql`now()` })
      .where('id', '=', d.subscriberId)
      .execute();
  });
}

/**
 * The attempt failed: the row is due again after `delayMs`; the subscriber
 * is paused once `pauseAfter` attempts in a row have failed. Returns whether
 * this failure paused it.
 */
export async function settleFailed(db: Db, d: Delivery, error: string, delayMs: number, pauseAfter: number): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('hub_outbox')
      .set({ attempts: sql`attempts + 1`, next_attempt_at: sql`now() + ${ms(delayMs)}`, leased_until: null, lease: null })
      .where('id', '=', d.id)
      .where('lease', '=', d.lease)
      .executeTakeFirst();
    if (Number(row.numUpdatedRows) === 0) return false;
    const subscriber = await tx
      .updateTable('hub_subscribers')
      .set({
        failed_attempts: sql`failed_attempts + 1`,
        consecutive_failures: sql`consecutive_failures + 1`,
        last_error: error,
        last_error_at: sql`now()`,
        paused_at: sql`case when paused_at is null and consecutive_failures + 1 >= ${pauseAfter} then now() else paused_at end`,
      })
      .where('id', '=', d.subscriberId)
      // now() is the transaction's start: equal only when this very update paused it.
      .returning(sql<boolean>`paused_at is not null and paused_at = now()`.as('paused_now'))
      .executeTakeFirst();
    return subscriber?.paused_now === true;
  });
}

/** Gives leased rows back untried (a dispatcher stopping), due at once for whoever claims next. */
export async function releaseDeliveries(db: Db, ids: number[], lease: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('hub_outbox').set({ leased_until: null, lease: null }).where('id', 'in', ids).where('lease', '=', lease).execute();
}
