// @ts-nocheck
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { businessCalendar } from '../../src/calendar/businessCalendar';

const zones = [
  'America/New_York',
  'Europe/Oslo',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'UTC',
];
const calendars = zones.map((timeZone) =>
  businessCalendar({
    timeZone,
    hours: {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
      tue: [['09:00', '17:00']],
      wed: [['00:00', '24:00']],
      thu: [['02:00', '03:30']],
      fri: [['08:30', '16:30']],
      sun: [['01:00', '04:00']],
    },
    holidays: ['2026-03-10', '2026-11-03', '2026-12-25'],
  }),
);
const calendar = fc.constantFrom(...calendars);
const instant = fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 1, 1) });
const duration = fc.integer({ min: 0, max: 60 * 86_400_000 });

describe('calendar properties', () => {
  test.prop({ cal: calendar, a: instant, d: duration })(
    'between(a, add(a, d)) = d',
    ({ cal, a, d }) => {
      expect(cal.between(a, cal.add(a, d))).toBe(d);
    },
  );

  test.prop({ cal: calendar, a: instant, b: instant, c: instant })(
    'between is additive over a split point, and antisymmetric',
    ({ cal, a, b, c }) => {
      expect(cal.between(a, b) + cal.between(b, c)).toBe(cal.between(a, c));
      expect(cal.between(b, a)).toBe(0 - cal.between(a, b));
    },
  );

  test.prop({ cal: calendar, a: instant, d1: duration, d2: duration })(
    'add is monotone in the duration',
    ({ cal, a, d1, d2 }) => {
      const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
      expect(cal.add(a, lo).getTime()).toBeLessThanOrEqual(cal.add(a, hi).getTime());
    },
  );

  test.prop({ cal: calendar, t: instant })(
    'nextOpen(t) is open and no earlier than t; nothing is open in between',
    ({ cal, t }) => {
      const next = cal.nextOpen(t);
      expect(next.getTime()).toBeGreaterThanOrEqual(t);
      expect(cal.isOpen(next)).toBe(true);
      expect(cal.between(t, next)).toBe(0);
    },
  );

  test.prop({ cal: calendar, t: instant, d: fc.integer({ min: 1, max: 7 * 86_400_000 }) })(
    'open time in [t, t + d) lies in [0, d], and is zero before the next opening',
    ({ cal, t, d }) => {
      const open = cal.between(t, t + d);
      expect(open).toBeGreaterThanOrEqual(0);
      expect(open).toBeLessThanOrEqual(d);
      if (cal.nextOpen(t).getTime() >= t + d) expect(open).toBe(0);
    },
  );
});
