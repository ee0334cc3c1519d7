// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { forwardProjection } from '../../src/plan/forwardProjection';
import { deepFreeze, expectLeadMathError } from '../_helpers';

describe('forwardProjection', () => {
  it('multiplies down the funnel without rounding', () => {
    const result = forwardProjection({
      stages: ['lead', 'mql', 'sql', 'customer'],
      rates: [0.25, 0.2, 0.25],
      top: 16_000,
    });
    expect(result.stages).toEqual([
      { stage: 'lead', expected: 16_000 },
      { stage: 'mql', expected: 4000 },
      { stage: 'sql', expected: 800 },
      { stage: 'customer', expected: 200 },
    ]);
  });

  it('keeps fractions: 10 leads at 15 % are 1.5 expected MQLs', () => {
    const result = forwardProjection({ stages: ['lead', 'mql'], rates: [0.15], top: 10 });
    expect(result.stages[1]!.expected).toBeCloseTo(1.5, 12);
  });

  it('does not mutate its input (deep-frozen fixture)', () => {
    const input = deepFreeze({ stages: ['a', 'b'], rates: [0.5], top: 8 });
    expect(forwardProjection(input).stages[1]!.expected).toBe(4);
  });

  describe('bad input', () => {
    it('throws INVALID_NUMBER for a negative or non-finite top', () => {
      expectLeadMathError(
        () => forwardProjection({ stages: ['a', 'b'], rates: [0.5], top: -1 }),
        'INVALID_NUMBER',
        'top',
      );
      expectLeadMathError(
        () => forwardProjection({ stages: ['a', 'b'], rates: [0.5], top: Number.NaN }),
        'INVALID_NUMBER',
        'top',
      );
    });

    it('throws INVALID_RATE and INVALID_ARGUMENT like reversePlan', () => {
      expectLeadMathError(
        () => forwardProjection({ stages: ['a', 'b'], rates: [2], top: 1 }),
        'INVALID_RATE',
        'rates[0]',
      );
      expectLeadMathError(
        () => forwardProjection({ stages: ['a', 'b'], rates: [], top: 1 }),
        'INVALID_ARGUMENT',
        'rates.length',
      );
    });
  });
});
