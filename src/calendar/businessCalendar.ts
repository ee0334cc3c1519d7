import { firstAtOrAfter } from '../_lib/columns/search';
import type { CalendarKernel } from '../_lib/time/calendarKernel';
import { civilFromDays, daysFromCivil, weekdayOfDays } from '../_lib/time/civil';
import { ZoneOffsets } from '../_lib/time/zoneOffsets';
import { readDuration } from '../_lib/validate/durations';
import { assertTimeZone, END_INSTANT_MS, toEpochMs } from '../_lib/validate/instants';
import { readFields } from '../_lib/validate/options';
import { fail } from '../errors';
import { END_DAY, FIRST_DAY, readIsoDay } from './_internal/days';
import { parseHours } from './_internal/hours';
import { mergeIntervals, OpenTimeline, type YearsBuilder } from './_internal/openTimeline';
import { isRegistered, registerCalendar } from './_internal/registry';

/**
 * A weekday key of {@link BusinessHours}.
 *
 * @category Calendar
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * Opening hours per weekday: a list of `[start, end]` wall times `'HH:MM'`,
 * in order and not overlapping; `'24:00'` is allowed as an end. A missing or
 * empty day is closed.
 *
 * @category Calendar
 */
export type BusinessHours = Readonly<
  Partial<Record<Weekday, readonly (readonly [string, string])[]>>
>;

/**
 * Configuration of {@link businessCalendar}; also what `toJSON()` returns.
 *
 * @category Calendar
 */
export interface BusinessCalendarConfig {
  /** IANA time zone of the hours and holidays, e.g. `'America/New_York'`. */
  readonly timeZone: string;
  /** Opening hours per weekday. */
  readonly hours: BusinessHours;
  /** Closed dates in the zone, ISO `'YYYY-MM-DD'`. */
  readonly holidays?: readonly string[];
}

/**
 * An amount of business time: milliseconds, or `{ days, hours, minutes }` of
 * elapsed open time (a day is 24 hours), or `{ businessDays }`: the same local
 * wall time that many open days later.
 *
 * @category Calendar
 */
export type BusinessDuration = number | ElapsedDuration | BusinessDaysDuration;

/**
 * Elapsed open time; the parts add up (a day is 24 hours of open time).
 *
 * @category Calendar
 */
export interface ElapsedDuration {
  /** Days of 24 open hours, ≥ 0. */
  readonly days?: number;
  /** Open hours, ≥ 0. */
  readonly hours?: number;
  /** Open minutes, ≥ 0. */
  readonly minutes?: number;
}

/**
 * The same local wall time a number of open days later (or the next opening
 * if closed then).
 *
 * @category Calendar
 */
export interface BusinessDaysDuration {
  /** Open days to move forward, a whole number ≥ 0. */
  readonly businessDays: number;
}

/**
 * An instant: a `Date`, epoch milliseconds, or an ISO 8601 string with an
 * offset or `Z` (a string without one names no instant and is rejected).
 *
 * @category Calendar
 */
export type InstantInput = Date | number | string;

type Instant = InstantInput;

/**
 * A business calendar: when a team is open, in its own time zone, with
 * holidays, correct across daylight-saving changes. Immutable; `toJSON()`
 * returns its configuration.
 *
 * @category Calendar
 */
export interface BusinessCalendar {
  /** Whether the instant is inside opening hours (starts inclusive, ends exclusive). */
  isOpen(at: Instant): boolean;
  /** The instant itself when open, else the next opening. */
  nextOpen(at: Instant): Date;
  /** The instant after `duration` of business time from `at`. */
  add(at: Instant, duration: BusinessDuration): Date;
  /** Milliseconds of business time in `[a, b)`; negative when `b` is before `a`. */
  between(a: Instant, b: Instant): number;
  /** Open days from `startDate` to `endDate`, both ISO dates in the zone, inclusive. */
  businessDays(startDate: string, endDate: string): number;
  /** The configuration this calendar was built from. */
  toJSON(): BusinessCalendarConfig;
}

const DAY_MS = 86_400_000;
/** Local years a calendar covers: every instant of the supported range, in any zone. */
const MIN_YEAR = 1899;
const MAX_YEAR = 2200;

/**
 * Whether `value` is a calendar built by {@link businessCalendar} (or
 * {@link alwaysOpen}). Functions that take a calendar accept only these, so
 * a look-alike object cannot feed them wrong open times.
 *
 * @param value - Anything.
 * @returns `true` for a leadmath business calendar.
 *
 * @example
 * ```ts
 * import { alwaysOpen, isBusinessCalendar } from 'leadmath';
 *
 * isBusinessCalendar(alwaysOpen); //=> true
 * isBusinessCalendar({ between: () => 0 }); //=> false
 * ```
 *
 * @category Calendar
 */
export function isBusinessCalendar(value: unknown): value is BusinessCalendar {
  return isRegistered(value);
}

