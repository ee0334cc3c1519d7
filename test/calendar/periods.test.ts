import { describe, expect, it } from 'vitest';
import { alwaysOpen } from '../../src/calendar/alwaysOpen';
import { businessCalendar } from '../../src/calendar/businessCalendar';
import { type PeriodUnit, periodOf, periods } from '../../src/calendar/periods';
import { expectLeadMathError } from '../_helpers';

describe('periods', () => {
  it('gives whole local months, quarters, halves and years with their keys', () => {
    const got = periods({
      from: '2026-01-15',
      to: '2026-03-10',
      every: 'month',
      timeZone: 'Europe/Oslo',
    });
    expect(got.map((p) => [p.key, p.startDate, p.endDate])).toEqual([
      ['2026-01', '2026-01-01', '2026-01-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-31'],
    ]);
    // Oslo is UTC+1 in winter, UTC+2 from 29 March 2026: March is an hour short.
    expect(got[0]!.start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(got[2]!.start.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(got[2]!.end.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(got[2]!.end.getTime() - got[2]!.start.getTime()).toBe((31 * 24 - 1) * 3_600_000);
    // Weekdays by hand: January 2026 starts on a Thursday.
    expect(got.map((p) => p.businessDays)).toEqual([22, 20, 22]);

    const year = { from: '2025-11-20', to: '2026-02-01', timeZone: 'UTC' } as const;
    expect(periods({ ...year, every: 'quarter' }).map((p) => p.key)).toEqual([
      '2025-Q4',
      '2026-Q1',
    ]);
    expect(periods({ ...year, every: 'half' }).map((p) => [p.key, p.startDate])).toEqual([
      ['2025-H2', '2025-07-01'],
      ['2026-H1', '2026-01-01'],
    ]);
    expect(periods({ ...year, every: 'year' }).map((p) => [p.key, p.endDate])).toEqual([
      ['2025', '2025-12-31'],
      ['2026', '2026-12-31'],
    ]);
  });

  it('numbers weeks as ISO weeks, across a year boundary, and for weeks starting on Sunday', () => {
    // 1 January 2021 is a Friday: it belongs to 2020-W53; 2021-W01 starts on 4 January.
    const iso = periods({ from: '2020-12-30', to: '2021-01-05', every: 'week', timeZone: 'UTC' });
    expect(iso.map((p) => [p.key, p.startDate, p.endDate, p.businessDays])).toEqual([
      ['2020-W53', '2020-12-28', '2021-01-03', 5],
      ['2021-W01', '2021-01-04', '2021-01-10', 5],
    ]);
    // Sunday weeks: the week of 27 December 2020 has its Wednesday in 2020-W53.
    const sunday = periods({
      from: '2020-12-27',
      to: '2021-01-10',
      every: 'week',
      timeZone: 'UTC',
      weekStartsOn: 'sun',
    });
    expect(sunday.map((p) => [p.key, p.startDate])).toEqual([
      ['2020-W53', '2020-12-27'],
      ['2021-W01', '2021-01-03'],
    ]);
  });

  it('counts the open days of a calendar, holidays left out, and every day of alwaysOpen', () => {
    const calendar = businessCalendar({
      timeZone: 'America/New_York',
      hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], sat: [['10:00', '12:00']] },
      holidays: ['2026-06-02'],
    });
    const june = periods({
      from: '2026-06-01',
      to: '2026-07-01',
      every: 'month',
      timeZone: 'America/New_York',
      calendar,
    });
    // June 2026: Mondays 1, 8, 15, 22, 29; Tuesdays 2 (a holiday), 9, 16, 23, 30; Saturdays 6, 13, 20, 27.
    expect(june[0]!.businessDays).toBe(5 + 4 + 4);
    const open = periods({
      from: '2026-02-01',
      to: '2026-03-01',
      every: 'month',
      timeZone: 'UTC',
      calendar: alwaysOpen,
    });
    expect(open[0]!.businessDays).toBe(28);
  });

  it('starts a day at its first instant where a zone skips midnight', () => {
    // São Paulo moved its clocks from 00:00 to 01:00 on 4 November 2018.
    const got = periods({
      from: '2018-11-04',
      to: '2018-11-05',
      every: 'week',
      timeZone: 'America/Sao_Paulo',
    });
    expect(got[0]!.startDate).toBe('2018-10-29');
    const next = periods({
      from: '2018-11-05',
      to: '2018-11-06',
      every: 'week',
      timeZone: 'America/Sao_Paulo',
    });
    // The week of 29 October starts at 00:00 −03:00 and ends at 00:00 −02:00 on 5 November.
    expect(got[0]!.start.toISOString()).toBe('2018-10-29T03:00:00.000Z');
    expect(got[0]!.end.toISOString()).toBe('2018-11-05T02:00:00.000Z');
    expect(next[0]!.start.toISOString()).toBe('2018-11-05T02:00:00.000Z');
    const month = periods({
      from: '2018-11-04',
      to: '2018-11-05',
      every: 'month',
      timeZone: 'America/Sao_Paulo',
    });
    expect(month[0]!.start.toISOString()).toBe('2018-11-01T03:00:00.000Z');
  });

  it('takes instants as bounds: to is exclusive', () => {
    const got = periods({
      from: Date.UTC(2026, 0, 31, 23),
      to: '2026-03-01T00:00:00Z',
      every: 'month',
      timeZone: 'UTC',
    });
    expect(got.map((p) => p.key)).toEqual(['2026-01', '2026-02']);
    const kathmandu = periods({
      from: new Date('2026-01-31T18:15:00Z'),
      to: '2026-02-02T00:00:00+05:45',
      every: 'month',
      timeZone: 'Asia/Kathmandu',
    });
    // 18:15Z is midnight in Kathmandu (UTC+05:45): February only.
    expect(kathmandu.map((p) => p.key)).toEqual(['2026-02']);
  });

  it('refuses bad options, naming them', () => {
    const ok = { from: '2026-01-01', to: '2026-02-01', every: 'month', timeZone: 'UTC' } as const;
    expectLeadMathError(
      () => periods({ ...ok, every: 'day' as PeriodUnit }),
      'INVALID_ARGUMENT',
      'options.every',
    );
    expectLeadMathError(
      () => periods({ ...ok, timeZone: 'Mars/Olympus' }),
      'INVALID_TIME_ZONE',
      'options.timeZone',
    );
    expectLeadMathError(
      () => periods({ ...ok, from: '2026-13-01' }),
      'INVALID_DATE',
      'options.from',
    );
    expectLeadMathError(
      () => periods({ ...ok, from: '2026-01-01T00:00' }),
      'INVALID_DATE',
      'options.from',
    );
    expectLeadMathError(() => periods({ ...ok, to: '2026-01-01' }), 'INVALID_DATE', 'options.to');
    expectLeadMathError(() => periods({ ...ok, to: 1e16 }), 'INVALID_DATE', 'options.to');
    expectLeadMathError(
      () => periods({ ...ok, weekStartsOn: 'monday' as 'mon' }),
      'INVALID_ARGUMENT',
      'options.weekStartsOn',
    );
    expectLeadMathError(
      () => periods({ ...ok, calendar: { businessDays: () => 3 } as never }),
      'INVALID_CALENDAR',
      'options.calendar',
    );
    expectLeadMathError(() => periods({ ...ok, timezone: 'UTC' } as never), 'INVALID_ARGUMENT');
    expectLeadMathError(() => periodOf([], 'yesterday'), 'INVALID_DATE', 'at');
  });

  it('covers the edges of the supported range', () => {
    const first = periods({ from: '1900-01-01', to: '1900-01-02', every: 'week', timeZone: 'UTC' });
    // 1 January 1900 was a Monday.
    expect(first[0]!.startDate).toBe('1900-01-01');
    const last = periods({
      from: '2199-12-31',
      to: '2199-12-31T12:00:00Z',
      every: 'year',
      timeZone: 'UTC',
      calendar: alwaysOpen,
    });
    expect(last.map((p) => [p.key, p.businessDays])).toEqual([['2199', 365]]);
    // A week reaching into 1899 counts only the supported days of a calendar.
    const early = periods({
      from: '1900-01-01',
      to: '1900-01-02',
      every: 'week',
      timeZone: 'UTC',
      weekStartsOn: 'sat',
      calendar: alwaysOpen,
    });
    expect([early[0]!.startDate, early[0]!.businessDays]).toEqual(['1899-12-30', 5]);
  });
});
