import { describe, expect, it } from 'vitest';
import { conversionCurve } from '../../../src/reports/conversionCurve';
import { type FunnelCohortReport, funnelReport } from '../../../src/reports/funnelReport';
import { catchLeadMathError } from '../../_helpers';

const stages = ['mql', 'sql'];
const events = [
  { leadId: 1, stage: 'mql', at: Date.UTC(2026, 2, 2) },
  { leadId: 1, stage: 'sql', at: Date.UTC(2026, 2, 3) },
];

describe('report options', () => {
  it('names each bad option, with what it must be', () => {
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { window: { businessDays: 2 } },
        'INVALID_DURATION',
        'options.window',
        'a finite number of milliseconds or { days, hours, minutes } (not business days)',
      ],
      [{ mode: 'cohorts' }, 'INVALID_ARGUMENT', 'options.mode', "'cohort' or 'period'"],
      [{ sequence: 'strict' }, 'INVALID_ARGUMENT', 'options.sequence', "'lifecycle' or 'ordered'"],
      [{ outcomes: 'nurture' }, 'INVALID_ARGUMENT', 'options.outcomes', ''],
      [{ outcomes: [''] }, 'INVALID_ARGUMENT', 'options.outcomes[0]', ''],
      [
        { outcomes: ['sql'] },
        'INVALID_ARGUMENT',
        'options.outcomes[0]',
        'a name that is not a stage or an earlier outcome',
      ],
      [{ from: 'March' }, 'INVALID_DATE', 'options.from', ''],
      [{ to: 'April' }, 'INVALID_DATE', 'options.to', ''],
      [
        { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' },
        'INVALID_ARGUMENT',
        'options.to',
        'an instant at or after from',
      ],
      [
        { mode: 'period', window: { days: 1 } },
        'INVALID_ARGUMENT',
        'options.window',
        "absent in period mode (it follows cohorts: mode 'cohort')",
      ],
      [
        { mode: 'period', horizons: [{ days: 1 }] },
        'INVALID_ARGUMENT',
        'options.horizons',
        "absent in period mode (it follows cohorts: mode 'cohort')",
      ],
      [{ asOf: 'now' }, 'INVALID_DATE', 'options.asOf', ''],
      [{ horizons: { days: 1 } }, 'INVALID_ARGUMENT', 'options.horizons', ''],
      [{ quantiles: [1.5] }, 'INVALID_RATE', 'options.quantiles[0]', 'a number in [0, 1]'],
      [{ quantiles: ['0.5'] }, 'INVALID_RATE', 'options.quantiles[0]', 'a number in [0, 1]'],
      [{ quantiles: [-0.1] }, 'INVALID_RATE', 'options.quantiles[0]', 'a number in [0, 1]'],
      [{ confidence: 1 }, 'INVALID_RATE', 'options.confidence', ''],
      [
        { segmentBy: '' },
        'INVALID_ARGUMENT',
        'options.segmentBy',
        'an event field name or a function of the lead id',
      ],
      [
        { segmentBy: 7 },
        'INVALID_ARGUMENT',
        'options.segmentBy',
        'an event field name or a function of the lead id',
      ],
      [
        { segmentBy: 'leadId' },
        'INVALID_ARGUMENT',
        'options.segmentBy',
        'a field other than leadId, stage and at',
      ],
      [
        { segmentBy: 'stage' },
        'INVALID_ARGUMENT',
        'options.segmentBy',
        'a field other than leadId, stage and at',
      ],
      [
        { segmentBy: 'at' },
        'INVALID_ARGUMENT',
        'options.segmentBy',
        'a field other than leadId, stage and at',
      ],
      [{ onInvalid: 'skip' }, 'INVALID_ARGUMENT', 'options.onInvalid', ''],
    ];
    for (const [extra, code, path, expected] of cases) {
      const e = catchLeadMathError(() => funnelReport(events, { stages, ...extra } as never));
      expect([e.code, e.details.path], JSON.stringify(extra)).toEqual([code, path]);
      if (expected !== '') expect(e.details.expected, JSON.stringify(extra)).toBe(expected);
    }
    const bad = catchLeadMathError(() => funnelReport('events' as never, { stages }));
    expect([bad.code, bad.details.path]).toEqual(['INVALID_ARGUMENT', 'events']);
    const curve = catchLeadMathError(() =>
      conversionCurve(events, { stages, from: 'mql', to: 'sql', confidence: 0 }),
    );
    expect(curve.details.path).toBe('options.confidence');
  });

  it('takes quantiles 0 and 1, gives no horizons or quantiles by default, and a segment function over columns', () => {
    const r = funnelReport(events, { stages, quantiles: [0, 1] }) as FunnelCohortReport;
    expect(r.stages[0]!.timeToNext!.quantiles).toEqual([
      { p: 0, value: 86_400_000 },
      { p: 1, value: 86_400_000 },
    ]);
    const plain = funnelReport(events, { stages }) as FunnelCohortReport;
    expect(plain.stages[0]!.within).toEqual([]);
    expect(plain.stages[0]!.timeToNext!.quantiles).toEqual([]);
    const e = catchLeadMathError(() => funnelReport(events, { stages, quantiles: 0.5 as never }));
    expect([e.code, e.details.path]).toEqual(['INVALID_ARGUMENT', 'options.quantiles']);
    const columns = {
      leadId: ['a', 'a', 'b'],
      stage: ['mql', 'sql', 'mql'],
      at: Float64Array.of(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 3), Date.UTC(2026, 2, 2)),
    };
    const byId = funnelReport(columns, {
      stages,
      segmentBy: (id) => `lead ${id}`,
    }) as FunnelCohortReport;
    expect(byId.segments!.map((s) => [s.segment, s.leads])).toEqual([
      ['lead a', 1],
      ['lead b', 1],
    ]);
    // The same over columns read row by row (a bad row collected): the function still sees the ids.
    // Lead a is the second id: a left-out row must not become one of its events.
    // The latest good row is not the last one.
    const bad = {
      leadId: ['b', 'a', 'a', 'c'],
      stage: ['mql', 'sql', 'mql', 'x'],
      at: Float64Array.of(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 3), Date.UTC(2026, 2, 2), 0),
    };
    const collected = funnelReport(bad, {
      stages,
      segmentBy: (id) => `lead ${id}`,
      onInvalid: 'collect',
    }) as FunnelCohortReport;
    expect(collected.segments!.map((s) => s.segment)).toEqual(['lead a', 'lead b']);
    const good = funnelReport(
      { leadId: ['b', 'a', 'a'], stage: ['mql', 'sql', 'mql'], at: bad.at.slice(0, 3) },
      { stages, segmentBy: (id) => `lead ${id}` },
    ) as FunnelCohortReport;
    expect(collected.stages).toEqual(good.stages);
    expect(collected.asOf!.getTime()).toBe(Date.UTC(2026, 2, 3));
  });

  it('reports open ranges, no window and no issues as null or absent, and a segment function by lead', () => {
    const r = funnelReport(events, { stages }) as FunnelCohortReport;
    expect([r.from, r.to, r.windowMs]).toEqual([null, null, null]);
    expect('issues' in r).toBe(false);
    const bounded = funnelReport(events, {
      stages,
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-05T00:00:00Z',
      window: { days: 2 },
    }) as FunnelCohortReport;
    expect([bounded.from?.toISOString(), bounded.to?.toISOString(), bounded.windowMs]).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-05T00:00:00.000Z',
      2 * 86_400_000,
    ]);
    const byFunction = funnelReport(events, {
      stages,
      segmentBy: (id) => `lead ${id}`,
    }) as FunnelCohortReport;
    expect(byFunction.segments!.map((s) => s.segment)).toEqual(['lead 1']);
    // A field named like the function's output is not read: there is no such field.
    const byField = funnelReport(events, { stages, segmentBy: 'lead 1' }) as FunnelCohortReport;
    expect(byField.segments!.map((s) => s.segment)).toEqual([null]);
  });
});
