// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compareDailyRates } from '../../src/plan/compareDailyRates';
import { dailyRate } from '../../src/plan/dailyRate';
import { pace } from '../../src/plan/pace';
import { spreadTarget } from '../../src/plan/spreadTarget';
import { expectLeadMathError } from '../_helpers';

describe('dailyRate', () => {
  it('divides by business days', () => {
    expect(dailyRate(1000, 20)).toBe(50);
    expect(dailyRate(0, 3)).toBe(0);
  });

  it('throws INVALID_NUMBER for zero business days or a negative count', () => {
    expectLeadMathError(() => dailyRate(100, 0), 'INVALID_NUMBER', 'businessDays');
    expectLeadMathError(() => dailyRate(-1, 5), 'INVALID_NUMBER', 'count');
    expectLeadMathError(() => dailyRate(Number.NaN, 5), 'INVALID_NUMBER', 'count');
  });
});

describe('compareDailyRates', () => {
  it('shows 1,000 leads in 20 days as 15 % more per day than in 23 days', () => {
    const result = compareDailyRates(
      { count: 1000, businessDays: 23 },
      { count: 1000, businessDays: 20 },
    );
    expect(result.rateA).toBeCloseTo(1000 / 23, 12);
    expect(result.rateB).toBe(50);
    // by hand: (1000/20) / (1000/23) − 1 = 23/20 − 1 = 0.15
    expect(result.change).toBeCloseTo(0.15, 12);
  });

  it('returns a null change from a zero base', () => {
    expect(
      compareDailyRates({ count: 0, businessDays: 5 }, { count: 3, businessDays: 5 }).change,
    ).toBeNull();
  });

  it('throws naming the period', () => {
    expectLeadMathError(
      () => compareDailyRates({ count: 1, businessDays: 0 }, { count: 1, businessDays: 1 }),
      'INVALID_NUMBER',
      'a.businessDays',
    );
    expectLeadMathError(
      () => compareDailyRates({ count: 1, businessDays: 1 }, null as never),
      'INVALID_ARGUMENT',
      'b',
    );
  });
});

describe('pace', () => {
  it('projects at the current daily rate and says what the rest of the period needs', () => {
    expect(
      pace({ target: 1000, actual: 450, elapsedBusinessDays: 10, totalBusinessDays: 21 }),
    ).toEqual({
      dailyRate: 45,
      projected: 945,
      onTrack: false,
      remaining: 550,
      requiredDailyRate: 50,
    });
  });

  it('is on track when the projection reaches the target', () => {
    const result = pace({
      target: 1000,
      actual: 500,
      elapsedBusinessDays: 10,
      totalBusinessDays: 20,
    });
    expect(result.onTrack).toBe(true);
    expect(result.requiredDailyRate).toBe(50);
  });

  it('has no rate or projection before the first business day', () => {
    expect(pace({ target: 100, actual: 0, elapsedBusinessDays: 0, totalBusinessDays: 20 })).toEqual(
      {
        dailyRate: null,
        projected: null,
        onTrack: false,
        remaining: 100,
        requiredDailyRate: 5,
      },
    );
  });

  it('needs nothing more once the target is met, and cannot recover with no days left', () => {
    const met = pace({ target: 100, actual: 120, elapsedBusinessDays: 5, totalBusinessDays: 20 });
    expect(met.onTrack).toBe(true);
    expect(met.remaining).toBe(0);
    expect(met.requiredDailyRate).toBe(0);
    const missed = pace({
      target: 100,
      actual: 90,
      elapsedBusinessDays: 20,
      totalBusinessDays: 20,
    });
    expect(missed.onTrack).toBe(false);
    expect(missed.requiredDailyRate).toBeNull();
  });

  it('throws INVALID_NUMBER for impossible day counts', () => {
    expectLeadMathError(
      () => pace({ target: 1, actual: 0, elapsedBusinessDays: 21, totalBusinessDays: 20 }),
      'INVALID_NUMBER',
      'elapsedBusinessDays',
    );
    expectLeadMathError(
      () => pace({ target: 1, actual: 0, elapsedBusinessDays: 0, totalBusinessDays: 0 }),
      'INVALID_NUMBER',
      'totalBusinessDays',
    );
    expectLeadMathError(
      () => pace({ target: -5, actual: 0, elapsedBusinessDays: 0, totalBusinessDays: 3 }),
      'INVALID_NUMBER',
      'target',
    );
  });
});

describe('pace and spreadTarget, worked by hand', () => {
  it('is on track when the target is met, even before the first business day', () => {
    expect(
      pace({ target: 0, actual: 0, elapsedBusinessDays: 0, totalBusinessDays: 5 }).onTrack,
    ).toBe(true);
    expect(
      pace({ target: 10, actual: 10, elapsedBusinessDays: 0, totalBusinessDays: 5 }).onTrack,
    ).toBe(true);
    // 450 in 10 of 21 days projects 945 < 1000: behind.
    expect(
      pace({ target: 1000, actual: 450, elapsedBusinessDays: 10, totalBusinessDays: 21 }).onTrack,
    ).toBe(false);
    // Met on the last day: nothing more is needed per day.
    expect(
      pace({ target: 5, actual: 5, elapsedBusinessDays: 5, totalBusinessDays: 5 })
        .requiredDailyRate,
    ).toBe(0);
    expect(
      pace({ target: 6, actual: 5, elapsedBusinessDays: 5, totalBusinessDays: 5 })
        .requiredDailyRate,
    ).toBeNull();
  });

  it('hands leftover units to the largest remainders, ties to the earlier period', () => {
    // 5 × [1, 2, 4] / 7 = 0.714, 1.429, 2.857: floors 0, 1, 2; two left go to 0.857 and 0.714.
    expect(spreadTarget(5, [1, 2, 4])).toEqual([1, 1, 3]);
    // 3 over four equal periods: 0.75 each, the leftover three go to the first three.
    expect(spreadTarget(3, [1, 1, 1, 1])).toEqual([1, 1, 1, 0]);
    // 2 × [1, 3] / 4 = 0.5, 1.5: a tie of remainders goes to the first.
    expect(spreadTarget(2, [1, 3])).toEqual([1, 1]);
    // 7 × [3, 1, 3] / 7 = 3, 1, 3: exact, nothing left over.
    expect(spreadTarget(7, [3, 1, 3])).toEqual([3, 1, 3]);
  });
});
