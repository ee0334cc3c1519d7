import { describe, expect, it } from 'vitest';
import {
  createFunnelAccumulator,
  type FunnelCohortReport,
  funnelAccumulatorFromJSON,
  funnelReport,
} from '../../src/index';
import { expectLeadMathError } from '../_helpers';

const T = Date.UTC(2026, 2, 2, 9);
const DAY = 86_400_000;
const stages = ['mql', 'sql'];

describe('funnel accumulators', () => {
  it('join a lead whose rows came in two chunks, 42 and "42" being one lead', () => {
    const a = createFunnelAccumulator({ stages }).add([{ leadId: 42, stage: 'mql', at: T }]);
    const b = createFunnelAccumulator({ stages }).add([
      { leadId: '42', stage: 'sql', at: T + DAY },
    ]);
    const report = a.merge(b).result() as FunnelCohortReport;
    expect(report.leads).toBe(1);
    expect(report.stages[0]!.advanced).toBe(1);
    expect(report.stages[0]!.timeToNext!.median).toBe(DAY);
    // b is left as it was.
    expect((b.result() as FunnelCohortReport).stages[0]!.reached).toBe(1);
  });

  it('keep a segmentBy function out of the JSON, and ask for it back', () => {
    const segmentBy = (id: string | number) => (id === 'a' ? 'vip' : null);
    const acc = createFunnelAccumulator({ stages, segmentBy }).add([
      { leadId: 'a', stage: 'mql', at: T },
      { leadId: 'b', stage: 'mql', at: T },
    ]);
    const state = JSON.parse(JSON.stringify(acc));
    expect(state.segmentByFunction).toBe(true);
    expectLeadMathError(
      () => funnelAccumulatorFromJSON(state),
      'INVALID_ARGUMENT',
      'functions.segmentBy',
    );
    const back = funnelAccumulatorFromJSON(state, { segmentBy });
    expect(back.result()).toEqual(
      funnelReport(
        [
          { leadId: 'a', stage: 'mql', at: T },
          { leadId: 'b', stage: 'mql', at: T },
        ],
        { stages, segmentBy },
      ),
    );
  });

  it('refuse to merge accumulators with other options, and malformed states', () => {
    const a = createFunnelAccumulator({ stages });
    expectLeadMathError(
      () => a.merge(createFunnelAccumulator({ stages, sequence: 'ordered' })),
      'INVALID_ARGUMENT',
      'other',
    );
    expectLeadMathError(() => a.merge({} as never), 'INVALID_ARGUMENT', 'other');
    expectLeadMathError(() => funnelAccumulatorFromJSON({} as never), 'INVALID_ARGUMENT', 'state');
    const state = JSON.parse(JSON.stringify(a.add([{ leadId: 1, stage: 'mql', at: T }])));
    state.leads[0][1][0][0] = 7; // no such stage
    expectLeadMathError(
      () => funnelAccumulatorFromJSON(state),
      'INVALID_ARGUMENT',
      'state.leads[0]',
    );
  });

  it('check a JSON state cell by cell', () => {
    const good = JSON.parse(
      JSON.stringify(createFunnelAccumulator({ stages }).add([{ leadId: 1, stage: 'mql', at: T }])),
    );
    const edits: [string, (x: typeof good) => void][] = [
      [
        'state.maxAt',
        (x) => {
          x.maxAt = Symbol('t');
        },
      ],
      [
        'state.maxAt',
        (x) => {
          x.maxAt = 1.5e16;
        },
      ],
      [
        'state.leads[0]',
        (x) => {
          x.leads[0][1][0][1] = T + 0.5;
        },
      ],
      [
        'state.leads[0]',
        (x) => {
          x.leads[0][0] = '';
        },
      ],
      [
        'state.leads[0]',
        (x) => {
          x.leads[0][2] = 'ads';
        },
      ], // a segment without its instant
      [
        'state.issues[0]',
        (x) => {
          x.issues = [7];
        },
      ],
    ];
    for (const [path, edit] of edits) {
      const bad = structuredClone(good);
      edit(bad);
      expectLeadMathError(() => funnelAccumulatorFromJSON(bad), 'INVALID_ARGUMENT', path);
    }
    expect(funnelAccumulatorFromJSON(good).result().leads).toBe(1);
  });

  it('name bad rows within their chunk when collecting', () => {
    const acc = createFunnelAccumulator({ stages, onInvalid: 'collect' });
    acc.add([{ leadId: 1, stage: 'mql', at: T }]);
    acc.add([
      { leadId: 2, stage: 'mql', at: T },
      { leadId: 3, stage: 'demo', at: T },
    ]);
    const report = acc.result();
    expect(report.issues!.map((i) => [i.row, i.code])).toEqual([[1, 'UNKNOWN_STAGE']]);
    expect(report.leads).toBe(2);
  });
});
