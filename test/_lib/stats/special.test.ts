import { describe, expect, it } from 'vitest';
import { betaBinomialChainUpperTail, betaBinomialPmf } from '../../../src/_lib/stats/betaBinomial';
import {
  binomialLowerTail,
  binomialUpperTail,
  logGamma,
  regularizedBeta,
} from '../../../src/_lib/stats/special';

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

describe('logGamma across the reflection point', () => {
  // mpmath.loggamma at 40 digits.
  const cases: ReadonlyArray<[number, number]> = [
    [1e-8, 18.42068073818021],
    [1e-3, 6.907178885383853],
    [0.3, 1.0957979948180756],
    [0.49, 0.592249629335267],
    [0.5, 0.5723649429247001],
    [0.7, 0.26086724653166654],
    [1.5, -0.12078223763524522],
    [9.5, 11.689333420797269],
    [10.5, 13.940625219403763],
    [50, 144.5657439463449],
  ];
  for (const [x, expected] of cases) {
    it(`ln Γ(${x})`, () => {
      expect(Math.abs(logGamma(x) - expected)).toBeLessThan(
        4e-15 * Math.max(1, Math.abs(expected)),
      );
    });
  }
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
    // mpmath.betainc(regularized=True): both sides of the switch at
    // (a + 1) / (a + b + 2), and a = 10 and b = 10, where the large-parameter
    // front factor starts
    [0.45, 10, 12, 0.4883135430783529],
    [0.5, 10, 10, 0.5],
    [0.5, 9, 30, 0.9997640066285385],
    [0.2, 10, 40, 0.5282957856733863],
    [0.25, 10, 40, 0.8166124177620249],
    [0.9, 3, 2, 0.9477],
    // scipy.special.betainc: parameters in the millions
    [0.49999, 5e6, 5e6, 0.4747854862024395],
    [0.2, 4e5, 1.6e6, 0.500141047407347],
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

describe('binomialLowerTail', () => {
  it('matches scipy.stats.binom.cdf far past the mode and far below it', () => {
    // binom.cdf(899, 1000, 0.1) = 1.0; binom.cdf(30, 1000, 0.1) = 1.3808381877900917e-17
    expect(Math.abs(binomialLowerTail(900, 1000, 0.1) - 1)).toBeLessThan(1e-14);
    const low = binomialLowerTail(31, 1000, 0.1);
    expect(Math.abs(low - 1.3808381877900917e-17)).toBeLessThan(1e-10 * 1.38e-17);
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
