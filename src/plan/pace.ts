import { readFields } from '../_lib/validate/options';
import { assertFiniteResult, assertNonNegative, assertPositive, fail } from '../errors';

/**
 * Input of {@link pace}.
 *
 * @category Planning
 */
export interface PaceOptions {
  /** Target for the whole period, a finite number ≥ 0. */
  readonly target: number;
  /** Achieved so far, a finite number ≥ 0. */
  readonly actual: number;
  /** Business days elapsed, from 0 to `totalBusinessDays`. */
  readonly elapsedBusinessDays: number;
  /** Business days in the whole period, > 0. */
  readonly totalBusinessDays: number;
}

/**
 * Result of {@link pace}.
 *
 * @category Planning
 */
export interface PaceResult {
  /** `actual ÷ elapsedBusinessDays`; `null` before the first business day has passed. */
  readonly dailyRate: number | null;
  /** Total at the end of the period if the current daily rate holds; `null` with no elapsed days. */
  readonly projected: number | null;
  /** Whether the target is met already or the projection reaches it. */
  readonly onTrack: boolean;
  /** `max(0, target − actual)`. */
  readonly remaining: number;
  /**
   * Daily rate needed over the remaining business days to reach the target;
   * 0 when it is met, `null` when no business days remain and it is not.
   */
  readonly requiredDailyRate: number | null;
}

/**
 * Whether a period is on pace for its target, at the daily rate so far.
 *
 * @param input - Target, actual so far, and elapsed and total business days.
 * @returns The current daily rate, the projection, whether it is on track and
 * the daily rate the rest of the period needs.
 * @throws {LeadMathError} `INVALID_NUMBER` for negative or non-finite values, a non-positive
 * total, or elapsed days beyond the total.
 *
 * @example
 * ```ts
 * import { pace } from 'leadmath';
 *
 * // 450 MQLs after 10 of 21 business days, against a target of 1,000
 * pace({ target: 1000, actual: 450, elapsedBusinessDays: 10, totalBusinessDays: 21 });
 * //=> { dailyRate: 45, projected: 945, onTrack: false, remaining: 550, requiredDailyRate: 50 }
 * ```
 *
 * @category Planning
 */
export function pace(input: PaceOptions): PaceResult {
  const fn = 'pace';
  const fields = readFields(
    fn,
    input,
    ['target', 'actual', 'elapsedBusinessDays', 'totalBusinessDays'],
    'input',
    '',
  );
  const target = assertNonNegative(fn, 'target', fields.target);
  const actual = assertNonNegative(fn, 'actual', fields.actual);
  const total = assertPositive(fn, 'totalBusinessDays', fields.totalBusinessDays);
  const elapsed = assertNonNegative(fn, 'elapsedBusinessDays', fields.elapsedBusinessDays);
  if (elapsed > total) {
    fail('INVALID_NUMBER', fn, 'elapsedBusinessDays', elapsed, `≤ totalBusinessDays (${total})`);
  }
  const dailyRate = elapsed > 0 ? assertFiniteResult(fn, 'actual', actual, actual / elapsed) : null;
  const projected =
    dailyRate === null ? null : assertFiniteResult(fn, 'actual', actual, dailyRate * total);
  const remaining = Math.max(0, target - actual);
  const daysLeft = total - elapsed;
  return {
    dailyRate,
    projected,
    onTrack: remaining === 0 || (projected !== null && projected >= target),
    remaining,
    requiredDailyRate:
      remaining === 0
        ? 0
        : daysLeft > 0
          ? assertFiniteResult(fn, 'target', target, remaining / daysLeft)
          : null,
  };
}

/**
 * Former name of {@link PaceOptions}.
 *
 * @deprecated Use {@link PaceOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type PaceInput = PaceOptions;
