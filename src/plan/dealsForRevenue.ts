import { smallestCovering } from '../_lib/stats/cover';
import { assertNonNegative, assertPositive } from '../errors';

/**
 * The number of deals needed to reach a revenue target: the smallest integer
 * `d` with `d × averageDealSize ≥ revenue`.
 *
 * Float noise never adds a deal: the comparison has a relative tolerance of
 * 1e-9, so `dealsForRevenue(0.3, 0.1)` is 3 although `0.3 / 0.1` is
 * 2.9999999999999996 in binary floating point.
 *
 * @param revenue - Revenue target, a finite number ≥ 0.
 * @param averageDealSize - Average revenue per deal, a finite number > 0.
 * @returns The required number of deals (0 for a zero target).
 * @throws {LeadMathError} `INVALID_NUMBER` when `revenue` is negative or not finite,
 * `averageDealSize` is not positive and finite, or the result exceeds `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * import { dealsForRevenue } from 'leadmath';
 *
 * dealsForRevenue(10_000_000, 50_000); //=> 200
 * dealsForRevenue(1_000_001, 50_000); //=> 21
 * dealsForRevenue(0.3, 0.1); //=> 3
 * ```
 *
 * @category Planning
 */
export function dealsForRevenue(revenue: number, averageDealSize: number): number {
  const fn = 'dealsForRevenue';
  assertNonNegative(fn, 'revenue', revenue);
  assertPositive(fn, 'averageDealSize', averageDealSize);
  return smallestCovering(revenue, averageDealSize, fn, 'revenue', revenue);
}
