import { describe, expect, it } from 'vitest';
import {
  createFunnelAccumulator,
  funnelAccumulatorFromJSON,
} from '../../src/reports/funnelAccumulator';
import type { FunnelCohortReport } from '../../src/reports/funnelReport';
import { catchLeadMathError } from '../_helpers';

const T = Date.UTC(2026, 2, 2);
const H = 3_600_000;
const stages = ['mql', 'sql'];
const good = {
  version: 1,
  options: { stages },
  segmentByFunction: false,
  maxAt: T,
  leads: [[1, [[0, T]], null, null]],
  issues: [],
};

describe('funnel accumulator state', () => {
  it('refuses every malformed state, naming the part', () => {
    const cases: [unknown, string, string][] = [
      [null, 'state', 'the state of a funnel accumulator (version 1)'],
      ['x', 'state', 'the state of a funnel accumulator (version 1)'],
      [{ ...good, version: 2 }, 'state', 'the state of a funnel accumulator (version 1)'],
      [{ ...good, options: null }, 'state', 'the state of a funnel accumulator (version 1)'],
      [{ ...good, options: 'stages' }, 'state', 'the state of a funnel accumulator (version 1)'],
      [{ ...good, leads: {} }, 'state', 'the state of a funnel accumulator (version 1)'],
      [{ ...good, issues: null }, 'state', 'the state of a funnel accumulator (version 1)'],
      [{ ...good, maxAt: 1.5 }, 'state.maxAt', 'null or epoch ms in the supported range'],
      [{ ...good, maxAt: 1e16 }, 'state.maxAt', 'null or epoch ms in the supported range'],
      [{ ...good, issues: ['x'] }, 'state.issues[0]', 'an issue object'],
      [{ ...good, issues: [null] }, 'state.issues[0]', 'an issue object'],
      [{ ...good, issues: [[]] }, 'state.issues[0]', 'an issue object'],
      [
        { ...good, segmentByFunction: true },
        'functions.segmentBy',
        'the segmentBy function the state was made with',
      ],
    ];
    const leadExpected =
      '[id, [[stage, at], …], segment, segmentAt] with stage indices and instants in range';
    for (const lead of [
      'x',
      [1, [[0, T]], null],
      ['', [[0, T]], null, null],
      [1.5, [[0, T]], null, null],
      [1, 'pairs', null, null],
      [1, [[0]], null, null],
      [1, [[0, T, 1]], null, null],
      [1, [[-1, T]], null, null],
      [1, [[2, T]], null, null],
      [1, [[0.5, T]], null, null],
      [1, [[0, T + 0.5]], null, null],
      [1, [[0, T]], 'ads', null],
      [1, [[0, T]], null, T],
      [1, [[0, T]], '', T],
      [1, [[0, T]], 7, T],
    ])
      cases.push([{ ...good, leads: [lead] }, 'state.leads[0]', leadExpected]);
    for (const [state, path, expected] of cases) {
      const e = catchLeadMathError(() => funnelAccumulatorFromJSON(state as never));
      expect([e.code, e.details.path, e.details.expected], JSON.stringify(state)).toEqual([
        'INVALID_ARGUMENT',
        path,
        expected,
      ]);
    }
    // The good state and its variants with a segment restore.
    expect(funnelAccumulatorFromJSON(good as never).toJSON().leads).toEqual(good.leads);
    const withSegment = {
      ...good,
      options: { stages, segmentBy: 'source' },
      leads: [['a', [[0, T]], 'ads', T]],
    };
    expect(funnelAccumulatorFromJSON(withSegment as never).toJSON().leads).toEqual(
      withSegment.leads,
    );
  });

  it('refuses more than 1,024 stages, and merging with something else or other options', () => {
    const many = Array.from({ length: 1025 }, (_, i) => `s${i}`);
    const e = catchLeadMathError(() => createFunnelAccumulator({ stages: many }));
    expect([e.code, e.details.path, e.details.expected]).toEqual([
      'INVALID_ARGUMENT',
      'options.stages',
      'at most 1024 stages',
    ]);
    expect(() => createFunnelAccumulator({ stages: many.slice(0, 1024) })).not.toThrow();
    const a = createFunnelAccumulator({ stages });
    const m = catchLeadMathError(() => a.merge({} as never));
    expect([m.details.path, m.details.expected]).toEqual(['other', 'a funnel accumulator']);
    const other = createFunnelAccumulator({ stages, segmentBy: 'source' });
    const o = catchLeadMathError(() => a.merge(other));
    expect(o.details.expected).toBe('an accumulator with the same options');
    const p = catchLeadMathError(() => createFunnelAccumulator({ stages: ['mql'] }).merge(a));
    expect(p.details.expected).toBe('an accumulator with the same options');
  });

  it('merges only with the same segment function, keeps the later asOf, and a first touch that comes after a merge', () => {
    const f = (id: string | number) => `s${id}`;
    const g = (id: string | number) => `t${id}`;
    const e = catchLeadMathError(() =>
      createFunnelAccumulator({ stages, segmentBy: f }).merge(
        createFunnelAccumulator({ stages, segmentBy: g }),
      ),
    );
    expect(e.details.expected).toBe('an accumulator with the same options');
    expect(createFunnelAccumulator({ stages, segmentBy: f }).toJSON().options).toEqual({ stages });
    const late = createFunnelAccumulator({ stages, segmentBy: 'source' });
    late.add([{ leadId: 'x', stage: 'mql', at: T + 5 * H }]);
    const early = createFunnelAccumulator({ stages, segmentBy: 'source' });
    early.add([{ leadId: 'y', stage: 'mql', at: T }]);
    late.merge(early);
    expect(late.toJSON().maxAt).toBe(T + 5 * H);
    // Lead x had no segment when merged; its first touch arrives afterwards.
    const merged = createFunnelAccumulator({ stages, segmentBy: 'source' });
    merged.merge(late);
    merged.add([{ leadId: 'x', stage: 'sql', at: T + 6 * H, source: 'ads' }]);
    const r = merged.result() as FunnelCohortReport;
    expect(r.segments!.map((s) => [s.segment, s.leads])).toEqual([
      ['ads', 1],
      [null, 1],
    ]);
    // A segment function's bad value is named by the accumulator's result.
    const bad = createFunnelAccumulator({ stages, segmentBy: () => ({}) as never });
    bad.add([{ leadId: 'x', stage: 'mql', at: T }]);
    expect(catchLeadMathError(() => bad.result()).message).toMatch(/^funnelAccumulator\.result: /);
  });

  it('keeps the first touch at equal instants by the smaller key, in any chunk order and through merges', () => {
    const rows = [
      { leadId: 'x', stage: 'mql', at: T, source: 'web' },
      { leadId: 'x', stage: 'sql', at: T + H, source: 'ads' },
      { leadId: 'x', stage: 'mql', at: T, source: 'ads' },
      { leadId: 'x', stage: 'mql', at: T, source: 'zoo' },
    ];
    const segmentsOf = (chunks: (typeof rows)[]) => {
      const parts = chunks.map((chunk) => {
        const acc = createFunnelAccumulator({ stages, segmentBy: 'source' });
        acc.add(chunk);
        return acc;
      });
      const first = parts[0]!;
      for (const part of parts.slice(1)) first.merge(part);
      const json = funnelAccumulatorFromJSON(JSON.parse(JSON.stringify(first.toJSON())));
      return (json.result() as FunnelCohortReport).segments!.map((s) => s.segment);
    };
    // A later event's smaller key does not take over the earlier first touch.
    const later = createFunnelAccumulator({ stages, segmentBy: 'source' });
    later.add([
      { leadId: 'y', stage: 'mql', at: T, source: 'web' },
      { leadId: 'y', stage: 'sql', at: T + H, source: 'ads' },
    ]);
    expect((later.result() as FunnelCohortReport).segments!.map((s) => s.segment)).toEqual(['web']);
    for (const chunks of [
      [rows],
      [[...rows].reverse()],
      rows.map((r) => [r]),
      [...rows].reverse().map((r) => [r]),
    ])
      expect(segmentsOf(chunks)).toEqual(['ads']);
  });

  it('leaves out events after asOf, keeps 42 and "42" as one lead, and keeps collected issues in its state', () => {
    const acc = createFunnelAccumulator({ stages, asOf: T + H, onInvalid: 'collect' });
    acc.add([
      { leadId: 42, stage: 'mql', at: T },
      { leadId: 7, stage: 'mql', at: T + 2 * H },
    ]);
    acc.add([
      { leadId: '42', stage: 'sql', at: T + H },
      { leadId: 8, stage: 'bad', at: T },
    ]);
    const r = acc.result() as FunnelCohortReport;
    expect(r.stages.map((s) => s.reached)).toEqual([1, 1]);
    const state = acc.toJSON();
    expect(state.maxAt).toBe(T + H);
    expect(state.issues.map((i) => i.code)).toEqual(['UNKNOWN_STAGE']);
    expect(funnelAccumulatorFromJSON(state).toJSON().issues).toEqual(state.issues);
    expect(createFunnelAccumulator({ stages }).toJSON().maxAt).toBeNull();
  });
});
