// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { reversePlan } from '../../src/plan/reversePlan';
import { deepFreeze, expectLeadMathError } from '../_helpers';

const required = (plan: ReturnType<typeof reversePlan>) => plan.stages.map((s) => s.required);

describe('reversePlan', () => {
  describe('the $10M worked example', () => {
    it('plans 200 deals, 800 SQLs and 4,000 MQLs', () => {
      const plan = reversePlan({
        stages: ['mql', 'sql', 'customer'],
        rates: [0.2, 0.25],
        revenue: 10_000_000,
        averageDealSize: 50_000,
      });
      expect(plan.target).toBe(200);
      expect(plan.stages).toEqual([
        { stage: 'mql', required: 4000, rate: 0.2 },
        { stage: 'sql', required: 800, rate: 0.25 },
        { stage: 'customer', required: 200, rate: null },
      ]);
    });

    it('extends to leads: 4,000 MQLs at 25 % lead→MQL need 16,000 leads', () => {
      const plan = reversePlan({
        stages: ['lead', 'mql', 'sql', 'customer'],
        rates: [0.25, 0.2, 0.25],
        target: 200,
      });
      expect(required(plan)).toEqual([16_000, 4000, 800, 200]);
    });
  });

  it('never adds a lead for float noise: 3 deals at 10 % need 30 SQLs, not 31', () => {
    const plan = reversePlan({ stages: ['sql', 'customer'], rates: [0.1], target: 3 });
    expect(required(plan)).toEqual([30, 3]);
    // 100 × 0.57 is 56.99999999999999 in floats, still 57 customers.
    expect(required(reversePlan({ stages: ['a', 'b'], rates: [0.57], target: 57 }))).toEqual([
      100, 57,
    ]);
  });

  it('rounds up at every stage, not only at the top', () => {
    // by hand: 7 / 0.3 = 23.33 → 24; 24 / 0.45 = 53.33 → 54
    const plan = reversePlan({ stages: ['a', 'b', 'c'], rates: [0.45, 0.3], target: 7 });
    expect(required(plan)).toEqual([54, 24, 7]);
  });

  it('accepts a single stage (the target itself) and a zero target', () => {
    expect(required(reversePlan({ stages: ['customer'], rates: [], target: 5 }))).toEqual([5]);
    expect(required(reversePlan({ stages: ['a', 'b'], rates: [0.5], target: 0 }))).toEqual([0, 0]);
  });

  it('plans from a revenue that is not a whole number of deals', () => {
    const plan = reversePlan({
      stages: ['sql', 'customer'],
      rates: [0.25],
      revenue: 1_000_001,
      averageDealSize: 50_000,
    });
    expect(plan.target).toBe(21);
    expect(required(plan)).toEqual([84, 21]);
  });

  it('does not mutate its input (deep-frozen fixture)', () => {
    const input = deepFreeze({
      stages: ['mql', 'sql', 'customer'],
      rates: [0.2, 0.25],
      target: 10,
    });
    expect(required(reversePlan(input))).toEqual([200, 40, 10]);
    expect(input).toEqual({ stages: ['mql', 'sql', 'customer'], rates: [0.2, 0.25], target: 10 });
  });

  it('returns a JSON-safe plain object', () => {
    const plan = reversePlan({ stages: ['a', 'b'], rates: [0.3], target: 9 });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  describe('bad input', () => {
    it('throws INVALID_RATE naming the rate', () => {
      const error = expectLeadMathError(
        () => reversePlan({ stages: ['a', 'b', 'c'], rates: [0.5, 1.2], target: 10 }),
        'INVALID_RATE',
        'rates[1]',
      );
      expect(error.message).toBe('reversePlan: rates[1] must be a number in (0, 1], got 1.2');
      for (const bad of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY, '0.5']) {
        expectLeadMathError(
          () => reversePlan({ stages: ['a', 'b'], rates: [bad as number], target: 10 }),
          'INVALID_RATE',
          'rates[0]',
        );
      }
    });

    it('throws INVALID_ARGUMENT for a rates length that does not match the stages', () => {
      expectLeadMathError(
        () => reversePlan({ stages: ['a', 'b', 'c'], rates: [0.5], target: 10 }),
        'INVALID_ARGUMENT',
        'rates.length',
      );
    });

    it('throws INVALID_ARGUMENT for empty, repeated or non-string stage names', () => {
      expectLeadMathError(
        () => reversePlan({ stages: [], rates: [], target: 1 }),
        'INVALID_ARGUMENT',
        'stages',
      );
      expectLeadMathError(
        () => reversePlan({ stages: ['a', 'a'], rates: [0.5], target: 1 }),
        'INVALID_ARGUMENT',
        'stages[1]',
      );
      expectLeadMathError(
        () => reversePlan({ stages: ['a', ''], rates: [0.5], target: 1 }),
        'INVALID_ARGUMENT',
        'stages[1]',
      );
      expectLeadMathError(
        () => reversePlan({ stages: ['a', 3 as unknown as string], rates: [0.5], target: 1 }),
        'INVALID_ARGUMENT',
        'stages[1]',
      );
    });

    it('throws INVALID_COUNT for a target that is not a count', () => {
      for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
        expectLeadMathError(
          () => reversePlan({ stages: ['a', 'b'], rates: [0.5], target: bad }),
          'INVALID_COUNT',
          'target',
        );
      }
    });

    it('throws INVALID_ARGUMENT for neither or both kinds of target', () => {
      expectLeadMathError(
        () => reversePlan({ stages: ['a', 'b'], rates: [0.5] } as never),
        'INVALID_ARGUMENT',
        'target',
      );
      expectLeadMathError(
        () =>
          reversePlan({
            stages: ['a', 'b'],
            rates: [0.5],
            target: 1,
            revenue: 10,
            averageDealSize: 1,
          } as never),
        'INVALID_ARGUMENT',
        'input',
      );
      expectLeadMathError(() => reversePlan(null as never), 'INVALID_ARGUMENT', 'input');
    });

    it('throws INVALID_NUMBER for bad revenue or deal size', () => {
      expectLeadMathError(
        () => reversePlan({ stages: ['a', 'b'], rates: [0.5], revenue: -1, averageDealSize: 10 }),
        'INVALID_NUMBER',
        'revenue',
      );
      expectLeadMathError(
        () => reversePlan({ stages: ['a', 'b'], rates: [0.5], revenue: 100 } as never),
        'INVALID_NUMBER',
        'averageDealSize',
      );
    });

    it('throws INVALID_NUMBER when a stage would exceed the safe integer range', () => {
      expectLeadMathError(
        () =>
          reversePlan({
            stages: ['a', 'b', 'c', 'd'],
            rates: [1e-6, 1e-6, 1e-6],
            target: 1_000_000,
          }),
        'INVALID_NUMBER',
        'target',
      );
    });
  });
});

describe('reversePlan from revenue', () => {
  it('plans 200 deals for $10M at $50k, then 800 SQLs and 4,000 MQLs', () => {
    const plan = reversePlan({
      stages: ['mql', 'sql', 'customer'],
      rates: [0.2, 0.25],
      revenue: 10_000_000,
      averageDealSize: 50_000,
    });
    expect(plan.target).toBe(200);
    expect(plan.stages.map((s) => s.required)).toEqual([4000, 800, 200]);
  });
});
