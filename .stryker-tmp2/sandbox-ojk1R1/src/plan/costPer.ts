// @ts-nocheck
import { assertCount, assertNonNegative } from '../errors';

/**
 * Cost per lead, MQL, SQL or deal: `spend ÷ count`, or `null` when the count
 * is 0 (the cost of nothing is undefined, not infinite).
 *
 * @param spend - Spend in the period, a finite number ≥ 0.
 * @param count - Leads at the stage in the period (a non-negative integer).
 * @returns The cost per lead at that stage, or `null`.
 * @throws {LeadMathError} `INVALID_NUMBER` for negative or non-finite spend.
 * @throws {LeadMathError} `INVALID_COUNT` for a count that is not a non-negative safe integer.
 *
 * @example
 * ```ts
 * import { costPer } from 'leadmath';
 *
 * costPer(120_000, 800); //=> 150
 * costPer(5_000, 0); //=> null
 * ```
 *
 * @category Planning
 */
export function costPer(spend: number, count: number): number | null {
  const fn = 'costPer';
  assertNonNegative(fn, 'spend', spend);
  assertCount(fn, 'count', count);
  return count === 0 ? null : spend / count;
}
