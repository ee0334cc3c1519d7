import { readOptions } from '../_lib/validate/options';
import type { InstantInput } from '../calendar/index';
import { shiftWindow } from './_internal/window';

/**
 * A half-open time window `[start, end)`. Instants are a `Date`, epoch
 * milliseconds, or an ISO 8601 string with an offset or `Z`.
 *
 * @category Planning
 */
export interface TimeWindow {
  /** First instant inside the window. */
  readonly start: InstantInput;
  /** First instant after the window. */
  readonly end: InstantInput;
}

/**
 * A resolved half-open window `[start, end)`.
 *
 * @category Planning
 */
export interface ResolvedWindow {
  /** First instant inside the window. */
  readonly start: Date;
  /** First instant after the window. */
  readonly end: Date;
}

/**
 * Options of {@link laggedWindow}.
 *
 * @category Planning
 */
export interface LaggedWindowOptions {
  /**
   * IANA time zone whose calendar days are counted.
   * @defaultValue 'UTC'
   */
  readonly timeZone?: string;
}

/**
 * Moves a window back by a lag in calendar days, in a time zone: the window
 * whose spend produced this window's results when leads take `lagDays` to
 * move from one stage to the next (e.g. a 30-day MQL → SQL velocity).
 *
 * Days are calendar days of the zone, not 24-hour blocks: a midnight stays a
 * midnight across a daylight-saving change. A wall time that does not exist
 * on the target day moves forward by the gap, as Temporal's `'compatible'`
 * disambiguation does.
 *
 * @param window - The reporting window `[start, end)`.
 * @param lagDays - Whole calendar days to move back, ≥ 0.
 * @param options - See {@link LaggedWindowOptions}.
 * @returns The window moved back, as `Date`s.
 * @throws {LeadMathError} `INVALID_DATE` for an instant that is not a valid Date, epoch
 * milliseconds or an ISO string with an offset.
 * @throws {LeadMathError} `INVALID_ARGUMENT` when the window ends before it starts.
 * @throws {LeadMathError} `INVALID_DURATION` for a negative or fractional lag.
 * @throws {LeadMathError} `INVALID_TIME_ZONE` for an unknown time zone.
 *
 * @example
 * ```ts
 * import { laggedWindow } from 'leadmath';
 *
 * // Q1 with a 30-day lag: from 30 days before 1 January to 30 days before 1 April
 * const { start, end } = laggedWindow(
 *   { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' },
 *   30,
 * );
 * start.toISOString(); //=> '2025-12-02T00:00:00.000Z'
 * end.toISOString(); //=> '2026-03-02T00:00:00.000Z'
 * ```
 *
 * @category Planning
 */
export function laggedWindow(
  window: TimeWindow,
  lagDays: number,
  options?: LaggedWindowOptions,
): ResolvedWindow {
  const fn = 'laggedWindow';
  const { timeZone } = readOptions(fn, options, ['timeZone']);
  return shiftWindow(fn, window, lagDays, timeZone, {
    window: 'window',
    lagDays: 'lagDays',
    timeZone: 'options.timeZone',
  });
}
