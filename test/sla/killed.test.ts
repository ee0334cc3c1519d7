/**
 * Edges of SLA clocks and reports found by mutation testing: each case here
 * failed to tell the code from a small change of it.
 */
import { describe, expect, it } from 'vitest';
import { alwaysOpen, slaItemsFromEvents, slaReport, slaStatus, speedToLead } from '../../src/index';
import { catchLeadMathError } from '../_helpers';

const H = 3_600_000;
const T = Date.UTC(2026, 2, 2, 9);

describe('slaReport groups', () => {
  it('count items without an owner in the total only, and owners exactly', () => {
    const items = [
      { owner: 'ana', start: T, stop: T + H },
      { start: T, stop: T + H },
      { owner: 'ben', start: T, stop: T + 5 * H },
      { start: T },
    ];
    const report = slaReport(items, { target: { hours: 2 }, asOf: T + 10 * H });
    expect(report.total).toBe(4);
    expect(Object.keys(report.byOwner)).toEqual(['ana', 'ben']);
    expect(report.byOwner.ana!.counts).toEqual({ running: 0, 'at-risk': 0, met: 1, breached: 0 });
    expect(report.byOwner.ben!.counts).toEqual({ running: 0, 'at-risk': 0, met: 0, breached: 1 });
    expect(report).not.toHaveProperty('issues');
  });

  it('leave collected bad rows out of every segment', () => {
    const items = [
      { source: 'ads', start: T, stop: T + H },
      { source: 'ads', start: 'bad' },
      { source: 'seo', start: T, stop: T + 3 * H },
    ];
    const report = slaReport(items, {
      target: { hours: 2 },
      asOf: T + 10 * H,
      segmentBy: 'source',
      onInvalid: 'collect',
    });
    expect(report.bySegment.ads!.total).toBe(1);
    expect(report.bySegment.seo!.total).toBe(1);
    expect(Object.keys(report.bySegment)).toEqual(['ads', 'seo']);
  });
});

describe('SLA clocks', () => {
  const status = (extra: Record<string, unknown>) =>
    slaStatus({ start: T, target: { hours: 4 }, asOf: T + 2 * H, ...extra });

  it('ignore a pause that begins after asOf, and accept zero-length and touching pauses', () => {
    expect(status({ pauses: [{ from: T + 3 * H }] }).paused).toBe(false);
    expect(status({ pauses: [{ from: T + H, to: T + H }] }).elapsedMs).toBe(2 * H);
    const touching = status({
      pauses: [
        { from: T + 30 * 60_000, to: T + H },
        { from: T + H, to: T + 90 * 60_000 },
      ],
    });
    expect(touching.elapsedMs).toBe(H);
  });

  it('count a pause that begins exactly at asOf as paused', () => {
    // asOf is T + 2 h: the pause has begun, nothing of it has elapsed.
    const s = status({ pauses: [{ from: T + 2 * H }] });
    expect(s.paused).toBe(true);
    expect(s.elapsedMs).toBe(2 * H);
  });

  it('leave the due time alone for a pause wholly after it, once that pause is known', () => {
    // Target 4 h from T: due at T + 4 h. The pause 5 h – 6 h comes after, asOf at T + 8 h.
    const s = slaStatus({
      start: T,
      target: { hours: 4 },
      pauses: [{ from: T + 5 * H, to: T + 6 * H }],
      asOf: T + 8 * H,
    });
    expect(s.dueAt.getTime()).toBe(T + 4 * H);
    expect(s.state).toBe('breached');
    // 8 h since the start, 1 h of it paused.
    expect(s.elapsedMs).toBe(7 * H);
  });

  it('take a null stop as open, and name a bad stop or pause end', () => {
    expect(status({ stop: null }).state).toBe('running');
    expect(catchLeadMathError(() => status({ stop: 'later' })).details.path).toBe('stop');
    expect(catchLeadMathError(() => status({ pauses: [{ from: T, to: 'x' }] })).details.path).toBe(
      'pauses[0].to',
    );
    const early = catchLeadMathError(() => status({ start: T + 3 * H }));
    expect(early.details.expected).toBe('an instant at or before asOf (2026-03-02T11:00:00.000Z)');
  });

  it('count business-day targets in open time, remaining included', () => {
    // Always open: 1 business day is 24 h; 2 h have run.
    const s = slaStatus({ start: T, target: { businessDays: 1 }, asOf: T + 2 * H });
    expect(s.remainingMs).toBe(22 * H);
    expect(s.state).toBe('running');
    expect(slaStatus({ start: T, target: { businessDays: 1 }, asOf: T + 20 * H }).state).toBe(
      'at-risk',
    );
  });

  it('say why a calendar or a target is refused', () => {
    expect(
      catchLeadMathError(() => slaStatus({ start: T, target: 1, asOf: T, calendar: {} as never }))
        .details.expected,
    ).toBe('a calendar made by businessCalendar() or alwaysOpen');
    const late = catchLeadMathError(() =>
      slaStatus({
        start: Date.UTC(2199, 11, 31),
        target: { days: 2 },
        asOf: Date.UTC(2199, 11, 31),
        calendar: alwaysOpen,
      }),
    );
    expect([late.code, late.details.path, late.details.expected]).toEqual([
      'INVALID_DURATION',
      'target',
      'a target that ends before 2200-01-01T00:00Z',
    ]);
  });
});

