// @ts-nocheck
import { assertFiniteResult, assertNonNegative, assertPositive } from '../errors';

/**
 * Count per business day: `count ÷ businessDays`. Months differ in length, so
 * compare them per business day, not per month.
 *
 * @param count - Leads (or deals, or spend) in the period, a finite number ≥ 0.
 * @param businessDays - Business days in the period, a finite number > 0.
 * @returns The daily rate.
 * @throws {LeadMathError} `INVALID_NUMBER` for a negative count or non-positive business days,
 * or a count so large against the days that the rate is not finite. A count may be
 * fractional: it can be an amount (spend), not only whole leads.
 *
 * @example
 * ```ts
 * import { dailyRate } from 'leadmath';
 *
 * dailyRate(1000, 20); //=> 50
 * ```
 *
 * @category Planning
 */
export function dailyRate(count: number, businessDays: number): number {
  const fn = 'dailyRate';
  assertNonNegative(fn, 'count', count);
  assertPositive(fn, 'businessDays', businessDays);
  return assertFiniteResult(fn, 'count', count, count / businessDays);
}
