import { describe, expect, it } from 'vitest';
import {
  acceptanceProblem,
  acceptedOffer,
  DEFAULT_RETENTION_OFFERS,
  eligibleOffers,
  percentOf,
  validateRetentionOffers,
  type RetentionFacts,
  type RetentionOfferPolicy,
} from '../../src/domain/retention';

const P = DEFAULT_RETENTION_OFFERS;
/** A customer who qualifies for 在网有礼: 10 000 元 a month, a year without arrears. */
const loyal: RetentionFacts = { tier: 'standard', arrearsFen: 0, monthlyRevenueFen: 1_000_000, noArrearsSinceMonths: 12, monthlyRentFen: 10_000 };
const codes = (facts: Partial<RetentionFacts>) => eligibleOffers(P, { ...loyal, ...facts }).map((o) => o.code);

describe('在网有礼 loyalty credit (seed 000 L176-179)', () => {
  it.each([
    [999_999, false], // 9 999.99 元
    [1_000_000, true], // 10 000 元
    [5_000_000, true],
  ])('a monthly revenue of %i fen qualifies: %s', (monthlyRevenueFen, eligible) => {
    expect(codes({ monthlyRevenueFen }).includes('loyalty_credit')).toBe(eligible);
  });

  it.each([
    [2, false],
    [3, true],
    [null, false],
  ])('no arrears for %s months qualifies: %s', (noArrearsSinceMonths, eligible) => {
    expect(codes({ noArrearsSinceMonths }).includes('loyalty_credit')).toBe(eligible);
  });

  it('arrears outstanding today disqualify, whatever the history says', () => {
    expect(codes({ arrearsFen: 1 })).not.toContain('loyalty_credit');
  });

  it('without a revenue on record there is nothing to qualify on', () => {
    expect(codes({ monthlyRevenueFen: null })).not.toContain('loyalty_credit');
  });

  it('commits the customer for 2 years and caps the monthly credit at 10 % of the monthly revenue, rounded down', () => {
    expect(eligibleOffers(P, loyal)[0]).toEqual({ code: 'loyalty_credit', commitmentMonths: 24, maxMonthlyCreditFen: 100_000 });
    expect(eligibleOffers(P, { ...loyal, monthlyRevenueFen: 1_234_567 })[0]).toMatchObject({ maxMonthlyCreditFen: 123_456 });
  });

  it('accepts a credit up to the cap and refuses one a fen above it', () => {
    const offered = eligibleOffers(P, loyal);
    expect(acceptanceProblem(offered, { offer: 'loyalty_credit', monthlyCreditFen: 100_000 })).toBeUndefined();
    expect(acceptanceProblem(offered, { offer: 'loyalty_credit', monthlyCreditFen: 100_001 })).toMatch(/at most 100000 fen/);
    expect(acceptedOffer(offered, { offer: 'loyalty_credit', monthlyCreditFen: 60_000 }).monthlyValueFen).toBe(60_000);
    expect(acceptedOffer(offered, { offer: 'loyalty_credit' }).monthlyValueFen).toBe(100_000);
  });
});

describe('fee discount and speed upgrade by tier [default]', () => {
  it.each([
    ['A1', 30, 1000],
    ['diamond', 30, 1000],
    ['gold', 20, 500],
    ['C', 15, 300],
    ['standard', 10, undefined],
  ])('tier %s: %i %% off the monthly fee, speed %s Mbps', (tier, percent, mbps) => {
    const offers = eligibleOffers(P, { ...loyal, tier, monthlyRevenueFen: 0 });
    expect(offers.find((o) => o.code === 'fee_discount')).toEqual({
      code: 'fee_discount',
      commitmentMonths: 12,
      discountPercent: percent,
      monthlyDiscountFen: percentOf(10_000, percent),
    });
    const upgrade = offers.find((o) => o.code === 'speed_upgrade');
    expect(upgrade && 'speedMbps' in upgrade ? upgrade.speedMbps : undefined).toBe(mbps);
  });

  it('a service without a monthly fee on record has nothing to discount', () => {
    expect(codes({ monthlyRentFen: null })).not.toContain('fee_discount');
  });

  it('the discount and the upgrade are worth what billing applies each month (an upgrade is not money)', () => {
    const offered = eligibleOffers(P, { ...loyal, tier: 'gold' });
    expect(acceptedOffer(offered, { offer: 'fee_discount' })).toMatchObject({ monthlyValueFen: 2_000 });
    expect(acceptedOffer(offered, { offer: 'speed_upgrade' })).toMatchObject({ monthlyValueFen: 0, terms: { speedMbps: 500 } });
  });
});

describe('accepting an offer', () => {
  it('is refused for an offer the task does not list, and a credit recorded on another offer', () => {
    const offered = eligibleOffers(P, { ...loyal, monthlyRevenueFen: 999_999 });
    expect(acceptanceProblem(offered, { offer: 'loyalty_credit' })).toBe('offer loyalty_credit is not one this customer may receive (offered: fee_discount)');
    expect(acceptanceProblem(offered, { offer: 'fee_discount', monthlyCreditFen: 5 })).toBe('only a loyalty credit has a monthly credit to record');
    expect(() => acceptedOffer(offered, { offer: 'speed_upgrade' })).toThrow(RangeError);
    expect(acceptanceProblem([], { offer: 'fee_discount' })).toMatch(/offered: none/);
  });
});

describe('the catalogue policy', () => {
  it('the default is valid, and so is an empty catalogue (no offers at all)', () => {
    expect(validateRetentionOffers(P)).toEqual([]);
    expect(validateRetentionOffers({ offers: [] })).toEqual([]);
  });

  it('follows an operator change: a lower threshold lets more customers in', () => {
    const policy: RetentionOfferPolicy = { offers: [{ ...(P.offers[0] as Extract<(typeof P.offers)[number], { code: 'loyalty_credit' }>), minMonthlyRevenueFen: 500_000, maxCreditPercent: 5 }] };
    expect(eligibleOffers(policy, { ...loyal, monthlyRevenueFen: 600_000 })).toEqual([{ code: 'loyalty_credit', commitmentMonths: 24, maxMonthlyCreditFen: 30_000 }]);
  });

  it('refuses duplicates, unknown codes and tiers, and numbers out of range', () => {
    const bad = {
      offers: [
        { code: 'loyalty_credit', minMonthlyRevenueFen: -1, arrearsFreeMonths: 3, commitmentMonths: 0, maxCreditPercent: 101 },
        { code: 'fee_discount', commitmentMonths: 12, percentByTier: { A1: 0, Z9: 10 } },
        { code: 'fee_discount', commitmentMonths: 12, percentByTier: {} },
        { code: 'free_lunch', commitmentMonths: 1 },
      ],
    } as unknown as RetentionOfferPolicy;
    expect(validateRetentionOffers(bad)).toEqual([
      'offers[0].commitmentMonths must be a whole number of months from 1 to 120',
      'offers[0].minMonthlyRevenueFen must be a non-negative integer (fen)',
      'offers[0].maxCreditPercent must be an integer from 1 to 100',
      'offers[1].percentByTier.A1 must be an integer from 1 to 100 (percent)',
      'offers[1].percentByTier.Z9 is not a tier (A1, A2, B1, B2, C, diamond, gold, silver, standard)',
      'offers[2]: fee_discount is already in the catalogue',
      'offers[3].code must be one of loyalty_credit, fee_discount, speed_upgrade',
    ]);
    expect(validateRetentionOffers({} as RetentionOfferPolicy)).toEqual(['offers must be a list']);
  });
});
