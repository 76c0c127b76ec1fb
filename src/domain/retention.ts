/**
 * Retention offers (processes.md §4): a catalogue with eligibility rules,
 * kept as policy `cancellation.retention_offers` so an operator changes it
 * without a deploy. Pure: runs in the workflow (which lists the offers on
 * the retention task and checks the one accepted) and in the API (which
 * validates a new catalogue). Money is integer fen.
 */
import { TIERS, type Tier } from './account';

export const OFFER_CODES = ['loyalty_credit', 'fee_discount', 'speed_upgrade'] as const;
export type OfferCode = (typeof OFFER_CODES)[number];

/**
 * 在网有礼 (seed 000 L176-179): a customer with a monthly revenue of at least
 * 10 000 元 and no arrears in the last 3 months who commits to 2 more years
 * gets a monthly credit of up to 10 % of that revenue.
 */
export interface LoyaltyCreditRule {
  code: 'loyalty_credit';
  minMonthlyRevenueFen: number;
  arrearsFreeMonths: number;
  commitmentMonths: number;
  maxCreditPercent: number;
}

/** A discount on the service's monthly fee, by tier; a tier not listed is not offered one. */
export interface FeeDiscountRule {
  code: 'fee_discount';
  commitmentMonths: number;
  percentByTier: Partial<Record<Tier, number>>;
}

/** A faster line at the same price, by tier; a tier not listed is not offered one. */
export interface SpeedUpgradeRule {
  code: 'speed_upgrade';
  commitmentMonths: number;
  mbpsByTier: Partial<Record<Tier, number>>;
}

export type OfferRule = LoyaltyCreditRule | FeeDiscountRule | SpeedUpgradeRule;

/** Policy `cancellation.retention_offers`. */
export interface RetentionOfferPolicy {
  offers: OfferRule[];
}

/** The built-in catalogue: 在网有礼 as the source states it; discounts and upgrades by tier are defaults. */
export const DEFAULT_RETENTION_OFFERS: RetentionOfferPolicy = {
  offers: [
    { code: 'loyalty_credit', minMonthlyRevenueFen: 1_000_000, arrearsFreeMonths: 3, commitmentMonths: 24, maxCreditPercent: 10 },
    {
      code: 'fee_discount',
      commitmentMonths: 12,
      percentByTier: { A1: 30, A2: 30, diamond: 30, B1: 20, B2: 20, gold: 20, C: 15, silver: 15, standard: 10 },
    },
    { code: 'speed_upgrade', commitmentMonths: 12, mbpsByTier: { A1: 1000, A2: 1000, diamond: 1000, B1: 500, B2: 500, gold: 500, C: 300, silver: 300 } },
  ],
};

/** An offer this customer may receive, with its terms: what the retention task lists. */
export type OfferTerms =
  | { code: 'loyalty_credit'; commitmentMonths: number; maxMonthlyCreditFen: number }
  | { code: 'fee_discount'; commitmentMonths: number; discountPercent: number; monthlyDiscountFen: number }
  | { code: 'speed_upgrade'; commitmentMonths: number; speedMbps: number };

/** What the offers are decided on: the account's facts, and the monthly fee of the service that would leave. */
export interface RetentionFacts {
  tier: string;
  arrearsFen: number;
  monthlyRevenueFen: number | null;
  noArrearsSinceMonths: number | null;
  /** The service's monthly fee; null when the BSS has none on record (then there is nothing to discount). */
  monthlyRentFen: number | null;
}

/** `percent` % of `fen`, rounded down to the fen: a credit or discount never exceeds its cap. */
export function percentOf(fen: number, percent: number): number {
  return Math.floor((fen * percent) / 100);
}

function terms(rule: OfferRule, facts: RetentionFacts): OfferTerms | undefined {
  switch (rule.code) {
    case 'loyalty_credit': {
      const revenue = facts.monthlyRevenueFen;
      const arrearsFree = facts.arrearsFen === 0 && facts.noArrearsSinceMonths !== null && facts.noArrearsSinceMonths >= rule.arrearsFreeMonths;
      if (revenue === null || revenue < rule.minMonthlyRevenueFen || !arrearsFree) return undefined;
      return { code: rule.code, commitmentMonths: rule.commitmentMonths, maxMonthlyCreditFen: percentOf(revenue, rule.maxCreditPercent) };
    }
    case 'fee_discount': {
      const percent = rule.percentByTier[facts.tier as Tier];
      const rent = facts.monthlyRentFen;
      if (percent === undefined || rent === null || percentOf(rent, percent) === 0) return undefined;
      return { code: rule.code, commitmentMonths: rule.commitmentMonths, discountPercent: percent, monthlyDiscountFen: percentOf(rent, percent) };
    }
    case 'speed_upgrade': {
      const mbps = rule.mbpsByTier[facts.tier as Tier];
      return mbps === undefined ? undefined : { code: rule.code, commitmentMonths: rule.commitmentMonths, speedMbps: mbps };
    }
  }
}