describe('speed to lead and events', () => {
  it('puts exactly 24 hours in the 24-hour bucket', () => {
    const result = speedToLead([{ start: T, stop: T + 24 * H }]);
    expect(result.buckets.map((b) => b.count)).toEqual([0, 0, 1, 0, 0]);
    expect(result).not.toHaveProperty('issues');
  });

  it('order a pause before a stop at the same instant, and name a bad type', () => {
    const events = [
      { leadId: 1, type: 'accepted', at: T + H },
      { leadId: 1, type: 'waiting', at: T + H },
      { leadId: 1, type: 'mql', at: T },
    ];
    const [item] = slaItemsFromEvents(events, {
      start: ['mql'],
      stop: ['accepted'],
      pause: ['waiting'],
    });
    // The pause opens at T + H and the stop at the same instant ends it.
    expect(item!.pauses.map((p) => [(p.from as Date).getTime(), (p.to as Date).getTime()])).toEqual(
      [[T + H, T + H]],
    );
    const error = catchLeadMathError(() =>
      slaItemsFromEvents([{ leadId: 1, type: '', at: T }], { start: ['mql'], stop: ['x'] }),
    );
    expect([error.details.path, error.details.expected]).toEqual([
      'events[0].type',
      'an event type',
    ]);
    expect(
      catchLeadMathError(() =>
        slaItemsFromEvents([], { start: ['a'], stop: ['b'], onInvalid: 'x' as never }),
      ).details.path,
    ).toBe('policy.onInvalid');
    expect(
      catchLeadMathError(() => speedToLead([], { onInvalid: 'x' as never })).details.path,
    ).toBe('options.onInvalid');
  });
});

describe('slaReport groups', () => {
  const policy = { target: { hours: 2 }, asOf: T + 10 * H };

  it('keep items without an owner out of every owner group, and out of the keys', () => {
    const report = slaReport(
      [
        { owner: 'ana', start: T, stop: T + H },
        { start: T, stop: T + 5 * H },
        { owner: 'ana', start: T, stop: T + 3 * H },
        { owner: 'ben', start: T },
      ],
      policy,
    );
    expect(Object.keys(report.byOwner)).toEqual(['ana', 'ben']);
    // ana: met (1 h) and breached (3 h); ben: open past due, breached.
    expect(report.byOwner.ana!.counts).toEqual({ running: 0, 'at-risk': 0, met: 1, breached: 1 });
    expect(report.byOwner.ben!.counts).toEqual({ running: 0, 'at-risk': 0, met: 0, breached: 1 });
    expect(report.total).toBe(4);
  });

  it('with collected bad rows, keep every good row after the last bad one', () => {
    const report = slaReport(
      [
        { start: 'soon' },
        { owner: 'ana', start: T, stop: T + H },
        { owner: 'ben', start: T, stop: T + 3 * H },
        { owner: 'cy', start: T, stop: T + 4 * H },
      ] as never,
      { ...policy, onInvalid: 'collect' },
    );
    expect(report.total).toBe(3);
    expect(report.counts).toEqual({ running: 0, 'at-risk': 0, met: 1, breached: 2 });
    expect(report.medianResponseMs).toBe(3 * H);
    expect(Object.keys(report.byOwner)).toEqual(['ana', 'ben', 'cy']);
  });
});
