/**
 * The special functions on a grid of points, against scipy 1.17.1. The
 * values were printed by:
 *
 *   from scipy.special import gammaln, betainc
 *   from scipy.stats import binom, betabinom
 *   gammaln(x); betainc(a, b, x); binom.cdf(k - 1, n, p); betabinom.cdf(k - 1, n, a, b)
 *
 * for the arguments in each row (P(X < k) is the cdf at k − 1). The
 * beta-binomial tail takes integer α and β, as its callers pass.
 */
import { describe, expect, it } from 'vitest';
import {
  betaBinomialLowerTail,
  binomialLowerTail,
  logGamma,
  regularizedBeta,
} from '../../../src/_lib/stats/special';

/** Relative closeness (absolute below 1e-300). */
function close(got: number, want: number, digits: number): void {
  const scale = Math.max(Math.abs(want), 1e-300);
  expect(Math.abs(got - want) / scale).toBeLessThan(10 ** -digits);
}

describe('logGamma on both sides of the Stirling series (x < 10 and x ≥ 10)', () => {
  const grid: [number, number][] = [
    [0.5, 0.5723649429247],
    [1.5, -0.12078223763524526],
    [3, Math.LN2], // ln Γ(3) = ln 2
    [7.25, 7.0521854507385395],
    [9.999, 12.799575780077413],
    [10.5, 13.940625219403763],
    [25, 54.78472939811232],
    [123.456, 469.6055471299295],
  ];
  for (const [x, want] of grid) {
    it(`gammaln(${x})`, () => close(logGamma(x), want, 12));
  }
  it('is 0 at 1', () => expect(Math.abs(logGamma(1))).toBeLessThan(1e-15));
});

describe('regularizedBeta on both sides of the mean, small and large parameters', () => {
  const grid: [number, number, number, number][] = [
    [0.9, 2, 5, 0.999945],
    [0.7, 30, 10, 0.2241297491808364],
    [0.01, 0.5, 30, 0.560665631094749],
    [0.99, 3, 0.5, 0.8137462499999999],
    [0.5, 1000, 1000, 0.4999999999999992],
    [0.45, 5000, 6000, 0.169188400131846],
    [0.3, 1, 1, 0.3],
    [0.6, 12.5, 7.5, 0.3955401411161834],
  ];
  for (const [x, a, b, want] of grid) {
    it(`betainc(${a}, ${b}, ${x})`, () => close(regularizedBeta(x, a, b), want, 11));
  }
});

describe('binomialLowerTail', () => {
  const grid: [number, number, number, number][] = [
    [1, 10, 0.3, 0.028247524900000005],
    [3, 10, 0.3, 0.3827827863999998],
    [10, 10, 0.3, 0.9999940951],
    [50, 1000, 0.05, 0.4797410570873205],
    // scipy's binom.cdf gives 0.029252682555943182 here; the exact sum (mpmath, 40 digits:
    // sum(binomial(n, k) * p**k * (1 - p)**(n - k) for k in range(5))) is:
    [5, 100_000_000, 1e-7, 0.029252682401969973],
    [400, 1000, 0.4, 0.4879850394856611],
  ];
  for (const [k, n, p, want] of grid) {
    it(`P(X < ${k}), X ~ Binomial(${n}, ${p})`, () => close(binomialLowerTail(k, n, p), want, 11));
  }
});

describe('betaBinomialLowerTail', () => {
  const grid: [number, number, number, number, number][] = [
    [1, 10, 2, 3, 0.06593406593406595],
    [4, 10, 2, 3, 0.4545454545454546],
    [10, 10, 2, 3, 0.989010989010989],
    [30, 100, 5, 12, 0.5323833859881941],
    [200, 1000, 50, 150, 0.06081354783430267],
  ];
  for (const [k, n, a, b, want] of grid) {
    it(`P(X < ${k}), X ~ BetaBinomial(${n}, ${a}, ${b})`, () =>
      close(betaBinomialLowerTail(k, n, a, b), want, 11));
  }
});
