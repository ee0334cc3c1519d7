/** Edges of the SLA clock, each worked by hand on the 24/7 calendar (business time = elapsed time). */
import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../../src/calendar/businessCalendar';
import { slaItemsFromEvents } from '../../src/sla/slaItemsFromEvents';
import { slaReport } from '../../src/sla/slaReport';
import { slaStatus } from '../../src/sla/slaStatus';
import { speedToLead } from '../../src/sla/speedToLead';

const H = 3_600_000;
const t0 = Date.UTC(2026, 2, 2, 9);
const h = (n: number) => t0 + n * H;
const policy = {
  start: ['mql'],
  stop: ['accepted', 'rejected'],
  pause: ['wait'],
  resume: ['reply'],
};

describe('slaStatus edges', () => {
  it('takes pauses in any order', () => {
    // 4 h on the clock: 0–1 runs, 1–2 paused, 2–3 runs, 3–4 paused, 4–6 runs: due at 6 h.
    const s = slaStatus({
      start: h(0),
      target: 4 * H,
      pauses: [
        { from: h(3), to: h(4) },
        { from: h(1), to: h(2) },
      ],
      asOf: h(10),
    });
    expect(s.dueAt.getTime()).toBe(h(6));
    expect(s.state).toBe('breached');
  });

  it('treats a pause with to: null as ongoing, and one that ended at asOf as over', () => {
    const ongoing = slaStatus({
      start: h(0),
      target: 4 * H,
      pauses: [{ from: h(1), to: null }],
      asOf: h(2),
    });
    expect([ongoing.paused, ongoing.elapsedMs]).toEqual([true, H]);
    const ended = slaStatus({
      start: h(0),
      target: 4 * H,
      pauses: [{ from: h(1), to: h(2) }],
      asOf: h(2),
    });
    expect([ended.paused, ended.elapsedMs]).toEqual([false, H]);
    const none = slaStatus({ start: h(0), target: 4 * H, asOf: h(1) });
    expect(none.paused).toBe(false);
  });

  it('is not paused once stopped, even during a pause that never ended', () => {
    const s = slaStatus({
      start: h(0),
      stop: h(3),
      target: 4 * H,
      pauses: [{ from: h(1) }],
      asOf: h(5),
    });
    // On the clock: 0–1 only; the pause is clipped to the stop.
    expect([s.paused, s.elapsedMs, s.state, s.remainingMs]).toEqual([false, H, 'met', 0]);
  });

  it('holds the clock at the target through a pause that begins as the target runs out', () => {
    // 2 h run out at 2 h, a pause from 2 h to 3 h: not exceeded until 3 h.
    const open = slaStatus({
      start: h(0),
      target: 2 * H,
      pauses: [{ from: h(2), to: h(3) }],
      asOf: h(5),
    });
    expect(open.dueAt.getTime()).toBe(h(3));
    // So a stop during that pause, with 2 h on the clock, is met.
    const stopped = slaStatus({
      start: h(0),
      stop: h(2.5),
      target: 2 * H,
      pauses: [{ from: h(2), to: h(3) }],
      asOf: h(5),
    });
    expect([stopped.elapsedMs, stopped.state]).toEqual([2 * H, 'met']);
  });

  it('counts a stop at the start, and a stop exactly at asOf, as known and met', () => {
    const zero = slaStatus({ start: h(0), stop: h(0), target: H, asOf: h(1) });
    expect([zero.state, zero.elapsedMs, zero.breachedAt]).toEqual(['met', 0, null]);
    const atAsOf = slaStatus({ start: h(0), stop: h(1), target: 2 * H, asOf: h(1) });
    expect(atAsOf.stoppedAt?.getTime()).toBe(h(1));
    expect(atAsOf.state).toBe('met');
  });

  it('is at risk at exactly warnAt of the target, and not yet breached at exactly the due time', () => {
    expect(slaStatus({ start: h(0), target: 10 * H, asOf: h(8) }).state).toBe('at-risk');
    expect(slaStatus({ start: h(0), target: 10 * H, asOf: h(7.9) }).state).toBe('running');
    const due = slaStatus({ start: h(0), target: 10 * H, asOf: h(10) });
    expect([due.state, due.breachedAt]).toEqual(['at-risk', null]);
    const past = slaStatus({ start: h(0), target: 10 * H, asOf: h(10) + 1 });
    expect(past.breachedAt?.getTime()).toBe(h(10));
  });

  it('moves a due time that falls at closing to the next opening', () => {
    const nine = [['09:00', '17:00']] as const;
    const ny = businessCalendar({ timeZone: 'America/New_York', hours: { mon: nine, tue: nine } });
    // Monday 2 March 2026 09:00 EST + 8 business hours runs out at 17:00: due Tuesday 09:00 (14:00Z).
    const s = slaStatus({
      start: '2026-03-02T09:00:00-05:00',
      stop: '2026-03-02T20:00:00-05:00',
      target: { hours: 8 },
      calendar: ny,
      asOf: '2026-03-04T00:00:00Z',
    });
    expect(s.dueAt.toISOString()).toBe('2026-03-03T14:00:00.000Z');
    expect(s.state).toBe('met');
  });
});

