import { assertWholeDays } from '../_lib/validate/durations';
import { assertTimeZone, inSupportedRange, Temporal, toEpochMs } from '../_lib/validate/instants';
import { readOptions } from '../_lib/validate/options';
import type { InstantInput } from '../calendar/index';

/** The most review dates one call lists. */
const MAX_REVIEWS = 10_000;

import { fail } from '../errors';

/**
 * One entry of a scoring model's change log: keep one per published version,
 * so that a later review can see what changed, when, by whom and why.
 *
 * @category Scoring
 */
export interface ModelChange {
  /** The model version this entry describes (the model's `version`). */
  readonly version: string | number;
  /** When the version was published: an ISO 8601 date or instant. */
  readonly date: string;
  /** Who made the change. */
  readonly author: string;
  /** What changed and why (e.g. "sales notes: webinar leads rarely convert"). */
  readonly note: string;
}

/**
 * Options of {@link reviewDates}.
 *
 * @category Scoring
 */
export interface ReviewDatesOptions {
  /**
   * Days from publication to the first review.
   * @defaultValue 60
   */
  readonly firstAfterDays?: number;
  /**
   * Days between later reviews.
   * @defaultValue 90
   */
  readonly everyDays?: number;
  /** How many review dates to return (a positive integer). */
  readonly count: number;
  /**
   * Time zone whose calendar days are counted.
   * @defaultValue 'UTC'
   */
  readonly timeZone?: string;
}

/**
 * When to review a scoring model: a model set once and never revisited is
 * only as good as its first guess. Review first 60 days after publishing it,
 * then every 90 days (both configurable), counting calendar days in a time
 * zone.
 *
 * @param publishedAt - When the model version was published.
 * @param options - `count`, and optionally `firstAfterDays`, `everyDays` and `timeZone`.
 * @returns `count` review instants, in order.
 * @throws {LeadMathError} `INVALID_DATE` for a bad `publishedAt`.
 * @throws {LeadMathError} `INVALID_DURATION` for non-integer or non-positive day counts.
 * @throws {LeadMathError} `INVALID_COUNT` for a `count` that is not a positive integer.
 * @throws {LeadMathError} `INVALID_TIME_ZONE` for an unknown zone.
 *
 * @example
 * ```ts
 * import { reviewDates } from 'leadmath';
 *
 * reviewDates('2026-01-15T00:00:00Z', { count: 3 }).map((d) => d.toISOString().slice(0, 10));
 * //=> ['2026-03-16', '2026-06-14', '2026-09-12']
 * ```
 *
 * @category Scoring
 */
export function reviewDates(publishedAt: InstantInput, options: ReviewDatesOptions): Date[] {
  const fn = 'reviewDates';
  const start = toEpochMs(fn, 'publishedAt', publishedAt);
  const fields = readOptions(fn, options, ['firstAfterDays', 'everyDays', 'count', 'timeZone']);
  const first =
    fields.firstAfterDays === undefined
      ? 60
      : assertWholeDays(fn, 'options.firstAfterDays', fields.firstAfterDays, 1);
  const every =
    fields.everyDays === undefined
      ? 90
      : assertWholeDays(fn, 'options.everyDays', fields.everyDays, 1);
  const count = fields.count;
  if (
    typeof count !== 'number' ||
    !Number.isSafeInteger(count) ||
    count < 1 ||
    count > MAX_REVIEWS
  ) {
    fail('INVALID_COUNT', fn, 'options.count', count, `a whole number from 1 to ${MAX_REVIEWS}`);
  }
  const zone =
    fields.timeZone === undefined ? 'UTC' : assertTimeZone(fn, 'options.timeZone', fields.timeZone);
  const published = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(zone);
  const dates: Date[] = [];
  for (let i = 0; i < count; i++) {
    const days = first + i * every;
    const at = published.add({ days }).toInstant().epochMilliseconds;
    if (!inSupportedRange(at)) {
      fail(
        'INVALID_COUNT',
        fn,
        'options.count',
        count,
        'a count whose last review falls before 2200-01-01T00:00Z',
      );
    }
    dates.push(new Date(at));
  }
  return dates;
}
