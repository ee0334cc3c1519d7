import { CompensatedSum } from '../_lib/stats/sum';
import { rowInstant, rowObject } from '../_lib/validate/instants';
import { readFields } from '../_lib/validate/options';
import type { InstantInput } from '../calendar/index';
import { assertArray, assertCount, assertNonNegative, fail } from '../errors';
import { shiftWindow } from './_internal/window';
import type { ResolvedWindow, TimeWindow } from './laggedWindow';

/**
 * One spend entry.
 *
 * @category Planning
 */
export interface SpendEntry {
  /** When the money was spent: a `Date`, epoch ms, or ISO string with an offset. */
  readonly at: InstantInput;
  /** Amount spent, a finite number ≥ 0. */
  readonly amount: number;
}

/**
 * Input of {@link laggedCostPer}.
 *
 * @category Planning
 */
export interface LaggedCostPerOptions {
  /** Spend entries, in any order. */
  readonly spend: readonly SpendEntry[];
  /** Leads that reached the stage in `window` (a non-negative integer). */
  readonly count: number;
  /** The reporting window `[start, end)` in which `count` was measured. */
  readonly window: TimeWindow;
  /** Days leads take to reach the stage (e.g. the MQL → SQL velocity), ≥ 0. */
  readonly lagDays: number;
  /**
   * IANA time zone whose calendar days are counted.
   * @defaultValue 'UTC'
   */
  readonly timeZone?: string;
}

/**
 * Result of {@link laggedCostPer}.
 *
 * @category Planning
 */
export interface LaggedCostPerResult {
  /** Spend inside the lagged window, summed with compensated summation. */
  readonly spend: number;
  /** The count it is divided by. */
  readonly count: number;
  /** `spend ÷ count`, or `null` when `count` is 0. */
  readonly costPer: number | null;
  /** The lagged window `[start, end)` whose spend was counted. */
  readonly window: ResolvedWindow;
}

/**
 * Lag-adjusted cost per stage: the spend that produced this period's SQLs
 * (say) is the spend of the window shifted back by the time leads take to
 * become SQLs. With a 30-day lag, Q1's SQLs are charged the spend from 30 days
 * before 1 January to 30 days before 1 April.
 *
 * Spend is counted by instant inside the half-open lagged window
 * `[start, end)`; entries outside it are ignored.
 *
 * @param input - Spend entries, count, reporting window, lag and time zone.
 * @returns The lagged spend, the count, the cost per lead and the lagged window.
 * @throws {LeadMathError} `INVALID_NUMBER` for a negative or non-finite amount.
 * @throws {LeadMathError} `INVALID_COUNT` for a bad count.
 * @throws {LeadMathError} `INVALID_DATE`, `INVALID_DURATION`, `INVALID_TIME_ZONE` and
 * `INVALID_ARGUMENT` as {@link laggedWindow}, and for a bad spend instant.
 *
 * @example
 * ```ts
 * import { laggedCostPer } from 'leadmath';
 *
 * const result = laggedCostPer({
 *   spend: [
 *     { at: '2025-12-10T00:00:00Z', amount: 40_000 }, // inside the lagged window
 *     { at: '2026-02-15T00:00:00Z', amount: 50_000 }, // inside
 *     { at: '2026-03-20T00:00:00Z', amount: 60_000 }, // after 2 March: next quarter's SQLs
 *   ],
 *   count: 600,
 *   window: { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' },
 *   lagDays: 30,
 * });
 * result.spend; //=> 90000
 * result.costPer; //=> 150
 * ```
 *
 * @category Planning
 */
export function laggedCostPer(input: LaggedCostPerOptions): LaggedCostPerResult {
  const fn = 'laggedCostPer';
  const fields = readFields(
    fn,
    input,
    ['spend', 'count', 'window', 'lagDays', 'timeZone'],
    'input',
    '',
  );
  const count = assertCount(fn, 'count', fields.count);
  const window = shiftWindow(fn, fields.window, fields.lagDays, fields.timeZone, {
    window: 'window',
    lagDays: 'lagDays',
    timeZone: 'timeZone',
  });
  const start = window.start.getTime();
  const end = window.end.getTime();
  const entries = assertArray(fn, 'spend', fields.spend);
  const total = new CompensatedSum();
  for (let i = 0; i < entries.length; i++) {
    const entry = rowObject(fn, 'spend', i, entries[i]);
    const at = rowInstant(fn, 'spend', i, 'at', entry.at);
    const amount = assertNonNegative(fn, `spend[${i}].amount`, entry.amount);
    if (at >= start && at < end) {
      total.add(amount);
      if (!Number.isFinite(total.value)) {
        fail(
          'INVALID_NUMBER',
          fn,
          `spend[${i}].amount`,
          amount,
          'an amount that keeps the total spend finite',
        );
      }
    }
  }
  const spend = total.value;
  return { spend, count, costPer: count === 0 ? null : spend / count, window };
}

/**
 * Former name of {@link LaggedCostPerOptions}.
 *
 * @deprecated Use {@link LaggedCostPerOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type LaggedCostPerInput = LaggedCostPerOptions;
