import { requireKernel } from '../_lib/time/calendarKernel';
import { civilFromDays, daysFromCivil, parseIsoDay, weekdayOfDays } from '../_lib/time/civil';
import {
  assertTimeZone,
  epochMsOrNaN,
  INSTANT_EXPECTED,
  inSupportedRange,
  Temporal,
} from '../_lib/validate/instants';
import { readFields } from '../_lib/validate/options';
import { fail } from '../errors';
import { END_DAY, FIRST_DAY } from './_internal/days';
import { WEEKDAYS } from './_internal/hours';
import type { BusinessCalendar, Weekday } from './businessCalendar';

/**
 * The length of a {@link periods} period.
 *
 * @category Calendar
 */
export type PeriodUnit = 'week' | 'month' | 'quarter' | 'half' | 'year';

/**
 * Options of {@link periods}.
 *
 * @category Calendar
 */
export interface PeriodsOptions {
  /**
   * The first instant to cover: a `Date`, epoch ms, an ISO instant with an
   * offset, or an ISO date `'YYYY-MM-DD'` (its first instant in `timeZone`).
   */
  readonly from: Date | number | string;
  /** The end of the range, exclusive; the same forms as `from`, after it. */
  readonly to: Date | number | string;
  /** The length of each period. */
  readonly every: PeriodUnit;
  /** IANA time zone whose local dates the periods follow, e.g. `'Europe/Berlin'`. */
  readonly timeZone: string;
  /** The first day of a week (`every: 'week'`); default `'mon'`, as ISO weeks. */
  readonly weekStartsOn?: Weekday;
  /** The calendar whose open days are counted; default Monday to Friday. */
  readonly calendar?: BusinessCalendar;
}

/**
 * One local period: whole local days from `start` (inclusive) to `end`
 * (exclusive).
 *
 * @category Calendar
 */
export interface Period {
  /** `'2026'`, `'2026-H1'`, `'2026-Q1'`, `'2026-01'` or `'2026-W03'`. */
  readonly key: string;
  /** The first instant of the period's first local day. */
  readonly start: Date;
  /** The first instant of the next period. */
  readonly end: Date;
  /** The period's first local date, `'YYYY-MM-DD'`. */
  readonly startDate: string;
  /** The period's last local date, `'YYYY-MM-DD'`. */
  readonly endDate: string;
  /** Open days of the calendar among the period's dates (Monday to Friday without one). */
  readonly businessDays: number;
}

const UNITS: readonly PeriodUnit[] = ['week', 'month', 'quarter', 'half', 'year'];
const MONTHS_OF: Readonly<Record<Exclude<PeriodUnit, 'week'>, number>> = {
  month: 1,
  quarter: 3,
  half: 6,
  year: 12,
};

/**
 * Splits a range into local calendar periods of a time zone: weeks, months,
 * quarters, halves or years, each with its start and end instants and its
 * business days.
 *
 * Periods are whole: the first is the one that contains `from`, the last
 * the one that contains the last instant before `to`, so that a report by
 * month over `2026-01-15 … 2026-03-10` has the whole of January, February
 * and March. Period boundaries are local midnights (the first instant of
 * the day where a zone skips midnight), so a period is 23 or 25 hours
 * longer or shorter across a daylight-saving change, as the wall calendar
 * is. A week's key is the ISO week of its fourth day: with weeks starting on
 * Monday that is exactly the ISO week (`2026-W01` is the week of the year's
 * first Thursday), and a week starting on another day takes the ISO week
 * most of its days are in. Business days are the period's local dates the
 * calendar opens on (its own weekdays and holidays, read on those dates);
 * without a calendar, Monday to Friday.
 *
 * Use {@link periodOf} to find an instant's period.
 *
 * @param options - Range, unit, time zone, first weekday and calendar.
 * @returns The periods in order, adjacent and covering the range.
 * @throws {LeadMathError} `INVALID_DATE` for a bound that is not an instant or an ISO date in
 * the supported range, or `to` not after `from`.
 * @throws {LeadMathError} `INVALID_TIME_ZONE` for an unknown zone.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for an unknown unit, weekday or key;
 * `INVALID_CALENDAR` for a calendar not built by {@link businessCalendar}.
 *
 * @example
 * ```ts
 * import { periods } from 'leadmath';
 *
 * const quarters = periods({ from: '2026-01-01', to: '2027-01-01', every: 'quarter', timeZone: 'America/New_York' });
 * quarters.map((p) => p.key); //=> ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']
 * quarters[0].start.toISOString(); //=> '2026-01-01T05:00:00.000Z'
 * quarters[0].businessDays; //=> 64
 * periods({ from: '2026-01-14', to: '2026-01-16', every: 'week', timeZone: 'UTC' })[0].key; //=> '2026-W03'
 * ```
 *
 * @category Calendar
 */
