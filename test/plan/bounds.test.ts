import { describe, expect, it } from 'vitest';
import { compareDailyRates } from '../../src/plan/compareDailyRates';
import { dailyRate } from '../../src/plan/dailyRate';
import { forwardProjection } from '../../src/plan/forwardProjection';
import { laggedCostPer } from '../../src/plan/laggedCostPer';
import { laggedWindow } from '../../src/plan/laggedWindow';
import { marketingSourcedShare } from '../../src/plan/marketingSourcedShare';
import { pace } from '../../src/plan/pace';
import { planWithConfidence } from '../../src/plan/planWithConfidence';
import { reversePlan } from '../../src/plan/reversePlan';
import { catchLeadMathError, expectLeadMathError } from '../_helpers';

const window = { start: '2026-04-01T00:00:00Z', end: '2026-07-01T00:00:00Z' };

describe('planning: results that would not be finite', () => {
  it('dailyRate throws INVALID_NUMBER naming count when the rate overflows', () => {
    expectLeadMathError(() => dailyRate(1e308, 0.5), 'INVALID_NUMBER', 'count');
    expect(dailyRate(1e308, 1)).toBe(1e308);
  });

  it('compareDailyRates names the period whose tiny rate makes the change overflow', () => {
    expectLeadMathError(
      () => compareDailyRates({ count: 5e-324, businessDays: 1 }, { count: 1, businessDays: 1 }),
      'INVALID_NUMBER',
      'a.count',
    );
    expectLeadMathError(
      () => compareDailyRates({ count: 1, businessDays: 1 }, { count: 1e308, businessDays: 0.5 }),
      'INVALID_NUMBER',
      'b.count',
    );
  });

  it('pace names the argument that overflows', () => {
    expectLeadMathError(
      () => pace({ target: 1, actual: 1e308, elapsedBusinessDays: 0.5, totalBusinessDays: 1 }),
      'INVALID_NUMBER',
      'actual',
    );
    expectLeadMathError(
      () =>
        pace({ target: 1e308, actual: 0, elapsedBusinessDays: 1 - 2 ** -52, totalBusinessDays: 1 }),
      'INVALID_NUMBER',
      'target',
    );
  });

  it('laggedCostPer throws INVALID_NUMBER when the spend total overflows, instead of NaN', () => {
    const spend = [
      { at: '2026-03-10T00:00:00Z', amount: 1e308 },
      { at: '2026-03-11T00:00:00Z', amount: 1e308 },
    ];
    expectLeadMathError(
      () => laggedCostPer({ spend, count: 1, window, lagDays: 30 }),
      'INVALID_NUMBER',
      'spend[1].amount',
    );
  });

  it('laggedWindow throws INVALID_DURATION for a lag that moves the window before 1900, and INVALID_DATE before that', () => {
    expectLeadMathError(() => laggedWindow(window, 50_000), 'INVALID_DURATION', 'lagDays');
    expectLeadMathError(
      () => laggedWindow({ start: -8.64e15, end: 0 }, 1),
      'INVALID_DATE',
      'window.start',
    );
  });
});

describe('planning: unknown keys', () => {
  it('rejects a misspelt key with the key meant, instead of ignoring it', () => {
    const spend = [{ at: '2026-03-10T00:00:00Z', amount: 100 }];
    const error = expectLeadMathError(
      () => laggedCostPer({ spend, count: 1, window, lagDays: 30, timezone: 'UTC' } as never),
      'INVALID_ARGUMENT',
      'timezone',
    );
    expect(error.message).toBe(
      'laggedCostPer: timezone must be absent (unknown key; did you mean timeZone?), got "UTC"',
    );
    expectLeadMathError(
      () => laggedWindow(window, 1, { timezone: 'UTC' } as never),
      'INVALID_ARGUMENT',
      'options.timezone',
    );
    expectLeadMathError(
      () => reversePlan({ stages: ['a', 'b'], rates: [0.5], target: 1, revenu: 5 } as never),
      'INVALID_ARGUMENT',
      'revenu',
    );
    expectLeadMathError(
      () => forwardProjection({ stages: ['a'], rates: [], top: 1, rate: 1 } as never),
      'INVALID_ARGUMENT',
      'rate',
    );
    expectLeadMathError(
      () =>
        marketingSourcedShare({
          marketingSourced: 1,
          customers: 2,
          salesModel: 'field',
          model: 'x',
        } as never),
      'INVALID_ARGUMENT',
      'model',
    );
    expectLeadMathError(
      () =>
        planWithConfidence({
          stages: ['a', 'b'],
          rates: [0.5],
          target: 1,
          confidnce: 0.9,
        } as never),
      'INVALID_ARGUMENT',
      'confidnce',
    );
    expectLeadMathError(
      () =>
        pace({
          target: 1,
          actual: 0,
          elapsedBusinessDays: 1,
          totalBusinessDays: 2,
          goal: 3,
        } as never),
      'INVALID_ARGUMENT',
      'goal',
    );
    expectLeadMathError(
      () =>
        compareDailyRates({ count: 1, businessDays: 1, days: 2 } as never, {
          count: 1,
          businessDays: 1,
        }),
      'INVALID_ARGUMENT',
      'a.days',
    );
  });
});

describe('planning: messages name the rule that was broken', () => {
  const message = (fn: () => unknown) => catchLeadMathError(fn).message;

  it('laggedWindow: a lag that moves the window before 1900', () => {
    expect(
      message(() =>
        laggedWindow({ start: '1905-01-01T00:00:00Z', end: '1905-04-01T00:00:00Z' }, 3000),
      ),
    ).toBe(
      'laggedWindow: lagDays must be a lag that keeps the shifted window at or after 1900-01-01T00:00Z, got 3000',
    );
    // Only the start moves before 1900 (1905 − 3,000 days is 1896; 1950 − 3,000 days is 1941).
    expectLeadMathError(
      () => laggedWindow({ start: '1905-01-01T00:00:00Z', end: '1950-01-01T00:00:00Z' }, 3000),
      'INVALID_DURATION',
      'lagDays',
    );
  });

  it('laggedCostPer: amounts whose total is not finite', () => {
    const spend = [
      { at: '2026-01-05T00:00:00Z', amount: 1e308 },
      { at: '2026-01-06T00:00:00Z', amount: 1e308 },
    ];
    const window = { start: '2026-02-01T00:00:00Z', end: '2026-03-01T00:00:00Z' };
    expect(message(() => laggedCostPer({ spend, count: 1, window, lagDays: 30 }))).toBe(
      'laggedCostPer: spend[1].amount must be an amount that keeps the total spend finite, got 1e+308',
    );
  });

  it('marketingSourcedShare: more marketing-sourced customers than customers', () => {
    expect(
      message(() =>
        marketingSourcedShare({ marketingSourced: 5, customers: 4, salesModel: 'inside' }),
      ),
    ).toBe('marketingSourcedShare: marketingSourced must be ≤ customers (4), got 5');
  });

  it('planWithConfidence: bad evidence items', () => {
    const plan = (evidence: unknown) => () =>
      planWithConfidence({ stages: ['a', 'b'], evidence, target: 1, confidence: 0.9 } as never);
    expect(message(plan([{ entered: 3, advanced: 4 }]))).toBe(
      'planWithConfidence: evidence[0].advanced must be ≤ evidence[0].entered (3), got 4',
    );
    expect(message(plan([{ entered: 3, advanced: 1, x: 1 }]))).toBe(
      'planWithConfidence: evidence[0].x must be absent (unknown key; known keys: entered, advanced), got 1',
    );
  });
});
