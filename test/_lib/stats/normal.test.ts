import { describe, expect, it } from 'vitest';
import { normalQuantile, twoSidedZ } from '../../../src/_lib/stats/normal';

/*
 * Expected values from scipy 1.17.1: `from scipy.stats import norm; norm.ppf(p)`
 * for each p below (both tails and the centre of Wichura's AS 241).
 */
/** -norm.ppf((1 - c) / 2) for c = 1 - 1e-12, from scipy. */
const Z_TAIL = 7.130509892879273;

const cases: [number, number][] = [
  [0.5, 0],
  [0.975, 1.959963984540054],
  [0.025, -1.9599639845400545],
  [0.8, 0.8416212335729143],
  [0.2, -0.8416212335729142],
  [0.05, -1.6448536269514729],
  [0.0001, -3.7190164854556804],
  [0.999999, 4.753424308817087],
  [1e-10, -6.361340902404056],
  [1 - 1e-10, 6.361340889697422],
  // mpmath at 50 digits, −√2 erfinv(1 − 2p): the far tail of AS 241 (r > 5)
  [1e-20, -9.262340089798407],
  [1e-12, -7.034483825301132],
];

describe('normalQuantile', () => {
  it.each(cases)('Φ⁻¹(%s) = %s, as scipy', (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 13);
  });

  it('gives the two-sided critical value from the upper tail', () => {
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959963984540054, 14);
    // c = 1 - 1e-12; -norm.ppf((1 - c) / 2): the tail is taken from 1 − c
    // directly, not from (1 + c) / 2, which rounds away the digits that matter.
    expect(twoSidedZ(1 - 1e-12)).toBeCloseTo(Z_TAIL, 12);
  });
});
