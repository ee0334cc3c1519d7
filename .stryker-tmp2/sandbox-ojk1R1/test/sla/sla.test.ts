// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../../src/calendar/businessCalendar';
import { slaItemsFromEvents } from '../../src/sla/slaItemsFromEvents';
import { slaReport } from '../../src/sla/slaReport';
import { slaStatus } from '../../src/sla/slaStatus';
import { speedToLead } from '../../src/sla/speedToLead';
import { velocityVsSla } from '../../src/sla/velocityVsSla';
import { deepFreeze, expectLeadMathError } from '../_helpers';

const H = 3_600_000;
const nineToFive = [['09:00', '17:00']] as const;
const ny = businessCalendar({
  timeZone: 'America/New_York',
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
});
const friday16 = '2026-03-06T16:00:00-05:00';
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('slaStatus', () => {
  const base = { start: friday16, target: { hours: 2 }, calendar: ny };

  it('runs in business hours only, across the weekend and the March change', () => {
    const s = slaStatus({ ...base, asOf: '2026-03-06T16:30:00-05:00' });
    expect(s.state).toBe('running');
    expect(s.elapsedMs).toBe(0.5 * H);
    expect(s.remainingMs).toBe(1.5 * H);
    expect(iso(s.dueAt)).toBe('2026-03-09T14:00:00.000Z'); // Monday 10:00 EDT
    // all weekend: still 1 hour elapsed (Friday 16–17)
    expect(slaStatus({ ...base, asOf: '2026-03-08T12:00:00-04:00' }).elapsedMs).toBe(H);
  });

  it('is at risk past 80 % of the target, breached once open past due', () => {
    const risk = slaStatus({ ...base, asOf: '2026-03-09T09:45:00-04:00' });
    expect(risk.state).toBe('at-risk'); // 1 h 45 of 2 h = 87.5 %
    expect(risk.remainingMs).toBe(15 * 60_000);
    const late = slaStatus({ ...base, asOf: '2026-03-09T10:30:00-04:00' });
    expect(late.state).toBe('breached');
    expect(iso(late.breachedAt)).toBe('2026-03-09T14:00:00.000Z');
    expect(late.remainingMs).toBe(0);
  });

  it('is met when stopped at or before due, breached when stopped after', () => {
    const asOf = '2026-03-10T00:00:00Z';
    expect(slaStatus({ ...base, stop: '2026-03-09T09:59:00-04:00', asOf }).state).toBe('met');
    expect(slaStatus({ ...base, stop: '2026-03-09T10:00:00-04:00', asOf }).state).toBe('met');
    const late = slaStatus({ ...base, stop: '2026-03-09T10:01:00-04:00', asOf });
    expect(late.state).toBe('breached');
    expect(late.elapsedMs).toBe(2 * H + 60_000);
    expect(iso(late.stoppedAt)).toBe('2026-03-09T14:01:00.000Z');
  });

  it('ignores a stop after asOf (time travel)', () => {
    const s = slaStatus({
      ...base,
      stop: '2026-03-09T09:59:00-04:00',
      asOf: '2026-03-06T16:30:00-05:00',
    });
    expect(s.state).toBe('running');
    expect(s.stoppedAt).toBeNull();
  });

  it('takes a target in business days: the same wall time two open days later', () => {
    const s = slaStatus({
      start: friday16,
      target: { businessDays: 2 },
      calendar: ny,
      asOf: friday16,
    });
    expect(iso(s.dueAt)).toBe('2026-03-10T20:00:00.000Z'); // Tuesday 16:00 EDT
  });

  it('counts elapsed time on the default 24/7 calendar', () => {
    const s = slaStatus({
      start: '2026-03-02T09:00:00Z',
      target: { days: 2 },
      asOf: '2026-03-03T21:00:00Z',
    });
    expect(s.elapsedMs).toBe(36 * H);
    expect(s.state).toBe('running'); // 75 % < 80 %
  });

  describe('pauses', () => {
    const t0 = Date.UTC(2026, 2, 2);
    it('move the due time later by the paused business time', () => {
      const s = slaStatus({
        start: t0,
        target: 4 * H,
        pauses: [{ from: t0 + H, to: t0 + 3 * H }],
        asOf: t0 + 10 * H,
      });
      expect(s.dueAt.getTime()).toBe(t0 + 6 * H);
      expect(s.state).toBe('breached');
    });

    it('count an ongoing pause up to asOf', () => {
      const s = slaStatus({
        start: t0,
        target: 4 * H,
        pauses: [{ from: t0 + H }],
        asOf: t0 + 2 * H,
      });
      expect(s.paused).toBe(true);
      expect(s.elapsedMs).toBe(H);
      expect(s.remainingMs).toBe(3 * H);
      expect(s.state).toBe('running');
    });

    it('ignore pauses after the due time or before the start', () => {
      const s = slaStatus({
        start: t0,
        target: 4 * H,
        pauses: [
          { from: t0 - 2 * H, to: t0 - H },
          { from: t0 + 5 * H, to: t0 + 6 * H },
        ],
        asOf: t0 + 4 * H,
      });
      expect(s.dueAt.getTime()).toBe(t0 + 4 * H);
    });

    it('throws INVALID_ARGUMENT for overlapping pauses', () => {
      expectLeadMathError(
        () =>
          slaStatus({
            start: t0,
            target: 4 * H,
            pauses: [
              { from: t0 + H, to: t0 + 3 * H },
              { from: t0 + 2 * H, to: t0 + 4 * H },
            ],
            asOf: t0 + 5 * H,
          }),
        'INVALID_ARGUMENT',
        'pauses',
      );
    });
  });

  describe('bad input', () => {
    it('throws the right codes', () => {
      expectLeadMathError(
        () => slaStatus({ ...base, target: 0, asOf: friday16 }),
        'INVALID_DURATION',
        'target',
      );
      expectLeadMathError(
        () => slaStatus({ ...base, target: { hours: 0 }, asOf: friday16 }),
        'INVALID_DURATION',
        'target',
      );
      expectLeadMathError(
        () => slaStatus({ ...base, warnAt: 1.5, asOf: friday16 }),
        'INVALID_RATE',
        'warnAt',
      );
      expectLeadMathError(
        () => slaStatus({ ...base, stop: '2026-03-06T15:00:00-05:00', asOf: friday16 }),
        'INVALID_ARGUMENT',
        'stop',
      );
      expectLeadMathError(
        () => slaStatus({ ...base, asOf: '2026-03-06T16:00' }),
        'INVALID_DATE',
        'asOf',
      );
      expectLeadMathError(
        () => slaStatus({ ...base, calendar: {} as never, asOf: friday16 }),
        'INVALID_CALENDAR',
        'calendar',
      );
    });
  });
});