/**
 * Builds a business calendar from opening hours in a time zone, with
 * holidays.
 *
 * Business time is elapsed real time inside open intervals. Wall times become
 * instants as Temporal's `'compatible'` disambiguation does: a time in a
 * skipped hour moves forward by the gap, a repeated hour takes the earlier
 * offset, and an interval whose start is not before its end is empty. So a
 * 9–17 day is 8 hours of business time on every day of the year, but an
 * interval spanning a daylight-saving change is an hour shorter (spring) or
 * longer (autumn).
 *
 * The open intervals of each year are computed once, when first needed, from
 * the zone's offset transitions (read from Temporal a few at a time), as
 * epoch-millisecond pairs with a prefix sum of open time; every method then
 * answers by binary search, without calling Temporal per query. Instants
 * must lie in 1900-01-01T00:00Z ≤ t < 2200-01-01T00:00Z, dates in
 * 1900-01-01 … 2199-12-31.
 *
 * @param config - Time zone, hours per weekday and holidays.
 * @returns An immutable calendar.
 * @throws {LeadMathError} `INVALID_TIME_ZONE` for an unknown zone.
 * @throws {LeadMathError} `INVALID_CALENDAR` for malformed, unordered or overlapping hours, an end
 * not after its start, no opening hours at all, or a malformed holiday.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for an unknown key in `config`. Methods throw
 * `INVALID_DATE` for an instant outside the supported range, and `INVALID_DURATION` for a
 * duration that would end after it.
 *
 * @example
 * ```ts
 * import { businessCalendar } from 'leadmath';
 *
 * const ny = businessCalendar({
 *   timeZone: 'America/New_York',
 *   hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
 *   holidays: ['2026-07-03'],
 * });
 * // Friday 16:00 + 2 business hours, across the March daylight-saving change: Monday 10:00 EDT
 * ny.add('2026-03-06T16:00:00-05:00', { hours: 2 }).toISOString(); //=> '2026-03-09T14:00:00.000Z'
 * ny.isOpen('2026-07-03T12:00:00-04:00'); //=> false
 * ny.businessDays('2026-03-01', '2026-03-31'); //=> 22
 * ```
 *
 * @category Calendar
 */
