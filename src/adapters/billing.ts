import type { Db } from '../db/index';
import { AdapterRefusal } from './errors';

/** A fee or credit on the customer's account. */
export interface BillingRequest {
  /** The case id and the step: the billing system books at most once per key. */
  idempotencyKey: string;
  caseId: string;
  customerId: string;
  serviceId?: string;
  /** Integer fen, > 0. */
  amountFen: number;
  description: string;
  detail?: Record<string, unknown>;
}

export interface BillingReceipt {
  entryId: string;
  kind: 'charge' | 'credit' | 'offer' | 'final_bill' | 'points' | 'reversal';
  amountFen: number;
}

/** Points redeemed for a customer who leaves. */
export interface PointsRedemption extends BillingReceipt {
  /** How many points were redeemed (0: the account had none). */
  points: number;
}

/** Undoing an entry (冲正): `entryKey` is the idempotency key the entry was booked under. */
export type ReversalRequest = Omit<BillingRequest, 'amountFen'> & { entryKey: string };

/** The account when a service leaves: what is left to refund. */
export interface FinalBill extends BillingReceipt {
  /** The balance after the final bill (fen; negative: the customer owes). */
  balanceFen: number;
  /** What can be paid back: the balance above any arrears, never negative. */
  refundableFen: number;
}

/** The operator's billing system. Every call is idempotent on its key. */
export interface BillingAdapter {
  /** A fee (e.g. the ownership transfer fee): taken from the account's balance. */
  charge(req: BillingRequest): Promise<BillingReceipt>;
  /** Money put back on the account (e.g. the rent of a fault period). */
  credit(req: BillingRequest): Promise<BillingReceipt>;
  /** A retention offer put on the account, with its terms (amountFen: its monthly value, 0 for a non-monetary offer). */
  applyOffer(req: BillingRequest): Promise<BillingReceipt>;
  /** Closes the account of a service that leaves and says what is refundable. */
  finalBill(req: Omit<BillingRequest, 'amountFen'>): Promise<FinalBill>;
  /** Redeems all the account's points at the customer's request (seed 000 L243). */
  redeemPoints(req: Omit<BillingRequest, 'amountFen'>): Promise<PointsRedemption>;
  /** Undoes the entry booked under `entryKey`: a final bill reopens the account, redeemed points come back, money moves back. */
  reverse(req: ReversalRequest): Promise<BillingReceipt>;
}

/**
 * Books entries in `billing_entries` and moves the account's balance, in one
 * transaction; the unique key makes a retried call return the first entry.
 */
export function builtInBilling(db: Db): BillingAdapter {
  /** Books the entry once; `effect` changes the account only when this call booked it. */
  async function book(
    kind: BillingReceipt['kind'],
    req: BillingRequest,
    balanceDelta: number,
    effect?: (tx: Db) => Promise<void>,
  ): Promise<BillingReceipt & { detail: Record<string, unknown> }> {
    return db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('billing_entries')
        .values({
          idempotency_key: req.idempotencyKey,
          case_id: req.caseId,
          customer_id: req.customerId,
          service_id: req.serviceId ?? null,
          kind,
          amount_fen: req.amountFen,
          description: req.description,
          detail: JSON.stringify(req.detail ?? {}),
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning(['id'])
        .executeTakeFirst();
      if (inserted && balanceDelta !== 0) {
        await tx
          .updateTable('accounts')
          .set((eb) => ({ balance_fen: eb('balance_fen', '+', balanceDelta) }))
          .where('customer_id', '=', req.customerId)
          .execute();
      }
      if (inserted && effect) await effect(tx);
      const entry = await bookedEntry(tx, req.idempotencyKey);
      if (!entry) throw new Error(`billing entry ${req.idempotencyKey} vanished`);
      return entry;
    });
  }

  async function bookedEntry(tx: Db, idempotencyKey: string) {
    const entry = await tx.selectFrom('billing_entries').select(['id', 'kind', 'amount_fen', 'detail']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    return entry && { entryId: `bil_${entry.id}`, kind: entry.kind, amountFen: entry.amount_fen, detail: entry.detail as Record<string, unknown> };
  }

  const addPoints = (customerId: string, points: number) => (tx: Db) =>
    tx
      .updateTable('accounts')
      .set((eb) => ({ points: eb('points', '+', points) }))
      .where('customer_id', '=', customerId)
      .execute()
      .then(() => undefined);

  const receipt = ({ entryId, kind, amountFen }: BillingReceipt): BillingReceipt => ({ entryId, kind, amountFen });

  return {
    charge: (req) => book('charge', req, -req.amountFen).then(receipt),
    credit: (req) => book('credit', req, req.amountFen).then(receipt),
    applyOffer: (req) => book('offer', req, 0).then(receipt),
    async finalBill(req) {
      const account = await db.selectFrom('accounts').select(['balance_fen', 'arrears_fen']).where('customer_id', '=', req.customerId).executeTakeFirstOrThrow();
      const balanceFen = account.balance_fen - account.arrears_fen;
      const booked = await book('final_bill', { ...req, amountFen: 0, detail: { ...req.detail, balanceFen } }, 0);
      // A retry answers with the balance the first call closed on.
      const closed = Number(booked.detail.balanceFen ?? balanceFen);
      return { ...receipt(booked), balanceFen: closed, refundableFen: Math.max(0, closed) };
    },
    async redeemPoints(req) {
      const account = await db.selectFrom('accounts').select('points').where('customer_id', '=', req.customerId).executeTakeFirstOrThrow();
      const booked = await book('points', { ...req, amountFen: 0, detail: { ...req.detail, points: account.points } }, 0, addPoints(req.customerId, -account.points));
      // A retry answers with the points the first call redeemed.
      return { ...receipt(booked), points: Number(booked.detail.points ?? 0) };
    },
    async reverse({ entryKey, ...req }) {
      const entry = await bookedEntry(db, entryKey);
      if (!entry) throw new AdapterRefusal('billing', `no entry ${entryKey} to reverse`);
      const balanceDelta = entry.kind === 'charge' ? entry.amountFen : entry.kind === 'credit' ? -entry.amountFen : 0;
      const points = entry.kind === 'points' ? Number(entry.detail.points ?? 0) : 0;
      const reversal = { ...req, amountFen: entry.amountFen, detail: { ...req.detail, reverses: entryKey } };
      return book('reversal', reversal, balanceDelta, points ? addPoints(req.customerId, points) : undefined).then(receipt);
    },
  };
}
