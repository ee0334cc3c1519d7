// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { alwaysOpen } from '../../src/calendar/alwaysOpen';
import { businessCalendar } from '../../src/calendar/businessCalendar';
import { deepFreeze, expectLeadMathError } from '../_helpers';

// Reference instants: Python's zoneinfo (fold=0, i.e. the earlier offset for a
// repeated hour; a skipped time is read with the offset before the gap).
const H = 3_600_000;
const nineToFive = [['09:00', '17:00']] as const;
const weekdays = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
};
const iso = (d: Date) => d.toISOString();

describe('businessCalendar', () => {
  const ny = businessCalendar({
    timeZone: 'America/New_York',
    hours: weekdays,
    holidays: ['2026-07-03'],
  });

  describe('New York, across the March change', () => {
    it('Friday 16:00 + 2 business hours is Monday 10:00 EDT', () => {
      const due = ny.add('2026-03-06T16:00:00-05:00', { hours: 2 });
      expect(iso(due)).toBe('2026-03-09T14:00:00.000Z');
      expect(ny.between('2026-03-06T16:00:00-05:00', due)).toBe(2 * H);
    });

    it('counts a whole 9–17 day as 8 hours on either side of the change', () => {
      expect(ny.between('2026-03-06T00:00:00-05:00', '2026-03-07T00:00:00-05:00')).toBe(8 * H);
      expect(ny.between('2026-03-09T00:00:00-04:00', '2026-03-10T00:00:00-04:00')).toBe(8 * H);
    });
  });

  describe('intervals over a daylight-saving change (shorter in spring, longer in autumn)', () => {
    const night = (timeZone: string) =>
      businessCalendar({ timeZone, hours: { sun: [['00:00', '06:00']] } });

    it('New York: 5 hours on 8 March, 7 hours on 1 November', () => {
      const cal = night('America/New_York');
      expect(cal.between('2026-03-08T05:00:00Z', '2026-03-08T10:00:00Z')).toBe(5 * H);
      expect(cal.between('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(5 * H);
      expect(cal.between('2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(7 * H);
    });

    it('Sydney (southern hemisphere): 7 hours on 5 April, 5 hours on 4 October', () => {
      const cal = night('Australia/Sydney');
      expect(cal.between('2026-04-04T00:00:00Z', '2026-04-05T00:00:00Z')).toBe(7 * H);
      expect(iso(cal.nextOpen('2026-04-04T00:00:00Z'))).toBe('2026-04-04T13:00:00.000Z');
      expect(cal.between('2026-10-03T00:00:00Z', '2026-10-04T12:00:00Z')).toBe(5 * H);
    });

    it('Oslo: 01:00–04:00 is 2 hours on 29 March and 4 hours on 25 October', () => {
      const cal = businessCalendar({
        timeZone: 'Europe/Oslo',
        hours: { sun: [['01:00', '04:00']] },
      });
      expect(cal.between('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).toBe(2 * H);
      expect(cal.between('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).toBe(4 * H);
    });

    it('an interval inside the skipped hour is empty that night only', () => {
      // 02:30 does not exist on 8 March in New York: it resolves to 03:30 EDT, after 03:15 EDT
      const cal = businessCalendar({
        timeZone: 'America/New_York',
        hours: { sun: [['02:30', '03:15']] },
      });
      expect(cal.between('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(0);
      expect(cal.isOpen('2026-03-08T07:20:00Z')).toBe(false);
      expect(cal.between('2026-03-15T00:00:00Z', '2026-03-16T00:00:00Z')).toBe(45 * 60_000);
      expect(cal.businessDays('2026-03-08', '2026-03-08')).toBe(0);
    });
  });

  describe('zones with non-hour offsets', () => {
    it('Kolkata (+05:30): opens at 03:30Z, 8 hours a day', () => {
      const cal = businessCalendar({ timeZone: 'Asia/Kolkata', hours: weekdays });
      expect(cal.isOpen('2026-03-02T03:29:59Z')).toBe(false);
      expect(cal.isOpen('2026-03-02T03:30:00Z')).toBe(true);
      expect(iso(cal.add('2026-03-02T03:30:00Z', { hours: 8 }))).toBe('2026-03-02T11:30:00.000Z');
      expect(iso(cal.add('2026-03-02T03:30:00Z', { hours: 8, minutes: 1 }))).toBe(
        '2026-03-03T03:31:00.000Z',
      );
    });

    it('Kathmandu (+05:45)', () => {
      const cal = businessCalendar({ timeZone: 'Asia/Kathmandu', hours: weekdays });
      expect(iso(cal.nextOpen('2026-03-01T12:00:00Z'))).toBe('2026-03-02T03:15:00.000Z');
    });
  });

  describe('several intervals a day, holidays and business days', () => {
    const office = businessCalendar({
      timeZone: 'Europe/Oslo',
      hours: {
        mon: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
        tue: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
      },
      holidays: ['2026-03-03'],
    });

    it('skips lunch', () => {
      // Monday 2 March, 11:00 CET (10:00Z) + 2 h: one hour before lunch, one after → 14:00 CET
      expect(iso(office.add('2026-03-02T10:00:00Z', { hours: 2 }))).toBe(
        '2026-03-02T13:00:00.000Z',
      );
      expect(office.isOpen('2026-03-02T11:30:00Z')).toBe(false);
    });

    it('skips holidays: Monday 16:00 + 2 h goes past the Tuesday holiday to the next Monday', () => {
      expect(iso(office.add('2026-03-02T15:00:00Z', { hours: 2 }))).toBe(
        '2026-03-09T09:00:00.000Z',
      );
    });

    it('counts open days inclusively, without holidays', () => {
      expect(office.businessDays('2026-03-01', '2026-03-31')).toBe(9); // 5 Mondays + 5 Tuesdays − 1 holiday
      expect(ny.businessDays('2026-03-01', '2026-03-31')).toBe(22);
      expect(ny.businessDays('2026-07-01', '2026-07-03')).toBe(2); // 3 July is a holiday
    });

    it('adds business days at the same wall time', () => {
      // Friday 6 March 15:00 EST + 2 business days = Tuesday 10 March 15:00 EDT
      expect(iso(ny.add('2026-03-06T15:00:00-05:00', { businessDays: 2 }))).toBe(
        '2026-03-10T19:00:00.000Z',
      );
      // from Saturday, the next open day is the first
      expect(iso(ny.add('2026-03-07T10:00:00-05:00', { businessDays: 1 }))).toBe(
        '2026-03-09T14:00:00.000Z',
      );
    });
  });

  it('answers across year ends and far from the first query', () => {
    expect(iso(ny.add('2026-12-31T16:00:00-05:00', { hours: 2 }))).toBe('2027-01-01T15:00:00.000Z');
    expect(ny.between('2030-01-01T00:00:00Z', '2030-01-08T00:00:00Z')).toBe(5 * 8 * H);
    expect(ny.businessDays('2025-12-29', '2026-01-02')).toBe(5);
  });

  it('returns its configuration from toJSON and does not mutate it', () => {
    const config = deepFreeze({
      timeZone: 'Asia/Kolkata',
      hours: { mon: [['09:00', '17:00']] as const },
      holidays: [],
    });
    const cal = businessCalendar(config);
    expect(JSON.parse(JSON.stringify(cal))).toEqual(config);
  });

  describe('bad input', () => {
    it('throws INVALID_TIME_ZONE for an unknown zone', () => {
      expectLeadMathError(
        () => businessCalendar({ timeZone: 'Mars/Base', hours: weekdays }),
        'INVALID_TIME_ZONE',
        'config.timeZone',
      );
    });

    it('throws INVALID_CALENDAR for malformed, reversed or overlapping hours and no open time', () => {
      const cases: ReadonlyArray<[unknown, string]> = [
        [{ mon: [['9:00', '17:00']] }, 'config.hours.mon[0][0]'],
        [{ mon: [['09:00', '24:30']] }, 'config.hours.mon[0][1]'],
        [{ mon: [['17:00', '09:00']] }, 'config.hours.mon[0][1]'],
        [
          {
            mon: [
              ['09:00', '13:00'],
              ['12:00', '17:00'],
            ],
          },
          'config.hours.mon[1][0]',
        ],
        [{ monday: [['09:00', '17:00']] }, 'config.hours.monday'],
        [{ mon: [] }, 'config.hours'],
        [{}, 'config.hours'],
      ];
      for (const [hours, path] of cases) {
        expectLeadMathError(
          () => businessCalendar({ timeZone: 'UTC', hours } as never),
          'INVALID_CALENDAR',
          path,
        );
      }
      expectLeadMathError(
        () => businessCalendar({ timeZone: 'UTC', hours: weekdays, holidays: ['2026-02-30'] }),
        'INVALID_CALENDAR',
        'config.holidays[0]',
      );
    });

    it('throws INVALID_DATE for an instant without offset and INVALID_DURATION for a bad duration', () => {
      expectLeadMathError(() => ny.isOpen('2026-03-06T16:00:00'), 'INVALID_DATE', 'at');
      expectLeadMathError(() => ny.add(0, -1), 'INVALID_DURATION', 'duration');
      expectLeadMathError(() => ny.add(0, { weeks: 1 } as never), 'INVALID_DURATION', 'duration');
      expectLeadMathError(() => ny.add(0, { businessDays: 1.5 }), 'INVALID_DURATION', 'duration');
      expectLeadMathError(
        () => ny.businessDays('2026-03-31', '2026-03-01'),
        'INVALID_ARGUMENT',
        'endDate',
      );
    });

    it('finds an opening after 120 closed years, and says so when none is left before 2200', () => {
      const day = (i: number) =>
        new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const holidays = Array.from({ length: 120 * 366 }, (_, i) => day(i));
      const closed = businessCalendar({ timeZone: 'UTC', hours: weekdays, holidays });
      // 2026-01-01 + 43,920 days is 2146-04-02 (Python: date(2026,1,1) + timedelta(43920)), a Saturday: open Monday 04-04.
      expect(iso(closed.nextOpen('2026-01-01T00:00:00Z'))).toBe('2146-04-04T09:00:00.000Z');
      const untilEnd = Array.from({ length: 174 * 366 }, (_, i) => day(i)).filter(
        (d) => d < '2200-01-01',
      );
      const never = businessCalendar({ timeZone: 'UTC', hours: weekdays, holidays: untilEnd });
      expectLeadMathError(() => never.nextOpen('2026-01-01T00:00:00Z'), 'INVALID_DATE', 'at');
      expectLeadMathError(
        () => never.add('2026-01-01T00:00:00Z', 1),
        'INVALID_DURATION',
        'duration',
      );
      expect(never.between('2026-01-01T00:00:00Z', '2199-12-31T00:00:00Z')).toBe(0);
    });
  });
});

describe('alwaysOpen', () => {
  it('adds centuries of business time without mistaking distance for closure', () => {
    const years = 150;
    const due = alwaysOpen.add('2026-01-01T00:00:00Z', { days: years * 365 });
    // Python: datetime(2026, 1, 1) + timedelta(days=150 * 365)
    expect(due.toISOString()).toBe('2175-11-26T00:00:00.000Z');
  });

  it('counts elapsed time', () => {
    expect(alwaysOpen.isOpen('2026-03-08T07:00:00Z')).toBe(true);
    expect(alwaysOpen.between('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toBe(365 * 24 * H);
    expect(iso(alwaysOpen.add('2026-12-31T23:00:00Z', { hours: 2 }))).toBe(
      '2027-01-01T01:00:00.000Z',
    );
  });
});
