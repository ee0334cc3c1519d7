/**
 * Edges of the calendar found by mutation testing: each case here failed to
 * tell the code from a small change of it (a `>=` for a `>`, a dropped
 * check, an empty message).
 */
import { describe, expect, it } from 'vitest';
import { alwaysOpen, businessCalendar } from '../../src/index';
import { catchLeadMathError, expectLeadMathError } from '../_helpers';

const END = Date.UTC(2200, 0, 1);
const H = 3_600_000;
const day = [['09:00', '17:00']] as const;
const ny = businessCalendar({
  timeZone: 'America/New_York',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
});

describe('opening hours', () => {
  it('reject an empty interval, a start of 24:00 and a time that is not a string', () => {
    expectLeadMathError(
      () => businessCalendar({ timeZone: 'UTC', hours: { mon: [['09:00', '09:00']] } }),
      'INVALID_CALENDAR',
      'config.hours.mon[0][1]',
    );
    expectLeadMathError(
      () => businessCalendar({ timeZone: 'UTC', hours: { mon: [['24:00', '24:00']] } }),
      'INVALID_CALENDAR',
      'config.hours.mon[0][0]',
    );
    // An array holding a time is not a time (a RegExp would read it as its text).
    expectLeadMathError(
      () => businessCalendar({ timeZone: 'UTC', hours: { mon: [[['09:00'], '17:00']] } } as never),
      'INVALID_CALENDAR',
      'config.hours.mon[0][0]',
    );
  });

  it('accept intervals that touch, and list the weekday keys when one is unknown', () => {
    const touching = businessCalendar({
      timeZone: 'UTC',
      hours: {
        mon: [
          ['09:00', '12:00'],
          ['12:00', '13:00'],
        ],
      },
    });
    // Monday 2026-03-02 09:00–13:00 UTC: four hours in a row.
    expect(touching.between('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).toBe(4 * H);
    const error = catchLeadMathError(() =>
      businessCalendar({ timeZone: 'UTC', hours: { monday: day } } as never),
    );
    expect(error.details.expected).toBe('a weekday key (mon, tue, wed, thu, fri, sat, sun)');
  });

  it('resolve a repeated hour to its earlier instant', () => {
    // New York falls back on 2026-11-01 at 02:00 EDT: 01:30 happens twice. Open
    // 01:30–02:30 starts at the first 01:30 (05:30Z, EDT) and ends at 02:30 EST
    // (07:30Z): two hours. Taking the later 01:30 (06:30Z) would give one.
    const night = businessCalendar({
      timeZone: 'America/New_York',
      hours: { sun: [['01:30', '02:30']] },
    });
    expect(night.between('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(2 * H);
    expect(night.isOpen('2026-11-01T05:30:00Z')).toBe(true);
  });
});

describe('the end of the supported range', () => {
  it('is excluded: a sum that reaches it is too long, one millisecond less is not', () => {
    expectLeadMathError(() => alwaysOpen.add(END - 1000, 1000), 'INVALID_DURATION', 'duration');
    expect(alwaysOpen.add(END - 1000, 999).getTime()).toBe(END - 1);
    const error = catchLeadMathError(() => alwaysOpen.add(END - 1000, { days: 1 }));
    expect(error.details.expected).toBe('a duration that ends before 2200-01-01T00:00Z');
    expectLeadMathError(
      () => ny.businessDays('2199-12-31', '2200-01-01'),
      'INVALID_DATE',
      'endDate',
    );
  });

  it('an always-open day counts once, from a date to itself', () => {
    expect(alwaysOpen.businessDays('2026-03-01', '2026-03-01')).toBe(1);
  });

  it('a business calendar refuses a sum that would end after it', () => {
    const error = catchLeadMathError(() => ny.add('2199-12-30T15:00:00Z', { hours: 16 }));
    expect(error.code).toBe('INVALID_DURATION');
    expect(error.message).toBe(
      'calendar.add: duration must be a duration that ends before 2200-01-01T00:00Z, got {"hours":16}',
    );
    expect(catchLeadMathError(() => ny.add('2199-12-30T15:00:00Z', { businessDays: 3 })).code).toBe(
      'INVALID_DURATION',
    );
  });
});

describe('every method names itself and its argument', () => {
  const cases: [string, () => unknown, string, string][] = [
    ['calendar.isOpen', () => ny.isOpen('soon'), 'at', 'INVALID_DATE'],
    ['calendar.nextOpen', () => ny.nextOpen('soon'), 'at', 'INVALID_DATE'],
    ['calendar.between', () => ny.between('soon', 0), 'a', 'INVALID_DATE'],
    ['calendar.between', () => ny.between(Date.UTC(2026, 0, 1), 'soon'), 'b', 'INVALID_DATE'],
    ['calendar.add', () => ny.add('soon', 1), 'at', 'INVALID_DATE'],
    ['calendar.add', () => ny.add(Date.UTC(2026, 0, 1), -1), 'duration', 'INVALID_DURATION'],
    [
      'calendar.businessDays',
      () => ny.businessDays('x', '2026-01-01'),
      'startDate',
      'INVALID_DATE',
    ],
    ['calendar.businessDays', () => ny.businessDays('2026-01-01', 'x'), 'endDate', 'INVALID_DATE'],
  ];
  it.each(cases)('%s: %s', (fn, call, path, code) => {
    const error = catchLeadMathError(call);
    expect([error.code, error.details.function, error.details.path]).toEqual([code, fn, path]);
    expect(error.message.startsWith(`${fn}: ${path} must be `)).toBe(true);
  });

  it('an end date before the start says which start', () => {
    const error = catchLeadMathError(() => ny.businessDays('2026-03-05', '2026-03-01'));
    expect(error.details.expected).toBe('a date on or after startDate (2026-03-05)');
  });

  it('nextOpen past the last opening before the end says so', () => {
    const error = catchLeadMathError(() => ny.nextOpen('2199-12-31T23:00:00Z'));
    expect([error.code, error.details.function, error.details.expected]).toEqual([
      'INVALID_DATE',
      'calendar.nextOpen',
      'an instant with an opening after it before 2200-01-01T00:00Z',
    ]);
  });
});

describe('built years and empty intervals', () => {
  it('count no business day for an interval that resolves to nothing on a spring-forward night', () => {
    // 02:30 does not exist on 8 March 2026 in New York and resolves to 03:30 EDT,
    // which is where 03:30 is: the interval 02:30–03:30 has no open time that night.
    const cal = businessCalendar({
      timeZone: 'America/New_York',
      hours: { sun: [['02:30', '03:30']] },
    });
    expect(cal.between('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(0);
    expect(cal.businessDays('2026-03-08', '2026-03-08')).toBe(0);
    // A week later it is an hour long and the Sunday a business day.
    expect(cal.between('2026-03-15T00:00:00Z', '2026-03-16T00:00:00Z')).toBe(H);
    expect(cal.businessDays('2026-03-15', '2026-03-15')).toBe(1);
  });

  it('add business days that land just past the years built so far', () => {
    // A fresh calendar builds 2026 for its first call. Wednesday 30 December 2026
    // + 1 business day is Thursday the 31st, the last day built; + 2 is Friday
    // 1 January 2027, in a year not yet built.
    const fresh = () =>
      businessCalendar({
        timeZone: 'UTC',
        hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
      });
    expect(fresh().add('2026-12-30T10:00:00Z', { businessDays: 1 }).toISOString()).toBe(
      '2026-12-31T10:00:00.000Z',
    );
    expect(fresh().add('2026-12-30T10:00:00Z', { businessDays: 2 }).toISOString()).toBe(
      '2027-01-01T10:00:00.000Z',
    );
    expect(fresh().add('2026-12-30T10:00:00Z', { businessDays: 3 }).toISOString()).toBe(
      '2027-01-04T10:00:00.000Z',
    );
  });
});
