import { describe, expect, it } from 'vitest';
import { betaBinomialChainUpperTail, betaBinomialPmf } from '../../../src/_lib/stats/betaBinomial';
import { binomialUpperTail, logGamma, regularizedBeta } from '../../../src/_lib/stats/special';

// Reference values from scipy 1.17 (scipy.special.betainc, gammaln,
// scipy.stats.binom.sf and betabinom).
describe('logGamma', () => {
  it('matches scipy.special.gammaln', () => {
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
    expect(logGamma(2.5)).toBeCloseTo(0.2846828704729192, 13);
    expect(logGamma(10)).toBeCloseTo(12.801827480081469, 12);
    expect(logGamma(1000) / 5905.220423209181).toBeCloseTo(1, 14);
    expect(logGamma(1e7) / 151180949.36947393).toBeCloseTo(1, 14);
  });
});

describe('regularizedBeta', () => {
  const cases: ReadonlyArray<[number, number, number, number]> = [
    [0.3, 2, 5, 0.5798250000000003],
    [0.5, 0.5, 0.5, 0.5000000000000001],
    [0.05, 100, 2000, 0.7037440459360629],
    [0.2, 200, 801, 0.512613925614515],
    [1e-5, 1, 1e6, 0.9999546023401924],
    // large parameters: the naive log-gamma front factor would be off by ~1e-8 here
    [0.0125, 100000, 7900001, 0.5004284649567259],
  ];
  for (const [x, a, b, expected] of cases) {
    it(`I_${x}(${a}, ${b}) matches scipy.special.betainc`, () => {
      expect(regularizedBeta(x, a, b)).toBeCloseTo(expected, 12);
    });
  }

  it('is 0 at x = 0 and 1 at x = 1', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe('binomialUpperTail', () => {
  it('matches scipy.stats.binom.sf', () => {
    expect(binomialUpperTail(200, 1000, 0.2)).toBeCloseTo(0.512613925614515, 12);
    expect(binomialUpperTail(200, 16500, 0.0125)).toBeCloseTo(0.6787118702636679, 12);
    expect(binomialUpperTail(200, 4357, 0.05)).toBeCloseTo(0.9001732729615166, 12);
  });

  it('is 1 for k ≤ 0 and 0 for k > n', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
  });
});

describe('betaBinomialPmf', () => {
  it('matches scipy.stats.betabinom.pmf and sums to 1', () => {
    const { lo, p } = betaBinomialPmf(50, 3, 7);
    expect(p[10 - lo]).toBeCloseTo(0.0491983310051038, 14);
    expect(p[0 - lo]).toBeCloseTo(0.002583899843120369, 14);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });
});

describe('betaBinomialChainUpperTail', () => {
  it('matches scipy for one step (betabinom.sf)', () => {
    expect(
      betaBinomialChainUpperTail(1000, [{ alpha: 41, beta: 161 }], 190, { remaining: 1e9 }),
    ).toBeCloseTo(0.6574415511205138, 12);
  });

  it('matches the two-step chain summed with scipy', () => {
    const steps = [
      { alpha: 201, beta: 801 },
      { alpha: 51, beta: 151 },
    ];
    expect(betaBinomialChainUpperTail(5000, steps, 200, { remaining: 1e9 })).toBeCloseTo(
      0.9295696557477289,
      10,
    );
  });
});
