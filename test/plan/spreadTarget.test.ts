import { describe, expect, it } from 'vitest';
import { spreadTarget } from '../../src/plan/spreadTarget';
import { deepFreeze, expectLeadMathError } from '../_helpers';

describe('spreadTarget', () => {
  it('spreads by largest remainder: 1,000 over 22/20/21 business days', () => {
    // exact shares 349.21, 317.46, 333.33: floors sum to 999, the spare unit
    // goes to the largest remainder (0.46, the second month)
    expect(spreadTarget(1000, [22, 20, 21])).toEqual([349, 318, 333]);
  });

  it('breaks ties toward the earlier period, deterministically', () => {
    expect(spreadTarget(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(spreadTarget(2, [1, 1, 1, 1])).toEqual([1, 1, 0, 0]);
  });

  it('gives leftover units to the largest remainders wherever they are', () => {
    // 4 over [1, 1, 3]: shares 0.8, 0.8, 2.4 → floors 0, 0, 2; two left for the 0.8s
    expect(spreadTarget(4, [1, 1, 3])).toEqual([1, 1, 2]);
    // 4 over [3, 1, 1]: 2.4, 0.8, 0.8 → 2, 0, 0; two left for the 0.8s
    expect(spreadTarget(4, [3, 1, 1])).toEqual([2, 1, 1]);
    // 4 over [2, 1, 2]: 1.6, 0.8, 1.6 → 1, 0, 1; 0.8 first, then the earlier 0.6
    expect(spreadTarget(4, [2, 1, 2])).toEqual([2, 1, 1]);
    // 5 over [1, 2, 1]: 1.25, 2.5, 1.25 → 1, 2, 1; one left for the 0.5
    expect(spreadTarget(5, [1, 2, 1])).toEqual([1, 3, 1]);
    // 3 over [1, 1, 1, 5]: 0.375 × 3 and 1.875 → 0, 0, 0, 1; 0.875 first, then the earliest 0.375
    expect(spreadTarget(3, [1, 1, 1, 5])).toEqual([1, 0, 0, 2]);
  });

  it('keeps every bit of weights of different magnitudes', () => {
    // Python: Fraction(0.3) and Fraction(614.4), shares T·w/Σw for
    // T = 2,900,334,303,200,421: floors 1,415,487,702,879 and
    // 2,898,918,815,497,541, remainders 0.659… and 0.341…, one unit left.
    expect(spreadTarget(2_900_334_303_200_421, [0.3, 614.4])).toEqual([
      1_415_487_702_880, 2_898_918_815_497_541,
    ]);
  });

  it('scales subnormal and normal weights exactly against each other', () => {
    // 2⁻¹⁰²² (the smallest normal) and 2⁻¹⁰²² − 2⁻¹⁰⁷⁴ (the largest subnormal):
    // shares just above and just below 1, so the one unit left goes to the second.
    expect(spreadTarget(2, [2.2250738585072014e-308, 2.225073858507201e-308])).toEqual([1, 1]);
    expect(spreadTarget(3, [5e-324, 1e-323])).toEqual([1, 2]);
  });

  it('gives nothing to a zero-weight period and everything to a lone weight', () => {
    expect(spreadTarget(7, [0, 3, 0])).toEqual([0, 7, 0]);
    expect(spreadTarget(5, [2])).toEqual([5]);
  });

  it('keeps exact whole shares whole despite float noise', () => {
    // 100 × 0.57 is 56.99999999999999 in floats
    expect(spreadTarget(100, [0.57, 0.43])).toEqual([57, 43]);
    expect(spreadTarget(300, [0.57, 0.57, 0.57, 0.43, 0.43, 0.43])).toEqual([
      57, 57, 57, 43, 43, 43,
    ]);
    expect(spreadTarget(0, [1, 2])).toEqual([0, 0]);
  });

  it('does not mutate its input', () => {
    const weights = deepFreeze([3, 1]);
    expect(spreadTarget(4, weights)).toEqual([3, 1]);
  });

  describe('bad input', () => {
    it('throws INVALID_COUNT for a total that is not a count', () => {
      expectLeadMathError(() => spreadTarget(10.5, [1]), 'INVALID_COUNT', 'total');
      expectLeadMathError(() => spreadTarget(-1, [1]), 'INVALID_COUNT', 'total');
    });

    it('throws INVALID_ARGUMENT for no periods or all-zero weights', () => {
      expectLeadMathError(() => spreadTarget(10, []), 'INVALID_ARGUMENT', 'weights');
      expectLeadMathError(() => spreadTarget(10, [0, 0]), 'INVALID_ARGUMENT', 'weights');
    });

    it('throws INVALID_NUMBER for a negative or non-finite weight', () => {
      expectLeadMathError(() => spreadTarget(10, [1, -1]), 'INVALID_NUMBER', 'weights[1]');
      expectLeadMathError(() => spreadTarget(10, [Number.NaN]), 'INVALID_NUMBER', 'weights[0]');
      expectLeadMathError(
        () => spreadTarget(10, [1, Number.POSITIVE_INFINITY]),
        'INVALID_NUMBER',
        'weights[1]',
      );
    });
  });
});
