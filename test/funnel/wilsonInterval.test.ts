import { describe, expect, it } from 'vitest';
import { normalQuantile, twoSidedZ } from '../../src/_lib/stats/normal';
import { wilsonInterval } from '../../src/funnel/wilsonInterval';
import { expectLeadMathError } from '../_helpers';

// Reference values: the textbook Wilson formula
//   (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)
// evaluated in Python with statistics.NormalDist().inv_cdf for z, and R's
// prop.test(x, n, correct = FALSE) where noted.
const cases: ReadonlyArray<[number, number, number, number, number]> = [
  [40, 200, 0.95, 0.15045200926098115, 0.26085518656537876],
  [200, 1000, 0.95, 0.17637709044319852, 0.22591896464813463],
  [81, 263, 0.95, 0.2552885198782743, 0.3662095769828001],
  [1, 2, 0.99, 0.06171307677810178, 0.9382869232218982],
  [5, 1000, 0.9, 0.002435929300642035, 0.010235331506720877],
  [100, 8000, 0.95, 0.01028874626116762, 0.01517920682978836],
  [3, 7, 0.8, 0.22598811161452576, 0.6583029463790935],
  [10, 10, 0.95, 0.7224672001371109, 1],
];

describe('normalQuantile', () => {
  it('matches published critical values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  it('gives z = 1.96 for 95 % two-sided', () => {
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(twoSidedZ(0.99)).toBeCloseTo(2.5758293035489004, 14);
  });
});

describe('wilsonInterval', () => {
  for (const [x, n, confidence, low, high] of cases) {
    it(`wilsonInterval(${x}, ${n}, ${confidence}) matches the textbook formula`, () => {
      const interval = wilsonInterval(x, n, confidence);
      expect(interval.low).toBeCloseTo(low, 12);
      expect(interval.high).toBeCloseTo(high, 12);
    });
  }

  it("matches R's prop.test(5, 10, correct = FALSE, conf.level = 0.9)", () => {
    const { low, high } = wilsonInterval(5, 10, 0.9);
    expect(low).toBeCloseTo(0.2692718, 6);
    expect(high).toBeCloseTo(0.7307282, 6);
  });

  it('defaults to 95 % confidence', () => {
    expect(wilsonInterval(40, 200)).toEqual(wilsonInterval(40, 200, 0.95));
  });

  it('is exactly 0 at the bottom for no successes and exactly 1 at the top for all', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.27753279986288915, 12);
    expect(wilsonInterval(10, 10).high).toBe(1);
  });

  it('is monotone in confidence up to rounding, even for confidences one ulp apart', () => {
    // fast-check counterexample: the two upper bounds differ only in the last bit.
    const narrow = wilsonInterval(0, 47633, 0.5000000000000012);
    const wide = wilsonInterval(0, 47633, 0.5000000000000013);
    expect(Math.abs(wide.high - narrow.high)).toBeLessThan(1e-14 * narrow.high);
    expect(wide.low).toBe(0);
  });

  it('returns [0, 1] for zero trials', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('keeps precision for a tiny rate on a huge sample', () => {
    // 1 in a billion; reference computed with 50-digit decimals in Python.
    // The naive centre − half-width loses about half of the digits here.
    const { low, high } = wilsonInterval(1, 1e9);
    expect(low / 1.7652455495696322e-10).toBeCloseTo(1, 12);
    expect(high / 5.664934243297437e-9).toBeCloseTo(1, 12);
  });

  describe('bad input', () => {
    it('throws INVALID_COUNT for negative, fractional, NaN, infinite or unsafe counts', () => {
      expectLeadMathError(() => wilsonInterval(-1, 10), 'INVALID_COUNT', 'successes');
      expectLeadMathError(() => wilsonInterval(1.5, 10), 'INVALID_COUNT', 'successes');
      expectLeadMathError(() => wilsonInterval(1, Number.NaN), 'INVALID_COUNT', 'trials');
      expectLeadMathError(
        () => wilsonInterval(1, Number.POSITIVE_INFINITY),
        'INVALID_COUNT',
        'trials',
      );
      expectLeadMathError(() => wilsonInterval(1, 2 ** 53), 'INVALID_COUNT', 'trials');
      expectLeadMathError(() => wilsonInterval('3' as unknown as number, 10), 'INVALID_COUNT');
    });

    it('throws INCONSISTENT_COUNTS when successes exceed trials', () => {
      const error = expectLeadMathError(
        () => wilsonInterval(3, 2),
        'INCONSISTENT_COUNTS',
        'successes',
      );
      expect(error.message).toBe('wilsonInterval: successes must be ≤ trials (2), got 3');
    });

    it('throws INVALID_RATE for a confidence outside (0, 1)', () => {
      for (const confidence of [0, 1, -0.5, 1.5, Number.NaN]) {
        expectLeadMathError(() => wilsonInterval(1, 2, confidence), 'INVALID_RATE', 'confidence');
      }
    });
  });
});

describe('wilsonInterval at the edges', () => {
  it('reaches exactly 1 when every trial succeeded, where the formula rounds to 1.0000000000000002', () => {
    // (2x + z² + z·√z²) / (2(n + z²)) at x = n = 15 is 1.0000000000000002 in doubles.
    expect(wilsonInterval(15, 15).high).toBe(1);
    expect(wilsonInterval(19, 19).high).toBe(1);
  });
});
