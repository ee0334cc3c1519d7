import { describe, expect, it } from 'vitest';
import {
  betaBinomialChainUpperTail,
  betaBinomialPmf,
  chainMoments,
  WorkBudgetExceeded,
} from '../../../src/_lib/stats/betaBinomial';
import { bigRatio } from '../../_helpers/bigRatio';

// An exact oracle, written apart from the library: for integer α and β,
// P(X = j) = C(m, j) · α⁽ʲ⁾ · β⁽ᵐ⁻ʲ⁾ / (α + β)⁽ᵐ⁾ with rising factorials, in
// BigInt, divided to a double only at the end.

function rising(x: bigint, k: number): bigint {
  let r = 1n;
  for (let i = 0n; i < BigInt(k); i++) r *= x + i;
  return r;
}

function choose(m: number, j: number): bigint {
  let r = 1n;
  for (let i = 1; i <= j; i++) r = (r * BigInt(m - j + i)) / BigInt(i);
  return r;
}

function exactPmf(m: number, alpha: number, beta: number): number[] {
  const den = rising(BigInt(alpha + beta), m);
  const out: number[] = [];
  for (let j = 0; j <= m; j++) {
    out.push(bigRatio(choose(m, j) * rising(BigInt(alpha), j) * rising(BigInt(beta), m - j), den));
  }
  return out;
}

/** The distribution of X_K, the whole of it pushed through every step. */
function exactChain(n: number, steps: ReadonlyArray<{ alpha: number; beta: number }>): number[] {
  let dist = new Array<number>(n + 1).fill(0);
  dist[n] = 1;
  for (const { alpha, beta } of steps) {
    const next = new Array<number>(n + 1).fill(0);
    for (let m = 0; m <= n; m++) {
      if (dist[m] === 0) continue;
      const pmf = exactPmf(m, alpha, beta);
      for (let j = 0; j <= m; j++) next[j]! += dist[m]! * pmf[j]!;
    }
    dist = next;
  }
  return dist;
}

/** P(X_K ≥ target). */
function exactChainTail(
  n: number,
  steps: ReadonlyArray<{ alpha: number; beta: number }>,
  target: number,
): number {
  const dist = exactChain(n, steps);
  let tail = 0;
  for (let j = n; j >= target; j--) tail += dist[j]!;
  return tail;
}

function expectClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-300);
}

describe('betaBinomialPmf against exact rational arithmetic', () => {
  const cases: ReadonlyArray<[number, number, number]> = [
    [50, 3, 7],
    [7, 1, 1], // uniform: every term equal
    [200, 2, 1], // increasing: the mode is the last count, far above the mean
    [300, 1, 40], // the mode is 0, below the mean
    [1, 5, 2],
    [120, 30, 2], // the mean rounds to the top count
    [400, 20, 20],
  ];
  for (const [m, alpha, beta] of cases) {
    it(`BetaBinomial(${m}, ${alpha}, ${beta}): every term within 1e-12, nothing above 1e-16 left out`, () => {
      const exact = exactPmf(m, alpha, beta);
      const peak = Math.max(...exact);
      const { lo, p } = betaBinomialPmf(m, alpha, beta);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(lo + p.length - 1).toBeLessThanOrEqual(m);
      for (let j = 0; j <= m; j++) {
        const inside = j >= lo && j < lo + p.length;
        if (inside) expectClose(p[j - lo]!, exact[j]!, 1e-12);
        else expect(exact[j]! / peak).toBeLessThan(1e-16);
      }
    });
  }

  it('matches scipy where the tails underflow: BetaBinomial(2000, 1000, 1000)', () => {
    // scipy.stats.betabinom.pmf(j, 2000, 1000, 1000) for j = 1000, 950, 1100.
    // P(0) is about 1e-600 of the peak: a walk from anywhere but the middle
    // would overflow.
    const { lo, p } = betaBinomialPmf(2000, 1000, 1000);
    expectClose(p[1000 - lo]!, 0.012613297395240551, 1e-10);
    expectClose(p[950 - lo]!, 0.0036161247257503848, 1e-10);
    expectClose(p[1100 - lo]!, 8.42790966484766e-5, 1e-10);
    expect(lo).toBeGreaterThan(600);
    expect(lo + p.length).toBeLessThan(1400);
  });

  it('is the point mass at 0 for m = 0', () => {
    const { lo, p } = betaBinomialPmf(0, 3, 4);
    expect(lo).toBe(0);
    expect([...p]).toEqual([1]);
  });

  it('keeps a wide support whole (no term above 1e-16 of the peak cut)', () => {
    // BetaBinomial(2000, 1, 1) is uniform: all 2,001 terms are kept.
    const { lo, p } = betaBinomialPmf(2000, 1, 1);
    expect(lo).toBe(0);
    expect(p.length).toBe(2001);
    for (const t of p) expectClose(t, 1 / 2001, 1e-12);
  });
});

