import { scaledIntegers } from '../_lib/stats/exact';
import { assertArray, assertCount, assertNonNegative, fail } from '../errors';

/**
 * Spreads a whole-number target over periods in proportion to their weights
 * (business days per month, say), by largest remainder: each period first
 * gets the whole part of its exact share, then the leftover units go to the
 * largest fractional parts, ties to the earlier period.
 *
 * The parts always sum exactly to `total`, each lies within 1 of its exact
 * share `total × weight ÷ Σ weights`, and a period of weight 0 gets 0.
 *
 * @param total - The whole-number target to spread (a non-negative integer).
 * @param weights - One non-negative weight per period, at least one positive.
 * @returns One integer part per period, in order.
 * @throws {LeadMathError} `INVALID_COUNT` when `total` is not a non-negative safe integer.
 * @throws {LeadMathError} `INVALID_ARGUMENT` when `weights` is empty or all zero.
 *
 * The shares are computed exactly (with BigInt arithmetic on the weights'
 * binary values), so the result is right for every safe-integer total, up
 * to `Number.MAX_SAFE_INTEGER`.
 * @throws {LeadMathError} `INVALID_NUMBER` for a negative or non-finite weight.
 *
 * @example
 * ```ts
 * import { spreadTarget } from 'leadmath';
 *
 * // 1,000 MQLs over a quarter with 22, 20 and 21 business days
 * spreadTarget(1000, [22, 20, 21]); //=> [349, 318, 333]
 * spreadTarget(10, [1, 1, 1]); //=> [4, 3, 3]
 * ```
 *
 * @category Planning
 */
export function spreadTarget(total: number, weights: readonly number[]): number[] {
  const fn = 'spreadTarget';
  assertCount(fn, 'total', total);
  const items = assertArray(fn, 'weights', weights, 1);
  let weightSum = 0;
  for (let i = 0; i < items.length; i++)
    weightSum += assertNonNegative(fn, `weights[${i}]`, items[i]);
  if (!(weightSum > 0)) {
    fail('INVALID_ARGUMENT', fn, 'weights', weights, 'weights with a positive sum');
  }
  // Exact shares: the weights as integers of one common scale, so that
  // total × weight ÷ Σ weights is an exact quotient and remainder.
  const scaled = scaledIntegers(items as readonly number[]);
  let sum = 0n;
  for (const w of scaled) sum += w;
  const whole = BigInt(total);
  const parts = new Array<number>(items.length);
  const remainders = new Array<bigint>(items.length);
  let assigned = 0n;
  for (let i = 0; i < items.length; i++) {
    const share = whole * scaled[i]!;
    const floor = share / sum;
    parts[i] = Number(floor);
    remainders[i] = share - floor * sum;
    assigned += floor;
  }
  // Fewer leftover units than non-zero remainders: each goes to one period.
  const leftover = Number(whole - assigned);
  // Largest remainder first; the sort is stable, so equal remainders keep
  // period order (the earlier period first).
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    return ra > rb ? -1 : ra < rb ? 1 : 0;
  });
  for (let k = 0; k < leftover; k++) parts[order[k]!]!++;
  return parts;
}