export function businessCalendar(config: BusinessCalendarConfig): BusinessCalendar {
  const fn = 'businessCalendar';
  const fields = readFields(fn, config, ['timeZone', 'hours', 'holidays'], 'config');
  const timeZone = assertTimeZone(fn, 'config.timeZone', fields.timeZone);
  const week = parseHours(fn, 'config.hours', fields.hours);
  const holidayList = fields.holidays === undefined ? [] : fields.holidays;
  if (!Array.isArray(holidayList))
    fail(
      'INVALID_CALENDAR',
      fn,
      'config.holidays',
      holidayList,
      "an array of ISO dates 'YYYY-MM-DD'",
    );
  const holidays = new Set<number>();
  for (let i = 0; i < holidayList.length; i++) {
    holidays.add(readIsoDay(fn, `config.holidays[${i}]`, holidayList[i], 'INVALID_CALENDAR'));
  }
  const snapshot: BusinessCalendarConfig = JSON.parse(
    JSON.stringify({ timeZone, hours: fields.hours, holidays: holidayList }),
  );

  const zone = new ZoneOffsets(timeZone);
  /** Makes sure the zone's offsets around local days [a, b) are known. */
  const zoneFor = (a: number, b: number) => zone.ensure((a - 2) * DAY_MS, (b + 2) * DAY_MS);

  const buildYears: YearsBuilder = (first, last) => {
    const from = daysFromCivil(first, 1, 1);
    const to = daysFromCivil(last + 1, 1, 1);
    zoneFor(from, to);
    const starts: number[] = [];
    const ends: number[] = [];
    const days: number[] = [];
    for (let day = from; day < to; day++) {
      if (holidays.has(day)) continue;
      const spans = week[weekdayOfDays(day)]!;
      let any = false;
      for (const [a, b] of spans) {
        // Wall times resolve as Temporal's 'compatible' does; an interval whose
        // resolved start is not before its end (02:30–03:15 on a
        // spring-forward night) has no open time.
        const open = zone.resolve(day * DAY_MS + a * 60_000);
        const close = zone.resolve(day * DAY_MS + b * 60_000);
        if (open >= close) continue;
        starts.push(open);
        ends.push(close);
        any = true;
      }
      if (any) days.push(day);
    }
    // On a spring-forward night intervals can resolve out of order: sort and merge.
    const merged = mergeIntervals(starts, ends);
    return { starts: merged.starts, ends: merged.ends, days };
  };
  const timeline = new OpenTimeline(
    buildYears,
    MIN_YEAR,
    MAX_YEAR,
    (year) => daysFromCivil(year, 1, 1) * DAY_MS,
    2 * DAY_MS,
  );

  /** The local day (since 1970-01-01) of instant t. */
  const localDay = (t: number): number => {
    zoneFor(Math.floor(t / DAY_MS) - 1, Math.floor(t / DAY_MS) + 1);
    return Math.floor((t + zone.offsetAt(t)) / DAY_MS);
  };
  const yearOfDay = (day: number) => civilFromDays(day)[0];
  /** Makes sure the year of a local day is built. */
  const coverDay = (day: number) => {
    const year = yearOfDay(day);
    if (!timeline.has(year)) timeline.cover(year, year);
  };
  // Instants well inside the built years need no zone lookup at all: the
  // common case of a million SLA items in a few years costs one comparison each.
  const ready = (t: number): boolean => timeline.covers(t);
  /** Makes sure the local year of instant t is built. */
  const cover = (t: number) => {
    if (!ready(t)) coverDay(localDay(t));
  };

  /** The first opening at or after t, or null when none before the end of the supported years. */
  const nextOpenMs = (t: number): number | null => {
    cover(t);
    if (timeline.isOpen(t)) return t;
    for (;;) {
      const i = firstAtOrAfter(timeline.starts, t);
      if (i < timeline.starts.length) return timeline.starts[i]!;
      if (!timeline.growForward()) return null;
    }
  };

  const beyond = (
    fnName: string,
    path: string,
    value: unknown,
    code: 'INVALID_DATE' | 'INVALID_DURATION',
    what: string,
  ): never => fail(code, fnName, path, value, `${what} before 2200-01-01T00:00Z`);

  const kernel: CalendarKernel = {
    isOpen(t) {
      cover(t);
      return timeline.isOpen(t);
    },
    between(x, y) {
      if (!(ready(x) && ready(y))) timeline.cover(yearOfDay(localDay(x)), yearOfDay(localDay(y)));
      return timeline.cumulative(y) - timeline.cumulative(x);
    },
    add: (t, amount) => addMs(t, amount) ?? Number.NaN,
  };

  const calendar: BusinessCalendar = {
    isOpen(at) {
      return kernel.isOpen(toEpochMs('calendar.isOpen', 'at', at));
    },
    nextOpen(at) {
      const t = toEpochMs('calendar.nextOpen', 'at', at);
      const next = nextOpenMs(t);
      if (next === null || next >= END_INSTANT_MS)
        return beyond(
          'calendar.nextOpen',
          'at',
          at,
          'INVALID_DATE',
          'an instant with an opening after it',
        );
      return new Date(next);
    },
    between(a, b) {
      const x = toEpochMs('calendar.between', 'a', a);
      const y = toEpochMs('calendar.between', 'b', b);
      return kernel.between(x, y);
    },
    add(at, duration) {
      const t = toEpochMs('calendar.add', 'at', at);
      const amount = readDuration('calendar.add', 'duration', duration);
      const result = addMs(t, amount);
      if (result === null)
        return beyond(
          'calendar.add',
          'duration',
          duration,
          'INVALID_DURATION',
          'a duration that ends',
        );
      return new Date(result);
    },
    businessDays(startDate, endDate) {
      const from = readIsoDay('calendar.businessDays', 'startDate', startDate, 'INVALID_DATE');
      const to = readIsoDay('calendar.businessDays', 'endDate', endDate, 'INVALID_DATE');
      if (to < from) {
        fail(
          'INVALID_ARGUMENT',
          'calendar.businessDays',
          'endDate',
          endDate,
          `a date on or after startDate (${startDate})`,
        );
      }
      timeline.cover(yearOfDay(from), yearOfDay(to));
      return firstAtOrAfter(timeline.days, to + 1) - firstAtOrAfter(timeline.days, from);
    },
    toJSON() {
      return JSON.parse(JSON.stringify(snapshot));
    },
  };

  /** t plus a validated business duration, or null when that is not before 2200. */
  function addMs(t: number, amount: number | { businessDays: number }): number | null {
    if (typeof amount === 'object') return addBusinessDays(t, amount.businessDays);
    if (amount === 0) return t;
    // More open time than real time is left before the range ends: cannot fit.
    if (amount >= END_INSTANT_MS - t) return null;
    cover(t);
    const target = timeline.cumulative(t) + amount;
    while (timeline.total() < target) if (!timeline.growForward()) return null;
    const result = timeline.instantAtOpenTime(target);
    return result < END_INSTANT_MS ? result : null;
  }

  /** The same wall time n open days later, or the next opening if closed then. */
  function addBusinessDays(t: number, n: number): number | null {
    // Zero days is the next opening from t itself (never an instant before t,
    // which re-resolving the wall time in a repeated hour would give).
    if (n === 0) return nextOpenMs(t);
    if (n > END_DAY - FIRST_DAY) return null;
    const today = localDay(t);
    const wall = t + zone.offsetAt(t) - today * DAY_MS;
    coverDay(today);
    for (;;) {
      const k = firstAtOrAfter(timeline.days, today + 1) + n - 1;
      if (k < timeline.days.length) {
        const day = timeline.days[k]!;
        zoneFor(day, day + 1);
        const next = nextOpenMs(zone.resolve(day * DAY_MS + wall));
        return next !== null && next < END_INSTANT_MS ? next : null;
      }
      if (!timeline.growForward()) return null;
    }
  }

  return registerCalendar(calendar, kernel);
}
