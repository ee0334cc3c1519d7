// @ts-nocheck
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { alwaysOpen } from '../../src/calendar/alwaysOpen';
import { businessCalendar } from '../../src/calendar/businessCalendar';
import { slaReport } from '../../src/sla/slaReport';
import { slaStatus } from '../../src/sla/slaStatus';
import { speedToLead } from '../../src/sla/speedToLead';

const H = 3_600_000;
const nineToFive = [['09:00', '17:00']] as const;
const calendar = fc.constantFrom(
  alwaysOpen,
  businessCalendar({
    timeZone: 'America/New_York',
    hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    holidays: ['2026-03-10'],
  }),
  businessCalendar({
    timeZone: 'Asia/Kolkata',
    hours: {
      mon: [
        ['10:00', '13:00'],
        ['14:00', '18:30'],
      ],
      sat: nineToFive,
    },
  }),
);
const t0 = Date.UTC(2026, 2, 1);
const instant = fc.integer({ min: t0, max: t0 + 30 * 24 * H });
const target = fc.integer({ min: 60_000, max: 5 * 24 * H });
const item = fc.record({
  start: instant,
  stopAfter: fc.option(fc.integer({ min: 0, max: 10 * 24 * H }), { nil: undefined }),
});

describe('SLA properties', () => {
  test.prop({ cal: calendar, it: item, target, asOf: instant })(
    'the state agrees with the due time, and elapsed + remaining = target while open and not due',
    ({ cal, it, target, asOf: rawAsOf }) => {
      const asOf = Math.max(rawAsOf, it.start);
      const stop = it.stopAfter === undefined ? undefined : it.start + it.stopAfter;
      const s = slaStatus({
        start: it.start,
        ...(stop === undefined ? {} : { stop }),
        target,
        calendar: cal,
        asOf,
      });
      const due = s.dueAt.getTime();
      expect(cal.between(it.start, due)).toBe(target);
      if (s.stoppedAt) {
        expect(s.state).toBe(s.stoppedAt.getTime() <= due ? 'met' : 'breached');
      } else if (asOf > due) {
        expect(s.state).toBe('breached');
      } else {
        expect(['running', 'at-risk']).toContain(s.state);
        expect(s.elapsedMs + s.remainingMs).toBe(target);
        expect(s.state === 'at-risk').toBe(s.elapsedMs >= 0.8 * target);
      }
      expect(s.breachedAt === null).toBe(s.state !== 'breached');
    },
  );

  test.prop({ cal: calendar, start: instant, a: target, b: target, asOf: instant })(
    'the due time is monotone in the target',
    ({ cal, start, a, b, asOf: rawAsOf }) => {
      const asOf = Math.max(rawAsOf, start);
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const due = (t: number) =>
        slaStatus({ start, target: t, calendar: cal, asOf }).dueAt.getTime();
      expect(due(lo)).toBeLessThanOrEqual(due(hi));
    },
  );

  test.prop({
    start: instant,
    target,
    from: fc.integer({ min: 0, max: 48 * H }),
    length: fc.integer({ min: 0, max: 48 * H }),
  })(
    'a pause never brings the due time earlier, and delays it by at most its length',
    ({ start, target, from, length }) => {
      const asOf = start + 400 * H;
      const plain = slaStatus({ start, target, asOf }).dueAt.getTime();
      const paused = slaStatus({
        start,
        target,
        asOf,
        pauses: [{ from: start + from, to: start + from + length }],
      }).dueAt.getTime();
      expect(paused).toBeGreaterThanOrEqual(plain);
      expect(paused - plain).toBeLessThanOrEqual(length);
    },
  );

  test.prop({
    cal: calendar,
    items: fc.array(
      fc.record({
        owner: fc.constantFrom('a', 'b', 'c'),
        start: instant,
        stopAfter: fc.option(fc.integer({ min: 0, max: 10 * 24 * H }), { nil: undefined }),
      }),
      { maxLength: 40 },
    ),
    target,
    asOf: instant,
  })(
    'report counts add up, overall and per owner, and the breach rate is a rate',
    ({ cal, items, target, asOf: rawAsOf }) => {
      const asOf = Math.max(rawAsOf, ...items.map((i) => i.start));
      const rows = items.map((i) => ({
        owner: i.owner,
        start: i.start,
        ...(i.stopAfter === undefined ? {} : { stop: i.start + i.stopAfter }),
      }));
      const r = slaReport(rows, { target, calendar: cal, asOf });
      const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
      expect(sum(r.counts)).toBe(items.length);
      expect(Object.values(r.byOwner).reduce((a, g) => a + g.total, 0)).toBe(items.length);
      if (r.breachRate !== null) {
        expect(r.breachRate).toBeGreaterThanOrEqual(0);
        expect(r.breachRate).toBeLessThanOrEqual(1);
      }
      if (r.medianResponseMs !== null)
        expect(r.p90ResponseMs!).toBeGreaterThanOrEqual(r.medianResponseMs);
    },
  );

  test.prop({ items: fc.array(item, { maxLength: 50 }) })(
    'speedToLead puts every lead in exactly one bucket',
    ({ items }) => {
      const rows = items.map((i) => ({
        start: i.start,
        stop: i.stopAfter === undefined ? null : i.start + i.stopAfter,
      }));
      const r = speedToLead(rows);
      expect(r.buckets.reduce((a, b) => a + b.count, 0)).toBe(items.length);
    },
  );
});
