import { rowInstant, rowObject, rowPath } from '../_lib/validate/instants';
import { eachRow, readOnInvalid } from '../_lib/validate/issues';
import { readOptions } from '../_lib/validate/options';
import type { BusinessCalendar, InstantInput } from '../calendar/index';
import { assertArray, fail, type LeadMathIssue } from '../errors';
import { readCalendar } from './_internal/readCalendar';

/**
 * A lead and its first touch.
 *
 * @category SLA
 */
export interface SpeedToLeadItem {
  /** When the lead arrived (or became an MQL). */
  readonly start: InstantInput;
  /** First touch by sales; absent or `null` if never. */
  readonly stop?: InstantInput | null | undefined;
}

/**
 * Options of {@link speedToLead}.
 *
 * @category SLA
 */
export interface SpeedToLeadOptions {
  /**
   * Calendar whose open time counts; by default elapsed time.
   * @defaultValue alwaysOpen
   */
  readonly calendar?: BusinessCalendar;
  /**
   * What a bad item does: `'throw'` throws on the first one, naming its row;
   * `'collect'` leaves it out (of `total` too) and lists it in `issues`.
   * @defaultValue 'throw'
   */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * One response-time bucket.
 *
 * @category SLA
 */
export interface SpeedBucket {
  /** `'≤5 min'`, `'≤1 h'`, `'≤24 h'`, `'>24 h'` or `'never'`. */
  readonly label: '≤5 min' | '≤1 h' | '≤24 h' | '>24 h' | 'never';
  /** Leads in the bucket. */
  readonly count: number;
  /** `count ÷ total`, or `null` with no leads. */
  readonly share: number | null;
}

/**
 * Result of {@link speedToLead}.
 *
 * @category SLA
 */
export interface SpeedToLeadResult {
  /** All leads. */
  readonly total: number;
  /** Each lead in exactly one bucket, fastest first. */
  readonly buckets: readonly SpeedBucket[];
  /** Share answered within an hour (the first two buckets); `null` with no leads. */
  readonly withinHour: number | null;
  /** With `onInvalid: 'collect'`, the items left out as bad, by row. */
  readonly issues?: readonly LeadMathIssue[];
}

const LIMITS = [5 * 60_000, 3_600_000, 86_400_000] as const;
const LABELS = ['≤5 min', '≤1 h', '≤24 h', '>24 h', 'never'] as const;

/**
 * How fast leads are answered: each lead in exactly one bucket (not
 * cumulative), bounds inclusive: `≤5 min`, `≤1 h`, `≤24 h`, `>24 h`, and
 * `never` for leads not yet touched. Answering within an hour makes a
 * meaningful conversation several times more likely, and only about a third
 * of firms manage it; `withinHour` is that share.
 *
 * @param items - Leads with `start` and, once touched, `stop`.
 * @param options - Optionally a calendar to count open time only.
 * @returns The buckets with counts and shares, and the share within an hour.
 * @throws {LeadMathError} `INVALID_DATE` for a bad instant; `INVALID_ARGUMENT` for a stop before its start.
 *
 * @example
 * ```ts
 * import { speedToLead } from 'leadmath';
 *
 * const result = speedToLead([
 *   { start: '2026-03-02T09:00:00Z', stop: '2026-03-02T09:05:00Z' },
 *   { start: '2026-03-02T09:00:00Z', stop: '2026-03-02T09:40:00Z' },
 *   { start: '2026-03-02T09:00:00Z', stop: '2026-03-03T12:00:00Z' },
 *   { start: '2026-03-02T09:00:00Z' },
 * ]);
 * result.buckets.map((b) => `${b.label}: ${b.count}`);
 * //=> ['≤5 min: 1', '≤1 h: 1', '≤24 h: 0', '>24 h: 1', 'never: 1']
 * result.withinHour; //=> 0.5
 * ```
 *
 * @category SLA
 */
export function speedToLead(
  items: readonly SpeedToLeadItem[],
  options?: SpeedToLeadOptions,
): SpeedToLeadResult {
  const fn = 'speedToLead';
  const list = assertArray(fn, 'items', items);
  const fields = readOptions(fn, options, ['calendar', 'onInvalid']);
  const calendar = readCalendar(fn, 'options.calendar', fields.calendar);
  const onInvalid = readOnInvalid(fn, 'options.onInvalid', fields.onInvalid);
  const counts = [0, 0, 0, 0, 0];
  const issues = eachRow(list.length, onInvalid, (i) => {
    const item = rowObject(fn, 'items', i, list[i]);
    const start = rowInstant(fn, 'items', i, 'start', item.start);
    if (item.stop === undefined || item.stop === null) {
      counts[4]!++;
      return;
    }
    const stop = rowInstant(fn, 'items', i, 'stop', item.stop);
    if (stop < start) {
      fail(
        'INVALID_ARGUMENT',
        fn,
        rowPath('items', i, 'stop'),
        item.stop,
        'an instant at or after start',
      );
    }
    const ms = calendar.between(start, stop);
    counts[ms <= LIMITS[0] ? 0 : ms <= LIMITS[1] ? 1 : ms <= LIMITS[2] ? 2 : 3]!++;
  });
  const total = list.length - issues.length;
  const result: SpeedToLeadResult = {
    total,
    buckets: LABELS.map((label, b) => ({
      label,
      count: counts[b]!,
      share: total === 0 ? null : counts[b]! / total,
    })),
    withinHour: total === 0 ? null : (counts[0]! + counts[1]!) / total,
  };
  return onInvalid === 'collect' ? { ...result, issues } : result;
}