/** The offers of the catalogue this customer may receive, in catalogue order, with their terms. */
export function eligibleOffers(policy: RetentionOfferPolicy, facts: RetentionFacts): OfferTerms[] {
  return policy.offers.flatMap((rule) => terms(rule, facts) ?? []);
}

/** What the person recorded when the customer accepted an offer. */
export interface OfferAcceptance {
  offer: OfferCode;
  /** A loyalty credit below its cap; absent: the cap. */
  monthlyCreditFen?: number;
}

/** Why an acceptance cannot stand (a 422 on the task), or undefined when it can. */
export function acceptanceProblem(offered: readonly OfferTerms[], acceptance: OfferAcceptance): string | undefined {
  const offer = offered.find((o) => o.code === acceptance.offer);
  if (!offer) {
    const codes = offered.map((o) => o.code).join(', ') || 'none';
    return `offer ${acceptance.offer} is not one this customer may receive (offered: ${codes})`;
  }
  if (acceptance.monthlyCreditFen === undefined) return undefined;
  if (offer.code !== 'loyalty_credit') return 'only a loyalty credit has a monthly credit to record';
  if (acceptance.monthlyCreditFen > offer.maxMonthlyCreditFen) {
    return `the monthly credit may be at most ${offer.maxMonthlyCreditFen} fen (its share of the monthly revenue)`;
  }
  return undefined;
}

/** The accepted offer as billing applies it: its terms and its monthly value to the customer (0: not money). */
export function acceptedOffer(offered: readonly OfferTerms[], acceptance: OfferAcceptance): { terms: OfferTerms; monthlyValueFen: number } {
  const problem = acceptanceProblem(offered, acceptance);
  if (problem) throw new RangeError(problem);
  const offer = offered.find((o) => o.code === acceptance.offer)!;
  switch (offer.code) {
    case 'loyalty_credit':
      return { terms: offer, monthlyValueFen: acceptance.monthlyCreditFen ?? offer.maxMonthlyCreditFen };
    case 'fee_discount':
      return { terms: offer, monthlyValueFen: offer.monthlyDiscountFen };
    case 'speed_upgrade':
      return { terms: offer, monthlyValueFen: 0 };
  }
}

const isCount = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

function byTierProblems(map: unknown, at: string, min: number, max: number, unit: string): string[] {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return [`${at} must map tiers to ${unit}`];
  return Object.entries(map).flatMap(([tier, v]) => {
    if (!(TIERS as readonly string[]).includes(tier)) return [`${at}.${tier} is not a tier (${TIERS.join(', ')})`];
    return isCount(v, min, max) ? [] : [`${at}.${tier} must be an integer from ${min} to ${max} (${unit})`];
  });
}

/**
 * Problems with a catalogue as an operator writes it (empty = valid): each
 * offer at most once, percentages within 1..100, whole months and fen.
 * Defensive about shape: the value arrives as JSON.
 */
export function validateRetentionOffers(policy: RetentionOfferPolicy): string[] {
  const offers: unknown = (policy as { offers?: unknown } | null | undefined)?.offers;
  if (!Array.isArray(offers)) return ['offers must be a list'];
  const seen = new Set<string>();
  return offers.flatMap((raw: unknown, i): string[] => {
    const at = `offers[${i}]`;
    const rule = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (!(OFFER_CODES as readonly string[]).includes(rule.code as string)) return [`${at}.code must be one of ${OFFER_CODES.join(', ')}`];
    const problems: string[] = [];
    if (seen.has(rule.code as string)) problems.push(`${at}: ${String(rule.code)} is already in the catalogue`);
    seen.add(rule.code as string);
    if (!isCount(rule.commitmentMonths, 1, 120)) problems.push(`${at}.commitmentMonths must be a whole number of months from 1 to 120`);
    switch (rule.code as OfferCode) {
      case 'loyalty_credit':
        if (!isCount(rule.minMonthlyRevenueFen, 0, 1e12)) problems.push(`${at}.minMonthlyRevenueFen must be a non-negative integer (fen)`);
        if (!isCount(rule.arrearsFreeMonths, 0, 120)) problems.push(`${at}.arrearsFreeMonths must be a whole number of months from 0 to 120`);
        if (!isCount(rule.maxCreditPercent, 1, 100)) problems.push(`${at}.maxCreditPercent must be an integer from 1 to 100`);
        break;
      case 'fee_discount':
        problems.push(...byTierProblems(rule.percentByTier, `${at}.percentByTier`, 1, 100, 'percent'));
        break;
      case 'speed_upgrade':
        problems.push(...byTierProblems(rule.mbpsByTier, `${at}.mbpsByTier`, 1, 100_000, 'Mbps'));
        break;
    }
    return problems;
  });
}
