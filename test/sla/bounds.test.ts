import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../../src/calendar/businessCalendar';
import { slaItemsFromEvents } from '../../src/sla/slaItemsFromEvents';
import { slaReport } from '../../src/sla/slaReport';
import { slaStatus } from '../../src/sla/slaStatus';
import { speedToLead } from '../../src/sla/speedToLead';
import { expectLeadMathError } from '../_helpers';

const H = 3_600_000;
const at = (h: number) => new Date(Date.UTC(2026, 2, 2) + h * H);
const policy = { start: ['mql'], stop: ['accepted', 'rejected'] };

describe('SLA bad input', () => {
  it('throws INVALID_CALENDAR for an object that is not a leadmath calendar', () => {
    const fake = { between: () => 0, add: () => new Date(0), isOpen: () => true } as never;
    expectLeadMathError(
      () => speedToLead([], { calendar: {} as never }),
      'INVALID_CALENDAR',
      'options.calendar',
    );
    expectLeadMathError(
      () => slaReport([], { target: H, asOf: at(0), calendar: fake }),
      'INVALID_CALENDAR',
      'policy.calendar',
    );
  });

  it('names policy.target for a target too long to end before 2200, in every form', () => {
    const ny = businessCalendar({
      timeZone: 'America/New_York',
      hours: { mon: [['09:00', '17:00']] },
    });
    const item = { start: at(0) };
    expectLeadMathError(
      () => slaReport([item], { target: { days: 1e6 }, asOf: at(1) }),
      'INVALID_DURATION',
      'policy.target',
    );
    expectLeadMathError(
      () => slaReport([item], { target: { businessDays: 20_000 }, calendar: ny, asOf: at(1) }),
      'INVALID_DURATION',
      'policy.target',
    );
    expectLeadMathError(
      () => slaStatus({ ...item, target: { days: 1e6 }, asOf: at(1) }),
      'INVALID_DURATION',
      'target',
    );
  });

  it('rejects unknown option keys, suggesting the key meant', () => {
    const error = expectLeadMathError(
      () => slaReport([], { target: H, asOf: at(0), segmentby: 'source' } as never),
      'INVALID_ARGUMENT',
      'policy.segmentby',
    );
    expect(error.message).toContain('did you mean segmentBy?');
    expectLeadMathError(
      () => slaStatus({ start: at(0), target: H, asOf: at(1), asof: 1 } as never),
      'INVALID_ARGUMENT',
      'asof',
    );
    expectLeadMathError(
      () => slaItemsFromEvents([], { ...policy, stops: [] } as never),
      'INVALID_ARGUMENT',
      'policy.stops',
    );
  });

  it('throws INVALID_ARGUMENT for a clock that starts after asOf', () => {
    expectLeadMathError(
      () => slaStatus({ start: at(2), target: H, asOf: at(1) }),
      'INVALID_ARGUMENT',
      'start',
    );
    expectLeadMathError(
      () => slaReport([{ start: at(0) }, { start: at(2) }], { target: H, asOf: at(1) }),
      'INVALID_ARGUMENT',
      'items[1].start',
    );
  });

  it('throws INVALID_ARGUMENT for a lead id that is NaN, fractional or empty', () => {
    for (const leadId of [Number.NaN, 1.5, '']) {
      expectLeadMathError(
        () => slaItemsFromEvents([{ leadId, type: 'mql', at: at(0) }], policy),
        'INVALID_ARGUMENT',
        'events[0].leadId',
      );
    }
  });
});

describe('slaItemsFromEvents', () => {
  it('treats a number and its decimal string as one lead', () => {
    const items = slaItemsFromEvents(
      [
        { leadId: 42, type: 'mql', at: at(0) },
        { leadId: '42', type: 'accepted', at: at(1) },
      ],
      policy,
    );
    expect(items).toEqual([{ id: 42, start: at(0), stop: at(1), outcome: 'accepted', pauses: [] }]);
  });

  it('starts before it stops at one instant, whatever the row order', () => {
    const items = slaItemsFromEvents(
      [
        { leadId: 'a', type: 'rejected', at: at(3) },
        { leadId: 'a', type: 'mql', at: at(3) },
      ],
      policy,
    );
    expect(items).toEqual([
      { id: 'a', start: at(3), stop: at(3), outcome: 'rejected', pauses: [] },
    ]);
  });
});

describe('slaReport', () => {
  it('counts outcomes, and groups items without the segment field as (none)', () => {
    const items = slaItemsFromEvents(
      [
        { leadId: 'a', type: 'mql', at: at(0) },
        { leadId: 'a', type: 'accepted', at: at(1) },
        { leadId: 'b', type: 'mql', at: at(0) },
        { leadId: 'b', type: 'rejected', at: at(5) },
        { leadId: 'c', type: 'mql', at: at(0) },
        { leadId: 'd', type: 'mql', at: at(0) },
        { leadId: 'd', type: 'accepted', at: at(2) },
      ],
      policy,
    ).map((item, i) =>
      i === 0 ? { ...item, source: 'ads' } : i === 1 ? { ...item, source: '' } : item,
    );
    const report = slaReport(items, { target: { hours: 4 }, asOf: at(10), segmentBy: 'source' });
    expect(report.outcomes).toEqual({ accepted: 2, rejected: 1 });
    expect(report.counts).toEqual({ running: 0, 'at-risk': 0, met: 2, breached: 2 });
    expect(Object.keys(report.bySegment)).toEqual(['ads', '(none)']); // (none) last
    expect(report.bySegment['(none)']!.total).toBe(3);
    expect(report.bySegment.ads!.outcomes).toEqual({ accepted: 1 });
  });
});
