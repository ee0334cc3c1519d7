import { assertNoTypos } from '../_lib/validate/options';
import type { BusinessCalendar, BusinessDuration, InstantInput } from '../calendar/index';
import { assertObject } from '../errors';
import { evaluateSla, newClock, readPolicy } from './_internal/clock';

/**
 * A time the SLA clock stood still, e.g. while waiting on the customer.
 *
 * @category SLA
 */
export interface SlaPause {
  /** When the pause began. */
  readonly from: InstantInput;
  /** When it ended; absent while it lasts. */
  readonly to?: InstantInput | null | undefined;
}

/**
 * Input of {@link slaStatus}.
 *
 * @category SLA
 */
export interface SlaStatusOptions {
  /** When the clock started (e.g. the lead became an MQL). */
  readonly start: InstantInput;
  /** When it stopped (accepted or rejected, first touch); absent or `null` while open. */
  readonly stop?: InstantInput | null | undefined;
  /** Pauses of the clock, in any order, not overlapping. */
  readonly pauses?: readonly SlaPause[] | undefined;
  /** The agreed response time, in business time of `calendar`. */
  readonly target: BusinessDuration;
  /**
   * Share of the target after which a running item is at risk, in (0, 1].
   * @defaultValue 0.8
   */
  readonly warnAt?: number;
  /**
   * The calendar whose open time the clock counts.
   * @defaultValue alwaysOpen
   */
  readonly calendar?: BusinessCalendar;
  /** The moment of evaluation; a `stop` after it is not yet known. */
  readonly asOf: InstantInput;
  /** An item's id, accepted so that `{ ...item, target, asOf }` works; not used. */
  readonly id?: string | number | undefined;
  /** An item's owner, accepted likewise; not used. */
  readonly owner?: string | undefined;
  /** An item's outcome, accepted likewise; not used. */
  readonly outcome?: string | undefined;
}

/**
 * State of an SLA clock.
 *
 * - `running`: open, before `warnAt` of the target.
 * - `at-risk`: open, past `warnAt` of the target but not past due.
 * - `met`: stopped at or before the due time.
 * - `breached`: stopped after the due time, or still open past it.
 *
 * @category SLA
 */
export type SlaState = 'running' | 'at-risk' | 'met' | 'breached';

/**
 * Result of {@link slaStatus}.
 *
 * @category SLA
 */
export interface SlaStatusResult {
  /** The state at `asOf`. */
  readonly state: SlaState;
  /**
   * The last instant at which the target is not yet exceeded (later by the
   * business time of pauses before it). When the target runs out at closing
   * time, that is the next opening: no business time passes in between.
   */
  readonly dueAt: Date;
  /** `dueAt` when breached, else `null`. */
  readonly breachedAt: Date | null;
  /** Business time the clock has run: to `stop` if stopped, else to `asOf`; pauses excluded. */
  readonly elapsedMs: number;
  /** Business time left before the due time; 0 once past it or stopped. */
  readonly remainingMs: number;
  /** Whether a pause is in progress at `asOf`. */
  readonly paused: boolean;
  /** The stop, when known at `asOf`; else `null` (still open). */
  readonly stoppedAt: Date | null;
}

/** The clock's keys: any other key is an item field, unless it is a typo of one of these. */
const STATUS_KEYS = ['start', 'stop', 'pauses', 'target', 'warnAt', 'calendar', 'asOf'];

/**
 * The state of one SLA clock at an instant: how much business time has run,
 * when it is due, and whether it is running, at risk, met or breached.
 *
 * The clock counts only open time of the calendar (24/7 by default), skips
 * pauses, and a `stop` at or before the due time is met. An item still open
 * past its due time is breached, with `breachedAt` its due time.
 *
 * @param input - Start, stop, pauses, target, warning share, calendar and `asOf`.
 * @returns State, due time, breach time, elapsed and remaining business time.
 * @throws {LeadMathError} `INVALID_DATE` for a bad instant.
 * @throws {LeadMathError} `INVALID_DURATION` for a target that is not a positive business duration.
 * @throws {LeadMathError} `INVALID_RATE` for a `warnAt` outside (0, 1].
 * @throws {LeadMathError} `INVALID_DURATION` also for a target that would end after 2200.
 * @throws {LeadMathError} `INVALID_CALENDAR` for a calendar not made by {@link businessCalendar}.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a stop before the start, a start after `asOf`,
 * overlapping pauses, or a key in `input` that is a typo of one of its own (`asof`, `warnat`).
 * Other keys are an item's fields and pass, so `{ ...item, target, asOf }` works for any item.
 *
 * @example
 * ```ts
 * import { businessCalendar, slaStatus } from 'leadmath';
 *
 * const nineToFive = [['09:00', '17:00']] as const;
 * const calendar = businessCalendar({
 *   timeZone: 'America/New_York',
 *   hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
 * });
 * // An MQL handed over on Friday at 16:00 must be accepted or rejected within 2 business hours.
 * const status = slaStatus({
 *   start: '2026-03-06T16:00:00-05:00',
 *   target: { hours: 2 },
 *   calendar,
 *   asOf: '2026-03-09T09:45:00-04:00',
 * });
 * status.state; //=> 'at-risk'
 * status.dueAt.toISOString(); //=> '2026-03-09T14:00:00.000Z'
 * status.remainingMs / 60_000; //=> 15
 * ```
 *
 * @category SLA
 */
export function slaStatus(input: SlaStatusOptions): SlaStatusResult {
  const fn = 'slaStatus';
  const fields = assertObject(fn, 'input', input);
  assertNoTypos(fn, '', fields, STATUS_KEYS);
  const clock = evaluateSla(fn, '', -1, fields, readPolicy(fn, fields, ''), newClock());
  return {
    state: clock.state,
    dueAt: new Date(clock.dueAt),
    breachedAt: clock.state === 'breached' ? new Date(clock.dueAt) : null,
    elapsedMs: clock.elapsedMs,
    remainingMs: clock.remainingMs,
    paused: clock.paused,
    stoppedAt: Number.isNaN(clock.stoppedAt) ? null : new Date(clock.stoppedAt),
  };
}

/**
 * Former name of {@link SlaStatusOptions}.
 *
 * @deprecated Use {@link SlaStatusOptions}; this alias will be removed in the next minor version.
 * @category SLA
 */
export type SlaStatusInput = SlaStatusOptions;
