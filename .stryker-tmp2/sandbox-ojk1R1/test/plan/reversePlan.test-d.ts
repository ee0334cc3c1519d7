// @ts-nocheck
import { describe, expectTypeOf, it } from 'vitest';
import { type ReversePlanResult, reversePlan } from '../../src/plan/reversePlan';

describe('reversePlan types', () => {
  it('accepts readonly tuples and returns a readonly plan', () => {
    const stages = ['mql', 'sql', 'customer'] as const;
    const rates = [0.2, 0.25] as const;
    expectTypeOf(reversePlan({ stages, rates, target: 200 })).toEqualTypeOf<ReversePlanResult>();
    expectTypeOf<ReversePlanResult['stages'][number]['rate']>().toEqualTypeOf<number | null>();
  });

  it('takes a count target or revenue with deal size', () => {
    expectTypeOf(reversePlan).toBeCallableWith({
      stages: ['a', 'b'],
      rates: [0.5],
      revenue: 100,
      averageDealSize: 10,
    });
    // : revenue without a deal size is not a plan input
    reversePlan({ stages: ['a', 'b'], rates: [0.5], revenue: 100 });
    // : a target and a revenue goal at once are not a plan input
    reversePlan({ stages: ['a', 'b'], rates: [0.5], target: 3, revenue: 100, averageDealSize: 10 });
  });
});
