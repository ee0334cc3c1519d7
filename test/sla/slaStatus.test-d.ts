import { describe, expectTypeOf, it } from 'vitest';
import { alwaysOpen } from '../../src/calendar/alwaysOpen';
import type { BusinessCalendar } from '../../src/calendar/businessCalendar';
import { slaItemsFromEvents } from '../../src/sla/slaItemsFromEvents';
import { type SlaReportResult, slaReport } from '../../src/sla/slaReport';
import { type SlaState, type SlaStatusResult, slaStatus } from '../../src/sla/slaStatus';
import { type SpeedToLeadResult, speedToLead } from '../../src/sla/speedToLead';

describe('SLA types', () => {
  it('takes instants in any accepted form and returns Dates', () => {
    const result = slaStatus({
      start: new Date(),
      stop: '2026-03-02T10:00:00Z',
      target: { hours: 2 },
      asOf: 0,
    });
    expectTypeOf(result).toEqualTypeOf<SlaStatusResult>();
    expectTypeOf(result.dueAt).toEqualTypeOf<Date>();
    expectTypeOf(result.state).toEqualTypeOf<SlaState>();
  });

  it('takes business days as a target, but not weeks', () => {
    slaStatus({ start: 0, target: { businessDays: 2 }, asOf: 0 });
    // @ts-expect-error: weeks are not a duration unit
    slaStatus({ start: 0, target: { weeks: 1 }, asOf: 0 });
  });

  it('takes the items slaItemsFromEvents returns, under exactOptionalPropertyTypes', () => {
    const [item] = slaItemsFromEvents([{ leadId: 'a', type: 'mql', at: 0 }], {
      start: ['mql'],
      stop: ['accepted'],
    });
    if (item !== undefined) {
      expectTypeOf(
        slaStatus({ ...item, target: { hours: 2 }, asOf: 0 }),
      ).toEqualTypeOf<SlaStatusResult>();
      expectTypeOf(
        slaReport([item], { target: { hours: 2 }, asOf: 0 }),
      ).toEqualTypeOf<SlaReportResult>();
      expectTypeOf(speedToLead([item])).toEqualTypeOf<SpeedToLeadResult>();
    }
  });

  it('exposes alwaysOpen as a BusinessCalendar', () => {
    expectTypeOf(alwaysOpen).toEqualTypeOf<BusinessCalendar>();
  });
});
