// @ts-nocheck
import { twoSidedZ } from '../_lib/normal';
import { assertCount, assertNotAbove, assertOpenUnit } from '../errors';

/**
 * Lower and upper bounds of a confidence interval for a proportion.
 *
 * @category Funnel
 */
export interface WilsonIntervalResult {
  /** Lower bound, in [0, 1]. */
  readonly low: number;
  /** Upper bound, in [0, 1]. */
  readonly high: number;
}

/** Default confidence level of every interval in leadmath. */
export const DEFAULT_CONFIDENCE = 0.95;

/** The two-sided critical value of the default confidence, z ≈ 1.96. */
export const DEFAULT_Z = twoSidedZ(DEFAULT_CONFIDENCE);

/**
 * Bounds of the Wilson score interval, the roots of
 * (n + z²)p² − (2x + z²)p + x²/n = 0, computed without cancellation: the
 * upper root directly (a sum of positive terms), the lower one from the
 * product of the roots, x² / (n (n + z²)). The naive centre ± half-width
 * loses about half the digits of a small lower bound.
 * Callers have validated the arguments.
 */
export function wilsonBounds(successes: number, trials: number, z: number): WilsonIntervalResult {
  if (trials === 0) return { low: 0, high: 1 };
  const x = successes;
  const n = trials;
  const z2 = z * z;
  const upper = (2 * x + z2 + z * Math.sqrt(z2 + (4 * x * (n - x)) / n)) / (2 * (n + z2));
  const lower = x === 0 ? 0 : ((x / n) * (x / (n + z2))) / upper;
  const rate = x / n;
  // The interval always contains the observed rate, and reaches 1 exactly
  // when every trial succeeded; clamp away rounding.
  return { low: Math.min(lower, rate), high: x === n ? 1 : Math.max(upper, rate) };
}

/**
 * Wilson score interval for a binomial proportion `successes / trials`.
 *
 * Unlike the textbook normal ("Wald") interval it never leaves [0, 1], is not
 * degenerate at 0 % or 100 %, and keeps close to its nominal coverage for
 * small samples, which is where funnel stages usually are. With no trials the
 * interval is the whole [0, 1].
 *
 * @param successes - Leads that advanced (a non-negative integer).
 * @param trials - Leads that entered (a non-negative integer ≥ `successes`).
 * @param confidence - Two-sided confidence level in (0, 1).
 * @defaultValue confidence `0.95`
 * @returns `{ low, high }`, with `low ≤ successes / trials ≤ high`.
 * @throws {LeadMathError} `INVALID_COUNT` when a count is not a non-negative safe integer.
 * @throws {LeadMathError} `INCONSISTENT_COUNTS` when `successes > trials`.
 * @throws {LeadMathError} `INVALID_RATE` when `confidence` is not in (0, 1).
 *
 * @example
 * ```ts
 * import { wilsonInterval } from 'leadmath';
 *
 * wilsonInterval(40, 200);
 * //=> { low: 0.15045..., high: 0.26085... }
 * wilsonInterval(0, 10).low; //=> 0
 * ```
 *
 * @category Funnel
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  confidence: number = DEFAULT_CONFIDENCE,
): WilsonIntervalResult {
  const fn = 'wilsonInterval';
  assertCount(fn, 'successes', successes);
  assertCount(fn, 'trials', trials);
  assertNotAbove(fn, 'successes', successes, 'trials', trials);
  assertOpenUnit(fn, 'confidence', confidence);
  return wilsonBounds(successes, trials, twoSidedZ(confidence));
}
