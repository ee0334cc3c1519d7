import { readFields } from '../_lib/validate/options';
import { assertFiniteResult, assertNonNegative, assertPositive } from '../errors';

/**
 * A count over a number of business days.
 *
 * @category Planning
 */
export interface PeriodCount {
  /** Leads (or deals, or spend) in the period, a finite number ≥ 0. */
  readonly count: number;
  /** Business days in the period, a finite number > 0. */
  readonly businessDays: number;
}

/**
 * Result of {@link compareDailyRates}.
 *
 * @category Planning
 */
export interface CompareDailyRatesResult {
  /** Daily rate of the first period. */
  readonly rateA: number;
  /** Daily rate of the second period. */
  readonly rateB: number;
  /** `rateB ÷ rateA − 1`: +0.15 is 15 % more per day; `null` when `rateA` is 0. */
  readonly change: number | null;
}

/**
 * Compares two periods per business day. The same 1,000 leads in a
 * 20-business-day month as in a 23-day month is a 15 % higher daily rate.
 *
 * @param a - The reference period.
 * @param b - The period compared with it.
 * @returns Both daily rates and the relative change from `a` to `b`.
 * @throws {LeadMathError} `INVALID_NUMBER` for a negative count or non-positive business days,
 * or values whose rates or change are not finite (a count of 1e308 over half a day).
 * @throws {LeadMathError} `INVALID_ARGUMENT` when a period is not an object or has an unknown key.
 *
 * @example
 * ```ts
 * import { compareDailyRates } from 'leadmath';
 *
 * const { change } = compareDailyRates(
 *   { count: 1000, businessDays: 23 },
 *   { count: 1000, businessDays: 20 },
 * );
 * change?.toFixed(2); //=> '0.15'
 * ```
 *
 * @category Planning
 */
export function compareDailyRates(a: PeriodCount, b: PeriodCount): CompareDailyRatesResult {
  const fn = 'compareDailyRates';
  const rateA = readRate(fn, 'a', a);
  const rateB = readRate(fn, 'b', b);
  const change =
    rateA === 0
      ? null
      : assertFiniteResult(fn, 'a.count', (a as PeriodCount).count, rateB / rateA - 1);
  return { rateA, rateB, change };
}

function readRate(fn: string, path: string, value: unknown): number {
  const period = readFields(fn, value, ['count', 'businessDays'], path);
  const count = assertNonNegative(fn, `${path}.count`, period.count);
  const days = assertPositive(fn, `${path}.businessDays`, period.businessDays);
  return assertFiniteResult(fn, `${path}.count`, count, count / days);
}
