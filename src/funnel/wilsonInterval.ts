import { twoSidedZ } from '../_lib/stats/normal';
import { DEFAULT_CONFIDENCE, wilsonBounds } from '../_lib/stats/wilson';
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