export function periods(options: PeriodsOptions): Period[] {
  const fn = 'periods';
  const o = readFields(
    fn,
    options,
    ['from', 'to', 'every', 'timeZone', 'weekStartsOn', 'calendar'],
    'options',
  );
  const timeZone = assertTimeZone(fn, 'options.timeZone', o.timeZone);
  const every = o.every as PeriodUnit;
  if (!UNITS.includes(every))
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.every',
      o.every,
      `one of ${UNITS.map((u) => `'${u}'`).join(', ')}`,
    );
  const weekStart = o.weekStartsOn === undefined ? 0 : WEEKDAYS.indexOf(o.weekStartsOn as Weekday);
  if (weekStart < 0)
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.weekStartsOn',
      o.weekStartsOn,
      `one of ${WEEKDAYS.map((d) => `'${d}'`).join(', ')}`,
    );
  const calendar = o.calendar as BusinessCalendar | undefined;
  if (calendar !== undefined) requireKernel(fn, 'options.calendar', calendar);
  const from = readBound(fn, 'options.from', o.from, timeZone);
  const to = readBound(fn, 'options.to', o.to, timeZone);
  if (!(to > from))
    fail(
      'INVALID_DATE',
      fn,
      'options.to',
      o.to,
      `an instant after options.from (${new Date(from).toISOString()})`,
    );
  // Local days of the first instant and of the last instant before `to`.
  const firstDay = localDay(from, timeZone);
  const lastDay = localDay(to - 1, timeZone);
  const starts: number[] = [];
  if (every === 'week') {
    // Back to the week's first day (weekdayOfDays: 0 = Monday).
    let day = firstDay - ((weekdayOfDays(firstDay) - weekStart + 7) % 7);
    for (; day <= lastDay; day += 7) starts.push(day);
    starts.push(day);
  } else {
    const step = MONTHS_OF[every];
    const [y, m] = civilFromDays(firstDay);
    let month = y * 12 + (m - 1) - ((m - 1) % step);
    for (;;) {
      const day = daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
      starts.push(day);
      if (day > lastDay) break;
      month += step;
    }
  }
  const out: Period[] = [];
  let startMs = startOfDayMs(starts[0]!, timeZone);
  for (let k = 0; k + 1 < starts.length; k++) {
    const day = starts[k]!;
    const next = starts[k + 1]!;
    const endMs = startOfDayMs(next, timeZone);
    const startDate = isoDate(day);
    const endDate = isoDate(next - 1);
    out.push({
      key: keyOf(every, day),
      start: new Date(startMs),
      end: new Date(endMs),
      startDate,
      endDate,
      businessDays:
        calendar === undefined ? weekdaysBetween(day, next) : businessDaysIn(calendar, day, next),
    });
    startMs = endMs;
  }
  return out;
}

/**
 * The period that contains an instant, found by binary search; `null` when
 * it is before the first period or not before the end of the last.
 *
 * @param list - Periods from {@link periods}.
 * @param at - A `Date`, epoch ms, or an ISO instant with an offset.
 * @returns The period whose `start ≤ at < end`, or `null`.
 * @throws {LeadMathError} `INVALID_DATE` for an instant that is not one.
 *
 * @example
 * ```ts
 * import { periodOf, periods } from 'leadmath';
 *
 * const months = periods({ from: '2026-01-01', to: '2026-04-01', every: 'month', timeZone: 'Europe/Berlin' });
 * periodOf(months, '2026-02-28T23:30:00Z')?.key; //=> '2026-03'
 * periodOf(months, '2026-04-01T00:00:00+02:00'); //=> null
 * ```
 *
 * @category Calendar
 */
export function periodOf(list: readonly Period[], at: Date | number | string): Period | null {
  const ms = epochMsOrNaN(at);
  if (Number.isNaN(ms)) fail('INVALID_DATE', 'periodOf', 'at', at, INSTANT_EXPECTED);
  if (list.length === 0 || ms < list[0]!.start.getTime()) return null;
  // The first period whose end is after `at`.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.end.getTime() > ms) hi = mid;
    else lo = mid + 1;
  }
  return lo < list.length ? list[lo]! : null;
}

/** A bound: an instant, or an ISO date read as its first instant in the zone. */
function readBound(fn: string, path: string, value: unknown, timeZone: string): number {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = parseIsoDay(value);
    if (day !== null && day >= FIRST_DAY && day < END_DAY) {
      const ms = startOfDayMs(day, timeZone);
      if (inSupportedRange(ms)) return ms;
    }
  } else {
    const ms = epochMsOrNaN(value);
    if (!Number.isNaN(ms)) return ms;
  }
  return fail('INVALID_DATE', fn, path, value, `${INSTANT_EXPECTED}, or an ISO date 'YYYY-MM-DD'`);
}

/** The local day (days since 1970-01-01) of an instant in a zone. */
function localDay(ms: number, timeZone: string): number {
  const d = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  return daysFromCivil(d.year, d.month, d.day);
}

/** The first instant of a local day in a zone. */
function startOfDayMs(day: number, timeZone: string): number {
  const [y, m, d] = civilFromDays(day);
  return Temporal.PlainDate.from({ year: y, month: m, day: d })
    .toZonedDateTime({ timeZone })
    .toInstant().epochMilliseconds;
}

function isoDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The key of the period that starts on a local day. */
function keyOf(every: PeriodUnit, day: number): string {
  const [y, m] = civilFromDays(day);
  switch (every) {
    case 'year':
      return String(y);
    case 'half':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'month':
      return `${y}-${String(m).padStart(2, '0')}`;
    default:
      return isoWeekKey(day + 3);
  }
}

/** `'YYYY-Www'`: the ISO week of a day (the week-year is that of its Thursday). */
function isoWeekKey(day: number): string {
  const thursday = day - weekdayOfDays(day) + 3;
  const [year] = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday to Friday among days `[from, to)`. */
function weekdaysBetween(from: number, to: number): number {
  let n = 0;
  for (let day = from; day < to; day++) if (weekdayOfDays(day) < 5) n++;
  return n;
}

/** The calendar's open days among days `[from, to)` (none outside the dates it supports). */
function businessDaysIn(calendar: BusinessCalendar, from: number, to: number): number {
  const first = Math.max(from, FIRST_DAY);
  const last = Math.min(to, END_DAY) - 1;
  return last < first ? 0 : calendar.businessDays(isoDate(first), isoDate(last));
}