describe('slaReport', () => {
  const t0 = Date.UTC(2026, 2, 2, 9);
  const items = deepFreeze([
    { owner: 'ana', source: 'web', start: t0, stop: t0 + 0.5 * H },
    { owner: 'ana', source: 'web', start: t0, stop: t0 + H },
    { owner: 'ben', source: 'event', start: t0, stop: t0 + 2 * H },
    { owner: 'ben', source: 'web', start: t0, stop: t0 + 30 * H },
    { owner: 'cy', source: 'event', start: t0, stop: t0 + 49 * H },
    { owner: 'cy', source: 'web', start: t0 + 40 * H }, // open, 10 of 48 h
    { owner: 'cy', source: 'web', start: t0 }, // open past due
  ]);
  const report = slaReport(items, { target: { days: 2 }, asOf: t0 + 50 * H, segmentBy: 'source' });

  it('counts states and leaves undecided items out of the breach rate', () => {
    expect(report.total).toBe(7);
    expect(report.counts).toEqual({ running: 1, 'at-risk': 0, met: 4, breached: 2 });
    expect(report.breachRate).toBeCloseTo(2 / 6, 12);
  });

  it('gives median and p90 response by linear interpolation (numpy: 2 h and 41.4 h)', () => {
    expect(report.medianResponseMs).toBe(2 * H);
    expect(report.p90ResponseMs! / H).toBeCloseTo(41.4, 9);
  });

  it('groups by owner and by segment', () => {
    expect(Object.keys(report.byOwner)).toEqual(['ana', 'ben', 'cy']);
    expect(report.byOwner.cy!.counts).toEqual({ running: 1, 'at-risk': 0, met: 0, breached: 2 });
    expect(report.byOwner.ana!.breachRate).toBe(0);
    expect(report.bySegment.event!.total).toBe(2);
    expect(report.bySegment.web!.total).toBe(5);
  });

  it('attaches a Wilson interval to the breach rate', () => {
    expect(report.breachRateInterval.low).toBeLessThan(2 / 6);
    expect(report.breachRateInterval.high).toBeGreaterThan(2 / 6);
  });

  it('has no owner groups without owners, and nulls for no decided items', () => {
    const r = slaReport([{ start: t0 }], { target: { hours: 1 }, asOf: t0 });
    expect(r.byOwner).toEqual({});
    expect(r.breachRate).toBeNull();
    expect(r.medianResponseMs).toBeNull();
  });

  it('throws naming the item', () => {
    expectLeadMathError(
      () => slaReport([{ start: 'soon' }], { target: 1, asOf: 0 }),
      'INVALID_DATE',
      'items[0].start',
    );
    expectLeadMathError(
      () =>
        slaReport([{ start: 0, source: { a: 1 } }], { target: 1, asOf: 0, segmentBy: 'source' }),
      'INVALID_ARGUMENT',
      'items[0].source',
    );
  });
});