describe('betaBinomialChainUpperTail against the exact chain', () => {
  const cases: ReadonlyArray<[number, Array<{ alpha: number; beta: number }>, number]> = [
    // three steps: two pushed through as pmfs, the last as lower tails per count
    [
      200,
      [
        { alpha: 21, beta: 61 },
        { alpha: 9, beta: 4 },
        { alpha: 5, beta: 11 },
      ],
      12,
    ],
    // a narrow last step (α above the direct limit): every step as a pmf
    [
      150,
      [
        { alpha: 3, beta: 5 },
        { alpha: 20001, beta: 20001 },
      ],
      30,
    ],
    // wide first step: counts of negligible weight at both ends are skipped
    [
      120,
      [
        { alpha: 1, beta: 1 },
        { alpha: 2, beta: 3 },
        { alpha: 4, beta: 2 },
      ],
      10,
    ],
    // a target at the top: only the count n reaches it
    [60, [{ alpha: 30, beta: 2 }], 60],
  ];
  for (const [n, steps, target] of cases) {
    it(`n = ${n}, ${steps.length} steps, target ${target}`, () => {
      const expected = exactChainTail(n, steps, target);
      expectClose(
        betaBinomialChainUpperTail(n, steps, target, { remaining: 1e9 }),
        expected,
        1e-11,
      );
    });
  }

  it('matches scipy on a narrow chain whose counts of negligible weight are trimmed', () => {
    // numpy: push the distribution through scipy.stats.betabinom.pmf for each
    // step, then sum from the target up (n = 3000; steps (301, 901), (41, 21), (9, 31)).
    const steps = [
      { alpha: 301, beta: 901 },
      { alpha: 41, beta: 21 },
      { alpha: 9, beta: 31 },
    ];
    const budget = { remaining: 1e9 };
    expectClose(betaBinomialChainUpperTail(3000, steps, 70, budget), 0.8901448119143825, 1e-10);
    expectClose(betaBinomialChainUpperTail(3000, steps, 40, budget), 0.9938276722515635, 1e-10);
  });

  it('is 1 for a target below every count the chain can reach', () => {
    // After (301, 901) and (20001, 20001), 3000 leads leave 200 at the very least.
    const steps = [
      { alpha: 301, beta: 901 },
      { alpha: 20001, beta: 20001 },
    ];
    expect(betaBinomialChainUpperTail(3000, steps, 100, { remaining: 1e9 })).toBeCloseTo(1, 14);
  });

  it('counts target + α terms for each lower tail it sums', () => {
    const steps = [{ alpha: 41, beta: 161 }];
    expect(() => betaBinomialChainUpperTail(1000, steps, 190, { remaining: 231 })).not.toThrow();
    expect(() => betaBinomialChainUpperTail(1000, steps, 190, { remaining: 230 })).toThrow(
      WorkBudgetExceeded,
    );
  });

  it('spends exactly its budget without refusing, and refuses one term less', () => {
    const steps = [
      { alpha: 21, beta: 61 },
      { alpha: 9, beta: 4 },
      { alpha: 5, beta: 11 },
    ];
    const budget = { remaining: 1e9 };
    const value = betaBinomialChainUpperTail(200, steps, 12, budget);
    const spent = 1e9 - budget.remaining;
    expect(spent).toBeGreaterThan(0);
    const exact = { remaining: spent };
    expect(betaBinomialChainUpperTail(200, steps, 12, exact)).toBe(value);
    expect(exact.remaining).toBe(0);
    expect(() => betaBinomialChainUpperTail(200, steps, 12, { remaining: spent - 1 })).toThrow(
      WorkBudgetExceeded,
    );
  });

  it('refuses a budget too small for the pmf steps alone', () => {
    const steps = [
      { alpha: 3, beta: 5 },
      { alpha: 20001, beta: 20001 },
    ];
    const budget = { remaining: 1e9 };
    betaBinomialChainUpperTail(150, steps, 30, budget);
    const spent = 1e9 - budget.remaining;
    expect(() => betaBinomialChainUpperTail(150, steps, 30, { remaining: spent - 1 })).toThrow(
      WorkBudgetExceeded,
    );
    expect(() => betaBinomialChainUpperTail(150, steps, 30, { remaining: spent })).not.toThrow();
  });
});

describe('chainMoments', () => {
  it('gives the mean and variance of the exact chain', () => {
    const n = 200;
    const steps = [
      { alpha: 21, beta: 61 },
      { alpha: 9, beta: 4 },
    ];
    // The exact distribution of X₂, by the oracle above.
    const dist = exactChain(n, steps);
    const mean = dist.reduce((s, p, j) => s + p * j, 0);
    const variance = dist.reduce((s, p, j) => s + p * (j - mean) ** 2, 0);
    const moments = chainMoments(n, steps);
    expectClose(moments.mean, mean, 1e-12);
    expectClose(moments.variance, variance, 1e-10);
  });
});
