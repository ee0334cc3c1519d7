import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect } from 'vitest';
import { type PeriodUnit, periodOf, periods } from '../../src/calendar/periods';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const zones = ['America/New_York', 'Europe/Oslo', 'Australia/Sydney', 'Asia/Kathmandu', 'UTC'];

const localDate = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('periods against Temporal', () => {
  test.prop([
    localDate,
    fc.integer({ min: 1, max: 800 }),
    fc.constantFrom<PeriodUnit>('week', 'month', 'quarter', 'half', 'year'),
    fc.constantFrom(...zones),
    fc.constantFrom(...WEEKDAYS),
  ])(
    'are adjacent local periods covering the range, keyed and counted as Temporal says',
    (from, days, every, timeZone, weekStartsOn) => {
      const to = Temporal.PlainDate.from(from).add({ days }).toString();
      const got = periods({ from, to, every, timeZone, weekStartsOn });
      const startOf = (date: string) =>
        Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant().epochMilliseconds;
      expect(got[0]!.start.getTime()).toBeLessThanOrEqual(startOf(from));
      expect(got.at(-1)!.end.getTime()).toBeGreaterThanOrEqual(startOf(to));
      for (const [k, p] of got.entries()) {
        const first = Temporal.PlainDate.from(p.startDate);
        const last = Temporal.PlainDate.from(p.endDate);
        expect(p.start.getTime()).toBe(startOf(p.startDate));
        expect(p.end.getTime()).toBe(startOf(last.add({ days: 1 }).toString()));
        if (k > 0) expect(p.start.getTime()).toBe(got[k - 1]!.end.getTime());
        if (every === 'week') {
          expect(first.dayOfWeek).toBe(WEEKDAYS.indexOf(weekStartsOn) + 1);
          expect(first.until(last).days).toBe(6);
          const fourth = first.add({ days: 3 });
          expect(p.key).toBe(`${fourth.yearOfWeek}-W${String(fourth.weekOfYear).padStart(2, '0')}`);
        } else {
          const months = { month: 1, quarter: 3, half: 6, year: 12 }[every];
          expect(first.day).toBe(1);
          expect((first.month - 1) % months).toBe(0);
          expect(last.add({ days: 1 }).equals(first.add({ months }))).toBe(true);
          const n = (first.month - 1) / months + 1;
          const key = {
            month: `${first.year}-${String(first.month).padStart(2, '0')}`,
            quarter: `${first.year}-Q${n}`,
            half: `${first.year}-H${n}`,
            year: String(first.year),
          }[every];
          expect(p.key).toBe(key);
        }
        let weekdays = 0;
        for (let d = first; Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 }))
          if (d.dayOfWeek <= 5) weekdays++;
        expect(p.businessDays).toBe(weekdays);
      }
    },
  );

  test.prop([
    fc.constantFrom(...zones),
    fc.integer({ min: Date.UTC(2025, 10, 1), max: Date.UTC(2027, 1, 1) }),
  ])('periodOf finds the period that holds an instant, as a scan does', (timeZone, at) => {
    const list = periods({ from: '2026-01-01', to: '2027-01-01', every: 'month', timeZone });
    const want = list.find((p) => p.start.getTime() <= at && at < p.end.getTime()) ?? null;
    expect(periodOf(list, at)).toBe(want);
  });
});