describe('speedToLead', () => {
  const t0 = Date.UTC(2026, 2, 2, 9);
  it('puts each lead in exactly one bucket, bounds inclusive', () => {
    const r = speedToLead([
      { start: t0, stop: t0 + 5 * 60_000 },
      { start: t0, stop: t0 + 5 * 60_000 + 1 },
      { start: t0, stop: t0 + H },
      { start: t0, stop: t0 + 24 * H },
      { start: t0, stop: t0 + 24 * H + 1 },
      { start: t0, stop: null },
    ]);
    expect(r.buckets.map((b) => b.count)).toEqual([1, 2, 1, 1, 1]);
    expect(r.withinHour).toBe(0.5);
    expect(r.total).toBe(6);
  });

  it('counts business time with a calendar', () => {
    // Friday 16:30 EST → Monday 09:10 EDT is 40 business minutes
    const r = speedToLead(
      [{ start: '2026-03-06T16:30:00-05:00', stop: '2026-03-09T09:10:00-04:00' }],
      { calendar: ny },
    );
    expect(r.buckets[1]!.count).toBe(1);
  });

  it('returns null shares for no leads and throws for a stop before the start', () => {
    expect(speedToLead([]).withinHour).toBeNull();
    expectLeadMathError(
      () => speedToLead([{ start: 10, stop: 5 }]),
      'INVALID_ARGUMENT',
      'items[0].stop',
    );
  });
});

describe('velocityVsSla', () => {
  it('an average of 3 days against a 2-day SLA is breached by 1 day', () => {
    expect(velocityVsSla({ averageDaysInStage: 3, slaDays: 2 })).toEqual({
      breached: true,
      overByDays: 1,
    });
    expect(velocityVsSla({ averageDaysInStage: 1.5, slaDays: 2 })).toEqual({
      breached: false,
      overByDays: 0,
    });
    expect(velocityVsSla({ averageDaysInStage: 2, slaDays: 2 }).breached).toBe(false);
  });

  it('throws INVALID_NUMBER for bad numbers', () => {
    expectLeadMathError(
      () => velocityVsSla({ averageDaysInStage: -1, slaDays: 2 }),
      'INVALID_NUMBER',
      'averageDaysInStage',
    );
    expectLeadMathError(
      () => velocityVsSla({ averageDaysInStage: 1, slaDays: 0 }),
      'INVALID_NUMBER',
      'slaDays',
    );
  });
});

describe('slaItemsFromEvents', () => {
  const policy = {
    start: ['mql'],
    stop: ['accepted', 'rejected'],
    pause: ['waiting_on_customer'],
    resume: ['customer_replied'],
  };
  const at = (h: number) => new Date(Date.UTC(2026, 2, 2, 9) + h * H);

  it('builds one clock per start, with pauses, owners and recycled leads', () => {
    const items = slaItemsFromEvents(
      [
        { leadId: 'L1', type: 'accepted', at: at(0) }, // no clock yet: ignored
        { leadId: 'L1', type: 'mql', at: at(1), owner: 'ana' },
        { leadId: 'L2', type: 'mql', at: at(1) },
        { leadId: 'L1', type: 'waiting_on_customer', at: at(2) },
        { leadId: 'L1', type: 'customer_replied', at: at(5) },
        { leadId: 'L1', type: 'accepted', at: at(6) },
        { leadId: 'L1', type: 'mql', at: at(30) }, // recycled
        { leadId: 'L1', type: 'waiting_on_customer', at: at(31) }, // still paused
        { leadId: 'L2', type: 'rejected', at: at(3) },
      ],
      policy,
    );
    expect(items).toEqual([
      {
        id: 'L1',
        owner: 'ana',
        start: at(1),
        stop: at(6),
        outcome: 'accepted',
        pauses: [{ from: at(2), to: at(5) }],
      },
      { id: 'L1', start: at(30), pauses: [{ from: at(31) }] },
      { id: 'L2', start: at(1), stop: at(3), outcome: 'rejected', pauses: [] },
    ]);
    // 5 h from MQL to acceptance, 3 of them waiting on the customer: 2 h on the clock
    const status = slaStatus({ ...items[0]!, target: { hours: 4 }, asOf: at(40) });
    expect(status.elapsedMs).toBe(2 * H);
    expect(status.state).toBe('met');
  });

  it('ends a pause at a stop', () => {
    const items = slaItemsFromEvents(
      [
        { leadId: 1, type: 'mql', at: at(0) },
        { leadId: 1, type: 'waiting_on_customer', at: at(1) },
        { leadId: 1, type: 'rejected', at: at(4) },
      ],
      policy,
    );
    expect(items[0]!.pauses).toEqual([{ from: at(1), to: at(4) }]);
  });

  it('throws INVALID_ARGUMENT for a policy without start or stop events, or a bad event', () => {
    expectLeadMathError(
      () => slaItemsFromEvents([], { start: [], stop: ['x'] }),
      'INVALID_ARGUMENT',
      'policy.start',
    );
    expectLeadMathError(
      () => slaItemsFromEvents([{ leadId: 'a', type: '', at: 0 }], policy),
      'INVALID_ARGUMENT',
      'events[0].type',
    );
    expectLeadMathError(
      () => slaItemsFromEvents([{ leadId: 'a', type: 'mql', at: 'now' }], policy),
      'INVALID_DATE',
      'events[0].at',
    );
  });
});
