import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { spreadTarget } from '../../src/plan/spreadTarget';

/** Exact rational of a double as [numerator, denominator] BigInts (independent of the code). */
function rational(x: number): [bigint, bigint] {
  // Doubling until integral is exact in binary floating point.
  let num = x;
  let den = 1n;
  while (!Number.isInteger(num)) {
    num *= 2;
    den *= 2n;
  }
  return [BigInt(num), den];
}

describe('spreadTarget properties', () => {
  test.prop({
    total: fc.integer({ min: 0, max: 60 }),
    weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 }),
  })(
    'is the largest-remainder split, ties to the earlier period, for small integer weights',
    ({ total, weights }) => {
      const sum = weights.reduce((a, b) => a + b, 0);
      if (sum === 0) return;
      // By hand: floor of total·w/Σw, then one more unit to each of the largest
      // remainders total·w mod Σw, the earlier period first among equal ones.
      const parts = weights.map((w) => Math.floor((total * w) / sum));
      const remainder = weights.map((w) => (total * w) % sum);
      let left = total - parts.reduce((a, b) => a + b, 0);
      const taken = new Set<number>();
      while (left > 0) {
        let best = -1;
        for (let i = 0; i < weights.length; i++) {
          if (!taken.has(i) && (best < 0 || remainder[i]! > remainder[best]!)) best = i;
        }
        taken.add(best);
        parts[best]!++;
        left--;
      }
      expect(spreadTarget(total, weights)).toEqual(parts);
    },
  );

  test.prop({
    total: fc.maxSafeNat(),
    weights: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), {
      minLength: 1,
      maxLength: 12,
    }),
  })(
    'parts sum to the total, and each lies strictly within 1 of its exact share',
    ({ total, weights }) => {
      const positive = weights.some((w) => w > 0);
      if (!positive) {
        expect(() => spreadTarget(total, weights)).toThrow();
        return;
      }
      const parts = spreadTarget(total, weights);
      expect(parts.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(total));
      // share_i = total × w_i ÷ W; compare part_i × W with total × w_i over one common denominator.
      const rs = weights.map(rational);
      const den = rs.reduce((d, [, q]) => (q > d ? q : d), 1n);
      const ints = rs.map(([p, q]) => p * (den / q));
      const sum = ints.reduce((a, b) => a + b, 0n);
      parts.forEach((part, i) => {
        const share = BigInt(total) * ints[i]!;
        expect(BigInt(part) * sum - share < sum).toBe(true);
        expect(share - BigInt(part) * sum < sum).toBe(true);
        if (weights[i] === 0) expect(part).toBe(0);
      });
      // Largest remainder: a period rounded up never has a smaller remainder than one rounded down.
      const rem = ints.map((w) => (BigInt(total) * w) % sum);
      const up = parts.map((p, i) => BigInt(p) * sum > BigInt(total) * ints[i]!);
      for (let i = 0; i < parts.length; i++)
        for (let j = 0; j < parts.length; j++)
          if (up[i] && !up[j] && ints[j]! > 0n) expect(rem[i]! >= rem[j]!).toBe(true);
    },
  );

  it('is exact on the totals that were off before', () => {
    expect(spreadTarget(1e10, [1, 3])).toEqual([2_500_000_000, 7_500_000_000]);
    // 2^53 − 1 = 9,007,199,254,740,991: thirds 3,002,399,751,580,330.33 and 6,004,799,503,160,660.67.
    expect(spreadTarget(2 ** 53 - 1, [1, 2])).toEqual([
      3_002_399_751_580_330, 6_004_799_503_160_661,
    ]);
    expect(spreadTarget(5, [5e-324, 1e308, 0])).toEqual([0, 5, 0]);
    // Found by the property above (seed 160556596): all-zero weights are refused, even for 0.
    expect(() => spreadTarget(0, [0])).toThrow(/weights with a positive sum/);
  });
});
