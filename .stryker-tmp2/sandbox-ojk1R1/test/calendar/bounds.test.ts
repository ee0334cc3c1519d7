// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { alwaysOpen } from '../../src/calendar/alwaysOpen';
import { businessCalendar, isBusinessCalendar } from '../../src/calendar/businessCalendar';
import { slaStatus } from '../../src/sla/slaStatus';
import { expectLeadMathError } from '../_helpers';

const nineToFive = [['09:00', '17:00']] as const;
const weekdays = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
};
const ny = () => businessCalendar({ timeZone: 'America/New_York', hours: weekdays });
const MIN = 60_000;

describe('businessCalendar bounds', () => {
  describe('instants outside 1900–2200', () => {
    it('throws INVALID_DATE for a timestamp in microseconds read as milliseconds', () => {
      expectLeadMathError(() => ny().isOpen(1_767_639_780_000_000), 'INVALID_DATE', 'at');
    });

    it('throws INVALID_DATE for a typo in the year instead of building centuries', () => {
      expectLeadMathError(
        () => ny().between('2026-01-01T00:00:00Z', '2500-01-01T00:00:00Z'),
        'INVALID_DATE',
        'b',
      );
      expectLeadMathError(
        () => ny().businessDays('2026-01-01', '3000-01-01'),
        'INVALID_DATE',
        'endDate',
      );
      expectLeadMathError(
        () => ny().businessDays('0099-12-01', '0100-01-31'),
        'INVALID_DATE',
        'startDate',
      );
    });

    it('accepts the first instant and the last millisecond of the range, not the instants either side', () => {
      const calendar = ny();
      expect(alwaysOpen.isOpen('1900-01-01T00:00:00Z')).toBe(true);
      expect(alwaysOpen.isOpen(Date.UTC(2200, 0, 1) - 1)).toBe(true);
      expectLeadMathError(() => alwaysOpen.isOpen(Date.UTC(1900, 0, 1) - 1), 'INVALID_DATE', 'at');
      expectLeadMathError(() => calendar.isOpen('2200-01-01T00:00:00Z'), 'INVALID_DATE', 'at');
      expectLeadMathError(() => calendar.nextOpen(8.64e15), 'INVALID_DATE', 'at');
      expectLeadMathError(() => calendar.add(8.64e15 - 1e6, 1), 'INVALID_DATE', 'at');
      // 1900-01-01 was a Monday: 09:00 in New York (LMT gave way to EST in 1883) is 14:00Z.
      expect(calendar.nextOpen('1900-01-01T00:00:00Z').toISOString()).toBe(
        '1900-01-01T14:00:00.000Z',
      );
    });

    it('throws INVALID_DURATION for durations that cannot end before 2200', () => {
      const calendar = ny();
      const t = '2026-01-05T10:00:00-05:00';
      expectLeadMathError(() => calendar.add(t, { days: 1e308 }), 'INVALID_DURATION', 'duration');
      expectLeadMathError(
        () => calendar.add(t, { businessDays: 1e9 }),
        'INVALID_DURATION',
        'duration',
      );
      // 3.6e12 ms is 1,000,000 open hours: 480 years of 8-hour weekdays.
      expectLeadMathError(() => calendar.add(t, 3.6e12), 'INVALID_DURATION', 'duration');
      expectLeadMathError(() => alwaysOpen.add(t, { days: 1e6 }), 'INVALID_DURATION', 'duration');
    });

    it('answers a near instant after a far one, and a far one after a near one', () => {
      const calendar = ny();
      // 2199-12-31 is a Tuesday: one open day of 8 hours.
      expect(calendar.between('2199-12-31T00:00:00Z', '2199-12-31T23:59:59Z')).toBe(8 * 60 * MIN);
      expect(calendar.isOpen('2026-03-09T10:00:00-04:00')).toBe(true);
      expect(calendar.businessDays('1900-01-01', '1900-01-07')).toBe(5);
    });
  });

  describe('daylight-saving nights', () => {
    // zoneinfo: 2026-10-04 02:30 Sydney (skipped) resolves to 16:30Z, 03:00 to 16:00Z.
    it('keeps both intervals of a Sydney spring-forward night that resolve out of order', () => {
      const sydney = businessCalendar({
        timeZone: 'Australia/Sydney',
        hours: {
          sun: [
            ['02:30', '02:50'],
            ['03:00', '03:20'],
          ],
        },
      });
      expect(sydney.isOpen('2026-10-04T03:10:00+11:00')).toBe(true);
      expect(sydney.isOpen('2026-10-04T03:40:00+11:00')).toBe(true);
      expect(sydney.isOpen('2026-10-04T03:25:00+11:00')).toBe(false);
      expect(sydney.between('2026-10-03T12:00:00Z', '2026-10-04T00:00:00Z')).toBe(40 * MIN);
    });

    // zoneinfo: 2026-03-08 02:30 New York resolves to 07:30Z, 03:00 to 07:00Z.
    it('keeps both intervals of a New York spring-forward night', () => {
      const calendar = businessCalendar({
        timeZone: 'America/New_York',
        hours: {
          sun: [
            ['02:30', '02:50'],
            ['03:00', '03:20'],
          ],
        },
      });
      expect(calendar.isOpen('2026-03-08T07:10:00Z')).toBe(true);
      expect(calendar.between('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(40 * MIN);
    });

    it('adds zero business days inside the repeated hour without going back', () => {
      const allDay = [['00:00', '24:00']] as const;
      const calendar = businessCalendar({
        timeZone: 'America/New_York',
        hours: { sun: allDay, mon: allDay },
      });
      // The second 01:30 of 2026-11-01 (EST) is 06:30Z; the first (EDT) is 05:30Z.
      const t = '2026-11-01T06:30:00Z';
      expect(calendar.add(t, { businessDays: 0 }).toISOString()).toBe('2026-11-01T06:30:00.000Z');
      expect(alwaysOpen.add(t, { businessDays: 0 }).toISOString()).toBe('2026-11-01T06:30:00.000Z');
    });
  });
});

describe('alwaysOpen', () => {
  it('carries no state that one call can poison', () => {
    expectLeadMathError(() => alwaysOpen.isOpen(1e15), 'INVALID_DATE', 'at');
    expectLeadMathError(() => alwaysOpen.nextOpen(8.64e15), 'INVALID_DATE', 'at');
    const status = slaStatus({
      start: '2026-01-05T09:00:00Z',
      target: { hours: 2 },
      asOf: '2026-01-05T10:00:00Z',
    });
    expect(status.state).toBe('running');
    expect(status.dueAt.toISOString()).toBe('2026-01-05T11:00:00.000Z');
    expect(Object.isFrozen(alwaysOpen)).toBe(true);
  });

  it('is elapsed time from 1900 to 2200', () => {
    // 300 years: 109,573 days (Python: (date(2200,1,1) - date(1900,1,1)).days).
    expect(alwaysOpen.between('1900-01-01T00:00:00Z', Date.UTC(2200, 0, 1) - 1)).toBe(
      109_573 * 86_400_000 - 1,
    );
    expect(alwaysOpen.businessDays('1900-01-01', '2199-12-31')).toBe(109_573);
    expect(alwaysOpen.add('2026-01-01T00:00:00Z', { businessDays: 3 }).toISOString()).toBe(
      '2026-01-04T00:00:00.000Z',
    );
  });
});

describe('isBusinessCalendar', () => {
  it('is true only for calendars leadmath built', () => {
    expect(isBusinessCalendar(alwaysOpen)).toBe(true);
    expect(isBusinessCalendar(ny())).toBe(true);
    expect(isBusinessCalendar({ ...alwaysOpen })).toBe(false);
    expect(isBusinessCalendar({})).toBe(false);
    expect(isBusinessCalendar(null)).toBe(false);
  });
});
