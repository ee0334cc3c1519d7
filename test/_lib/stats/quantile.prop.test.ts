import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantilesInPlace, selectInPlace } from '../../../src/_lib/stats/quantile';

/** numpy.percentile's default on sorted values: position (n − 1) q, interpolated. */
function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}

describe('quantiles by selection', () => {
  it('match numpy.percentile (linear) on hand-checked values', () => {
    // numpy.percentile([1, 2, 3, 4], [50, 90, 0, 100]) → [2.5, 3.7, 1.0, 4.0]
    const values = Float64Array.of(4, 1, 3, 2);
    const [median, p90, min, max] = quantilesInPlace(values, 4, [0.5, 0.9, 0, 1]);
    expect(median).toBe(2.5);
    expect(p90).toBeCloseTo(3.7, 12);
    expect(min).toBe(1);
    expect(max).toBe(4);
    // numpy.percentile([10, 7, 7, 7, 3], [25, 75]) → [7.0, 7.0]
    expect(quantilesInPlace(Float64Array.of(10, 7, 7, 7, 3), 5, [0.25, 0.75])).toEqual([7, 7]);
    expect(quantilesInPlace(new Float64Array(3), 0, [0.5])).toEqual([null]);
    expect(quantilesInPlace(Float64Array.of(5), 1, [0.1, 0.9])).toEqual([5, 5]);
  });

  it('use only the first n values', () => {
    expect(quantilesInPlace(Float64Array.of(3, 1, 2, 100, 100), 3, [0.5])).toEqual([2]);
  });

  it('equal the sorted definition for several p at once, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (ints, ps) => {
          const values = Float64Array.from(ints, (x) => x / 4);
          const sorted = Float64Array.from(values).sort();
          const got = quantilesInPlace(Float64Array.from(values), values.length, ps);
          ps.forEach((p, i) => {
            expect(got[i]).toBe(quantileSorted(sorted, p));
          });
        },
      ),
    );
  });

  it('puts the k-th value in place on sorted, reversed and constant runs of 10,000', () => {
    const n = 10_000;
    for (const make of [(i: number) => i, (i: number) => n - i, () => 7, (i: number) => i % 3]) {
      const a = Float64Array.from({ length: n }, (_, i) => make(i));
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, 1, 4_999, 9_998, 9_999]) {
        const b = Float64Array.from(a);
        selectInPlace(b, k, 0, n - 1);
        expect(b[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) if (b[i]! > b[k]!) throw new Error(`b[${i}] > b[${k}]`);
        for (let i = k + 1; i < n; i++) if (b[i]! < b[k]!) throw new Error(`b[${i}] < b[${k}]`);
      }
    }
  });

  it('says how far past k the values are in their sorted places', () => {
    // Random arrays with many ties and without: a[k … m] must equal the sorted a[k … m].
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    let longer = 0;
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(next() * 400);
      const spread = round % 3 === 0 ? 5 : 1_000_000;
      const a = Float64Array.from({ length: n }, () => Math.floor(next() * spread));
      const sorted = Float64Array.from(a).sort();
      const k = Math.floor(next() * n);
      const m = selectInPlace(a, k, 0, n - 1);
      expect(m).toBeGreaterThanOrEqual(k);
      expect(m).toBeLessThan(n);
      for (let i = k; i <= m; i++) expect(a[i]).toBe(sorted[i]);
      if (m > k) longer++;
    }
    // The answer is often more than k itself (a run of ties, a sorted tail).
    expect(longer).toBeGreaterThan(100);
  });
});