describe('slaReport edges', () => {
  it('groups numbers and booleans by their text, and counts outcomes in sorted key order', () => {
    const items = [
      { start: h(0), stop: h(1), outcome: 'rejected', tier: 5, vip: true },
      { start: h(0), stop: h(1), outcome: 'accepted', tier: 5, vip: false },
      { start: h(0), stop: h(1), outcome: null, tier: 1 },
      { start: h(0), stop: h(1) },
    ] as never[];
    const byTier = slaReport(items, { target: 2 * H, asOf: h(2), segmentBy: 'tier' });
    // JavaScript lists integer-like keys first, whatever the insertion order.
    expect(Object.keys(byTier.bySegment)).toEqual(['1', '5', '(none)']);
    expect(Object.keys(byTier.outcomes)).toEqual(['accepted', 'rejected']);
    expect(byTier.outcomes).toEqual({ accepted: 1, rejected: 1 });
    const byVip = slaReport(items, { target: 2 * H, asOf: h(2), segmentBy: 'vip' });
    expect(Object.keys(byVip.bySegment)).toEqual(['false', 'true', '(none)']); // (none) last
  });

  it('leaves items without an owner (missing, null or empty) out of byOwner, and has no segments without segmentBy', () => {
    const r = slaReport(
      [
        { start: h(0), owner: '' },
        { start: h(0), owner: null },
        { start: h(0) },
        { start: h(0), owner: 'ana' },
      ] as never,
      { target: 2 * H, asOf: h(1) },
    );
    expect(Object.keys(r.byOwner)).toEqual(['ana']);
    expect(r.bySegment).toEqual({});
    expect(r.outcomes).toEqual({});
    expect(r.total).toBe(4);
  });

  it('takes the median of responses in any order, and the breach rate over decided items', () => {
    // Responses 5 h, 1 h, 3 h: median 3 h; two of three decided items breached (target 2 h).
    const r = slaReport(
      [
        { start: h(0), stop: h(5) },
        { start: h(0), stop: h(1) },
        { start: h(0), stop: h(3) },
        { start: h(9) },
      ],
      { target: 2 * H, asOf: h(10) },
    );
    expect(r.medianResponseMs).toBe(3 * H);
    expect(r.breachRate).toBeCloseTo(2 / 3, 12);
    expect(r.counts).toEqual({ running: 1, 'at-risk': 0, met: 1, breached: 2 });
    expect(r.total).toBe(4);
  });
});

describe('slaItemsFromEvents edges', () => {
  it('ignores a second pause and a resume without a pause, and starts before pausing at one instant', () => {
    const items = slaItemsFromEvents(
      [
        { leadId: 'a', type: 'wait', at: h(0) },
        { leadId: 'a', type: 'mql', at: h(0), owner: 5 as never },
        { leadId: 'a', type: 'reply', at: h(1) },
        { leadId: 'a', type: 'wait', at: h(2) },
        { leadId: 'a', type: 'wait', at: h(3) },
        { leadId: 'a', type: 'reply', at: h(4) },
        { leadId: 'a', type: 'reply', at: h(5) },
        { leadId: 'a', type: 'accepted', at: h(6) },
      ],
      policy,
    );
    expect(items).toEqual([
      {
        id: 'a',
        start: new Date(h(0)),
        stop: new Date(h(6)),
        outcome: 'accepted',
        pauses: [
          { from: new Date(h(0)), to: new Date(h(1)) },
          { from: new Date(h(2)), to: new Date(h(4)) },
        ],
      },
    ]);
  });

  it('keeps input order between events of one instant and one kind: the first start names the owner', () => {
    const items = slaItemsFromEvents(
      [
        { leadId: 'a', type: 'mql', at: h(0), owner: 'ana' },
        { leadId: 'a', type: 'mql', at: h(0), owner: 'bo' },
        { leadId: 'a', type: 'rejected', at: h(1) },
      ],
      policy,
    );
    expect(items.map((i) => i.owner)).toEqual(['ana']);
  });
});

describe('speedToLead edges', () => {
  it('accepts a touch at the arrival instant, counts 24 h exactly as ≤24 h, and shares by the total', () => {
    const r = speedToLead([
      { start: h(0), stop: h(0) },
      { start: h(0), stop: h(24) },
      { start: h(0), stop: h(24) + 1 },
      { start: h(0) },
    ]);
    expect(r.buckets.map((b) => b.count)).toEqual([1, 0, 1, 1, 1]);
    expect(r.buckets.map((b) => b.share)).toEqual([0.25, 0, 0.25, 0.25, 0.25]);
    expect(speedToLead([]).buckets.every((b) => b.share === null)).toBe(true);
  });
});
