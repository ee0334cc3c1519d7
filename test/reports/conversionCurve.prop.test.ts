import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  conversionCurve,
  type FunnelCohortReport,
  type FunnelEvent,
  funnelReport,
} from '../../src/index';

const DAY = 86_400_000;
const T = Date.UTC(2026, 2, 2);
const options = { stages: ['mql', 'sql'], from: 'mql', to: 'sql' };

describe('conversionCurve', () => {
  test.prop({
    lags: fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 30 }),
    h: fc.integer({ min: 0, max: 25 }),
  })('agrees with funnelReport’s within at any horizon', ({ lags, h }) => {
    const events: FunnelEvent[] = lags.flatMap((lag, i) => [
      { leadId: i, stage: 'mql', at: T + (i % 5) * DAY },
      ...(lag === null ? [] : [{ leadId: i, stage: 'sql', at: T + (i % 5) * DAY + lag * DAY }]),
    ]);
    const asOf = T + 30 * DAY;
    const curve = conversionCurve(events, { ...options, asOf, points: [h * DAY] });
    const report = funnelReport(events, {
      stages: ['mql', 'sql'],
      asOf,
      horizons: [h * DAY],
    }) as FunnelCohortReport;
    const within = report.stages[0]!.within[0]!;
    if (events.length === 0) return;
    expect(curve.points[0]!.rate).toBe(within.rate);
    expect(curve.points[0]!.atRisk).toBe(within.atRisk);
  });
});
