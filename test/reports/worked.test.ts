/** The worked log of docs/reports.md, figure by figure. */
import { expect, it } from 'vitest';
import { type FunnelCohortReport, funnelReport } from '../../src/index';

const log = [
  { leadId: 1, stage: 'mql', at: '2026-03-02T09:00:00Z' },
  { leadId: 1, stage: 'sql', at: '2026-03-04T09:00:00Z' },
  { leadId: 2, stage: 'mql', at: '2026-03-03T09:00:00Z' },
  { leadId: 3, stage: 'sql', at: '2026-03-05T09:00:00Z' },
  { leadId: 4, stage: 'mql', at: '2026-03-11T09:00:00Z' },
];
const DAY = 86_400_000;

it('gives the figures docs/reports.md works out by hand', () => {
  const options = { stages: ['mql', 'sql'], asOf: '2026-03-12T09:00:00Z' };
  const windowed = funnelReport(log, { ...options, window: { days: 5 } }) as FunnelCohortReport;
  const step = windowed.stages[0]!;
  expect([step.reached, step.advanced, step.censored]).toEqual([4, 2, 1]);
  expect(step.conversion!.rate).toBe(0.5);
  expect([step.matured!.reached, step.matured!.advanced]).toEqual([3, 2]);
  expect(step.timeToNext!.median).toBe(DAY);
  const open = funnelReport(log, {
    ...options,
    horizons: [{ days: 1 }, { days: 3 }],
  }) as FunnelCohortReport;
  expect(open.stages[0]!.within.map((w) => w.rate)).toEqual([0.25, 0.625]);
});
