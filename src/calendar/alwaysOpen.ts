import type { CalendarKernel } from '../_lib/time/calendarKernel';
import { readDuration } from '../_lib/validate/durations';
import { END_INSTANT_MS, toEpochMs } from '../_lib/validate/instants';
import { fail } from '../errors';
import { readIsoDay } from './_internal/days';
import { registerCalendar } from './_internal/registry';
import type { BusinessCalendar } from './businessCalendar';

const DAY_MS = 86_400_000;
const ALL_DAY = [['00:00', '24:00']] as const;
const CONFIG = {
  timeZone: 'UTC',
  hours: {
    mon: ALL_DAY,
    tue: ALL_DAY,
    wed: ALL_DAY,
    thu: ALL_DAY,
    fri: ALL_DAY,
    sat: ALL_DAY,
    sun: ALL_DAY,
  },
  holidays: [],
};

/** The instant `ms` after t, or a LeadMathError when that is not before 2200. */
function later(fn: string, path: string, value: unknown, t: number, ms: number): Date {
  if (ms >= END_INSTANT_MS - t) {
    fail('INVALID_DURATION', fn, path, value, 'a duration that ends before 2200-01-01T00:00Z');
  }
  return new Date(t + ms);
}

/** Every day is open all day: open time is elapsed time. */
const kernel: CalendarKernel = {
  isOpen: () => true,
  between: (a, b) => b - a,
  add(t, amount) {
    // n business days later is n × 24 h later.
    const ms = typeof amount === 'number' ? amount : amount.businessDays * DAY_MS;
    return ms >= END_INSTANT_MS - t ? Number.NaN : t + ms;
  },
};

/**
 * The 24/7 calendar: always open, in UTC, no holidays. Business time equals
 * elapsed time; the default calendar of SLAs. It is plain arithmetic, with
 * no cache and no state: every call is O(1) and no call can change another's
 * answer.
 *
 * @example
 * ```ts
 * import { alwaysOpen } from 'leadmath';
 *
 * alwaysOpen.between('2026-03-06T16:00:00Z', '2026-03-09T10:00:00Z'); //=> 237600000
 * alwaysOpen.businessDays('2026-03-01', '2026-03-31'); //=> 31
 * ```
 *
 * @category Calendar
 */
export const alwaysOpen: BusinessCalendar = registerCalendar(
  {
    isOpen(at) {
      toEpochMs('calendar.isOpen', 'at', at);
      return true;
    },
    nextOpen(at) {
      return new Date(toEpochMs('calendar.nextOpen', 'at', at));
    },
    between(a, b) {
      return toEpochMs('calendar.between', 'b', b) - toEpochMs('calendar.between', 'a', a);
    },
    add(at, duration) {
      const fn = 'calendar.add';
      const t = toEpochMs(fn, 'at', at);
      const amount = readDuration(fn, 'duration', duration);
      // Every day is open all day: n business days later is n × 24 h later.
      const ms = typeof amount === 'number' ? amount : amount.businessDays * DAY_MS;
      return later(fn, 'duration', duration, t, ms);
    },
    businessDays(startDate, endDate) {
      const fn = 'calendar.businessDays';
      const from = readIsoDay(fn, 'startDate', startDate, 'INVALID_DATE');
      const to = readIsoDay(fn, 'endDate', endDate, 'INVALID_DATE');
      if (to < from) {
        fail(
          'INVALID_ARGUMENT',
          fn,
          'endDate',
          endDate,
          `a date on or after startDate (${startDate})`,
        );
      }
      return to - from + 1;
    },
    toJSON() {
      return JSON.parse(JSON.stringify(CONFIG));
    },
  },
  kernel,
);
