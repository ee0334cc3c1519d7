import { describe, expect, it } from 'vitest';
import { type FunnelCohortReport, funnelReport } from '../../../src/reports/funnelReport';
import { catchLeadMathError } from '../../_helpers';

const stages = ['mql', 'sql', 'won'];
const T = Date.UTC(2026, 2, 2);
const H = 3_600_000;
const reached = (r: unknown) => (r as FunnelCohortReport).stages.map((s) => s.reached);

/** A small log worked by hand: leads 1–3; lead 2 skips sql; lead 3 is only an MQL. */
const objects = [
  { leadId: 1, stage: 'mql', at: T, source: 'ads' },
  { leadId: 1, stage: 'sql', at: T + H },
  { leadId: 2, stage: 'mql', at: T + 2 * H, source: 'web' },
  { leadId: 2, stage: 'won', at: T + 5 * H },
  { leadId: 3, stage: 'mql', at: T + 3 * H, source: { nested: true } },
];

describe('reading events', () => {
  it('refuses a segment value that is not a string, number, boolean or null, naming its cell', () => {
    const e = catchLeadMathError(() => funnelReport(objects, { stages, segmentBy: 'source' }));
    expect([e.code, e.details.path]).toEqual(['INVALID_ARGUMENT', 'events[4].source']);
    expect(e.details.expected).toBe('a string, number or boolean (or null)');
    const columns = {
      leadId: Int32Array.of(1, 2),
      stage: ['mql', 'mql'],
      at: Float64Array.of(T, T),
      source: ['ads', [1]],
    };
    const c = catchLeadMathError(() => funnelReport(columns, { stages, segmentBy: 'source' }));
    expect([c.code, c.details.path]).toEqual(['INVALID_ARGUMENT', 'events.source[1]']);
  });

  it('refuses columns that are not arrays, DataViews, or of another length, naming them', () => {
    const good = { leadId: Int32Array.of(1, 2), stage: ['mql', 'sql'], at: Float64Array.of(T, T) };
    for (const [key, value, expected] of [
      ['stage', 'mql', 'an array or a typed array'],
      ['at', new DataView(new ArrayBuffer(16)), 'an array or a typed array'],
      ['stage', ['mql'], 'a column of 2 cells, as events.leadId'],
      ['at', Float64Array.of(T), 'a column of 2 cells, as events.leadId'],
    ] as const) {
      const e = catchLeadMathError(() => funnelReport({ ...good, [key]: value }, { stages }));
      expect([e.code, e.details.path, e.details.expected]).toEqual([
        'INVALID_ARGUMENT',
        `events.${key}`,
        expected,
      ]);
    }
    for (const [change, path, expected] of [
      [{ leadId: 'abc' }, 'events.leadId', 'an array or a typed array'],
      [{ leadId: undefined }, 'events.leadId', 'an array or a typed array'],
      [
        { stage: Int32Array.of(0, 1) },
        'events.stage',
        'a Uint8Array or Uint16Array of codes, or an array of names',
      ],
      [
        { at: Float32Array.of(T, T) },
        'events.at',
        'a Float64Array of epoch ms, or an array of instants',
      ],
    ] as const) {
      const e = catchLeadMathError(() => funnelReport({ ...good, ...change } as never, { stages }));
      expect([e.code, e.details.path, e.details.expected]).toEqual([
        'INVALID_ARGUMENT',
        path,
        expected,
      ]);
    }
    const s = catchLeadMathError(() =>
      funnelReport({ ...good, source: 'x' }, { stages, segmentBy: 'source' }),
    );
    expect(s.details.path).toBe('events.source');
  });

  it('gives the same report from Uint16Array codes, Uint8Array codes and names, with outcomes', () => {
    // Lead 3's nurture comes after its MQL entry: an outcome, which reaches no stage.
    const names = ['mql', 'sql', 'mql', 'won', 'nurture', 'mql', 'nurture'];
    const codes = [0, 1, 0, 2, 3, 0, 3];
    const base = {
      leadId: Int32Array.of(1, 1, 2, 2, 2, 3, 3),
      at: Float64Array.from([0, 1, 2, 5, 6, 3, 4], (h) => T + h * H),
    };
    const options = { stages, outcomes: ['nurture'] };
    const want = [3, 2, 1];
    expect(reached(funnelReport({ ...base, stage: names }, options))).toEqual(want);
    expect(reached(funnelReport({ ...base, stage: Uint8Array.from(codes) }, options))).toEqual(
      want,
    );
    expect(reached(funnelReport({ ...base, stage: Uint16Array.from(codes) }, options))).toEqual(
      want,
    );
    // An outcome row is no stage of any lead: lead 0's early nurture leaves lead 1's MQL entry alone.
    const neighbours = {
      leadId: Int32Array.of(0, 0, 1, 1),
      at: Float64Array.from([0, 5, 5, 6], (h) => T + h * H),
    };
    for (const stage of [Uint8Array.of(3, 0, 0, 1), Uint16Array.of(3, 0, 0, 1)]) {
      const r = funnelReport({ ...neighbours, stage }, options) as FunnelCohortReport;
      expect(r.stages[0]!.timeToNext!.median).toBe(H);
    }
    // A code past the names is named by its row on every path.
    for (const stage of [Uint8Array.of(0, 1, 0, 2, 4, 0, 3), Uint16Array.of(0, 1, 0, 2, 4, 0, 3)]) {
      const e = catchLeadMathError(() => funnelReport({ ...base, stage }, options));
      expect([e.code, e.details.path]).toEqual(['UNKNOWN_STAGE', 'events.stage[4]']);
    }
  });

  it('reads mixed number and string ids row by row, 42 meeting "42", with segments and the latest instant as asOf', () => {
    const mixed = [
      { leadId: 42, stage: 'mql', at: T, source: 'ads' },
      { leadId: '42', stage: 'sql', at: T + H },
      { leadId: 'x', stage: 'mql', at: T + 2 * H },
    ];
    const r = funnelReport(mixed, { stages, segmentBy: 'source' }) as FunnelCohortReport;
    expect(reached(r)).toEqual([2, 1, 0]);
    expect(r.asOf!.getTime()).toBe(T + 2 * H);
    expect(r.segments!.map((s) => [s.segment, s.leads])).toEqual([
      ['ads', 1],
      [null, 1],
    ]);
    // Lead x is still an MQL in flight at asOf: censored.
    expect(r.stages[0]!.censored).toBe(1);
  });

  it('names the bad row of object events on the row-by-row path, or collects it', () => {
    const cases = [
      [{ leadId: '', stage: 'mql', at: T }, 'INVALID_ARGUMENT', 'events[1].leadId'],
      [{ leadId: 1.5, stage: 'mql', at: T }, 'INVALID_ARGUMENT', 'events[1].leadId'],
      [{ leadId: 7, stage: 7, at: T }, 'UNKNOWN_STAGE', 'events[1].stage'],
      [{ leadId: 7, stage: 'mql', at: 'soon' }, 'INVALID_DATE', 'events[1].at'],
      [null, 'INVALID_ARGUMENT', 'events[1]'],
    ] as const;
    for (const [bad, code, path] of cases) {
      const list = [objects[0], bad, objects[1]] as never;
      const e = catchLeadMathError(() => funnelReport(list, { stages }));
      expect([e.code, e.details.path]).toEqual([code, path]);
      const collected = funnelReport(list, { stages, onInvalid: 'collect' }) as FunnelCohortReport;
      expect(collected.issues!.map((i) => [i.code, i.row])).toEqual([[code, 1]]);
      expect(reached(collected)).toEqual([1, 1, 0]);
    }
  });

  it('names the bad cell of columns on the row-by-row path, or collects it', () => {
    const cases = [
      [{ leadId: [1, {}, 2] }, 'INVALID_ARGUMENT', 'events.leadId[1]'],
      [{ stage: ['mql', 'SQL', 'mql'] }, 'UNKNOWN_STAGE', 'events.stage[1]'],
      [{ at: Float64Array.of(T, T + 0.5, T) }, 'INVALID_DATE', 'events.at[1]'],
      [{ at: [T, 'x', T] }, 'INVALID_DATE', 'events.at[1]'],
    ] as const;
    const base = {
      leadId: [1, 1, 2],
      stage: ['mql', 'sql', 'mql'],
      at: Float64Array.of(T, T + H, T),
    };
    for (const [change, code, path] of cases) {
      const columns = { ...base, ...change } as never;
      const e = catchLeadMathError(() => funnelReport(columns, { stages }));
      expect([e.code, e.details.path]).toEqual([code, path]);
      const collected = funnelReport(columns, {
        stages,
        onInvalid: 'collect',
      }) as FunnelCohortReport;
      expect(collected.issues!.map((i) => i.row)).toEqual([1]);
      expect(reached(collected)[0]).toBe(2);
    }
  });

  it('treats dense and sparse integer ids of every typed array alike', () => {
    const stage = ['mql', 'sql', 'mql', 'won', 'mql'];
    const at = Float64Array.from([0, 1, 2, 5, 3], (h) => T + h * H);
    const want = [3, 2, 1];
    for (const leadId of [
      Int32Array.of(0, 0, 1, 1, 2),
      Uint32Array.of(0, 0, 1, 1, 2),
      Float64Array.of(0, 0, 1, 1, 2),
      Int32Array.of(-5, -5, 9, 9, 2_000_000_000),
      Uint32Array.of(4_000_000_000, 4_000_000_000, 1, 1, 3),
      Float64Array.of(2 ** 40, 2 ** 40, 0.5e3, 0.5e3, 7),
    ]) {
      expect(reached(funnelReport({ leadId, stage, at }, { stages }))).toEqual(want);
    }
    const e = catchLeadMathError(() =>
      funnelReport({ leadId: Float64Array.of(0, 0, 1.5, 1, 2), stage, at }, { stages }),
    );
    expect([e.code, e.details.path]).toEqual(['INVALID_ARGUMENT', 'events.leadId[2]']);
  });
});
