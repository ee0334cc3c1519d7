/**
 * Each rule of DESIGN's event-log reports on a small log, the answer worked
 * out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  type FunnelCohortReport,
  type FunnelEvent,
  type FunnelPeriodReport,
  funnelReport,
} from '../../src/index';
import { catchLeadMathError, expectLeadMathError } from '../_helpers';

const DAY = 86_400_000;
const T = Date.UTC(2026, 2, 2, 9); // Monday 2 March 2026, 09:00Z
const stages = ['mql', 'sql', 'won'];

const cohort = (events: readonly FunnelEvent[], options: object = {}) =>
  funnelReport(events, { stages, asOf: T + 100 * DAY, ...options }) as FunnelCohortReport;
const counts = (report: FunnelCohortReport) =>
  report.stages.map((s) => [s.reached, s.advanced, s.censored, s.recycled]);

describe('stage entry', () => {
  const skipper: FunnelEvent[] = [
    { leadId: 'a', stage: 'mql', at: T },
    { leadId: 'a', stage: 'won', at: T + 3 * DAY }, // skipped sql
  ];

  it('lifecycle: a skipped stage is reached when a later one is', () => {
    // a: mql at T, sql and won both entered at T + 3 d.
    const report = cohort(skipper);
    expect(counts(report)).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [1, null, 0, 0],
    ]);
    expect(report.stages[0]!.timeToNext!.median).toBe(3 * DAY);
    expect(report.stages[1]!.timeToNext!.median).toBe(0);
  });

  it('ordered: a lead stops where it skips', () => {
    // a: mql at T, no sql: stops at mql, undecided (no window).
    expect(counts(cohort(skipper, { sequence: 'ordered' }))).toEqual([
      [1, 0, 1, 0],
      [0, 0, 0, 0],
      [0, null, 0, 0],
    ]);
  });

  it('ordered: a later stage entered only before the previous one does not count', () => {
    // b: sql at T, mql at T + 1 d, sql again at T + 2 d → entry(sql) = T + 2 d.
    const report = cohort(
      [
        { leadId: 'b', stage: 'sql', at: T },
        { leadId: 'b', stage: 'mql', at: T + DAY },
        { leadId: 'b', stage: 'sql', at: T + 2 * DAY },
      ],
      { sequence: 'ordered' },
    );
    expect(report.stages[0]!.timeToNext!.median).toBe(DAY);
    // Lifecycle: entry(mql) = T (sql at T enters mql too); mql at T + 1 d is
    // later than entry(sql) = T: recycled at mql.
    const lifecycle = cohort(
      [
        { leadId: 'b', stage: 'sql', at: T },
        { leadId: 'b', stage: 'mql', at: T + DAY },
        { leadId: 'b', stage: 'sql', at: T + 2 * DAY },
      ],
      { sequence: 'lifecycle' },
    );
    expect(lifecycle.stages[0]!.timeToNext!.median).toBe(0);
    expect(lifecycle.stages[0]!.recycled).toBe(1);
  });

  it('counts equal instants as in order in both modes, whatever the row order', () => {
    const tie: FunnelEvent[] = [
      { leadId: 'c', stage: 'sql', at: T }, // listed before mql, same instant
      { leadId: 'c', stage: 'mql', at: T },
    ];
    for (const sequence of ['lifecycle', 'ordered']) {
      const report = cohort(tie, { sequence });
      expect(report.stages[0]!.advanced).toBe(1);
      expect(report.stages[0]!.timeToNext!.median).toBe(0);
      // An mql event at the instant of entering sql is not a step back.
      expect(report.stages[0]!.recycled).toBe(0);
    }
  });

  it('is unchanged by duplicate rows and by row order', () => {
    const log: FunnelEvent[] = [
      { leadId: 1, stage: 'mql', at: T },
      { leadId: 1, stage: 'sql', at: T + 2 * DAY },
      { leadId: 2, stage: 'mql', at: T + DAY },
    ];
    const once = cohort(log);
    expect(cohort([...log, ...log])).toEqual(once);
    expect(cohort([...log].reverse())).toEqual(once);
    // 42 and '42' are one lead.
    expect(
      cohort([
        { leadId: 42, stage: 'mql', at: T },
        { leadId: '42', stage: 'sql', at: T + DAY },
      ]).leads,
    ).toBe(1);
  });
});

describe('cohorts and windows', () => {
  const log: FunnelEvent[] = [
    { leadId: 'on-time', stage: 'mql', at: T },
    { leadId: 'on-time', stage: 'sql', at: T + 30 * DAY }, // exactly at the window's end
    { leadId: 'late', stage: 'mql', at: T },
    { leadId: 'late', stage: 'sql', at: T + 30 * DAY + 1 }, // one ms past it
    { leadId: 'before', stage: 'mql', at: T - DAY }, // entered before from: not in the cohort
    { leadId: 'before', stage: 'sql', at: T },
  ];

  it('counts a conversion exactly at the window end, not one ms past it', () => {
    const report = cohort(log, { from: T, window: { days: 30 } });
    expect(report.leads).toBe(2);
    expect(report.windowMs).toBe(30 * DAY);
    expect(report.stages[0]!.reached).toBe(2);
    expect(report.stages[0]!.advanced).toBe(1);
    expect(report.stages[0]!.conversion!.rate).toBe(0.5);
    // Both windows closed at T + 30 d ≤ asOf: matured, nobody censored.
    expect(report.stages[0]!.censored).toBe(0);
    expect(report.stages[0]!.matured).toEqual({
      reached: 2,
      advanced: 1,
      rate: 0.5,
      interval: report.stages[0]!.conversion!.interval,
    });
  });

  it('takes leads whose first entry is in [from, to)', () => {
    expect(cohort(log, { from: T - DAY, to: T }).leads).toBe(1); // 'before' only
    expect(cohort(log, { from: T, to: T + 1 }).leads).toBe(2);
    expect(cohort(log, { from: T + 1 }).leads).toBe(0);
  });

  it('reports an empty range with zeros and no rates', () => {
    const report = cohort(log, { from: T + 50 * DAY, horizons: [{ days: 7 }] });
    expect(report.leads).toBe(0);
    expect(counts(report)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, null, 0, 0],
    ]);
    expect(report.stages[0]!.conversion).toBeNull();
    expect(report.stages[0]!.timeToNext).toBeNull();
    expect(report.stages[0]!.within).toEqual([
      { horizonMs: 7 * DAY, rate: null, low: null, high: null, atRisk: 0 },
    ]);
  });

  it('counts a lead still in flight at asOf as censored, and leaves it out of the matured rate', () => {
    // asOf T + 10 d, window 30 d: 'fresh' (mql at T) can still advance.
    const report = cohort(
      [
        { leadId: 'fresh', stage: 'mql', at: T },
        { leadId: 'old', stage: 'mql', at: T - 40 * DAY },
        { leadId: 'old', stage: 'sql', at: T - 35 * DAY },
      ],
      { asOf: T + 10 * DAY, window: { days: 30 } },
    );
    expect(report.stages[0]!.censored).toBe(1);
    expect(report.stages[0]!.conversion!.rate).toBe(0.5);
    expect(report.stages[0]!.matured!.reached).toBe(1); // only 'old' has matured
    expect(report.stages[0]!.matured!.rate).toBe(1);
  });

  it('keeps a lead that advanced inside an open window out of the matured figures', () => {
    // 'quick' advanced on day 2 but its 30-day window is still open at T + 10 d;
    // 'old' matured; 'fresh' is in flight. Horizons: censored leads add to the
    // curve, never to the times to next.
    const report = cohort(
      [
        { leadId: 'quick', stage: 'mql', at: T },
        { leadId: 'quick', stage: 'sql', at: T + 2 * DAY },
        { leadId: 'fresh', stage: 'mql', at: T },
        { leadId: 'old', stage: 'mql', at: T - 40 * DAY },
        { leadId: 'old', stage: 'sql', at: T - 35 * DAY },
      ],
      { asOf: T + 10 * DAY, window: { days: 30 }, horizons: [{ days: 7 }] },
    );
    const first = report.stages[0]!;
    expect([first.reached, first.advanced, first.censored]).toEqual([3, 2, 1]);
    expect(first.matured).toMatchObject({ reached: 1, advanced: 1, rate: 1 });
    expect(first.timeToNext!.count).toBe(2);
    // Lags of 2 and 5 days: the median is 3.5 days.
    expect(first.timeToNext!.median).toBe(3.5 * DAY);
    // Nothing matured yet: no matured rate.
    const young = cohort([{ leadId: 'fresh', stage: 'mql', at: T }], {
      asOf: T + DAY,
      window: { days: 30 },
    });
    expect(young.stages[0]!.matured).toEqual({
      reached: 0,
      advanced: 0,
      rate: null,
      interval: null,
    });
    // The last stage has no next one: no matured figures, no curve, nothing censored.
    const last = report.stages.at(-1)!;
    expect([last.matured, last.within, last.censored]).toEqual([null, [], 0]);
    // Without a window nothing matures: no matured figures at all.
    expect(cohort([{ leadId: 'fresh', stage: 'mql', at: T }]).stages[0]!.matured).toBeNull();
  });

  it('takes segments from a function of the id: a string, or none for an empty string', () => {
    const events: FunnelEvent[] = [
      { leadId: 'a1', stage: 'mql', at: T },
      { leadId: 'b1', stage: 'mql', at: T },
    ];
    const report = cohort(events, {
      segmentBy: (id: string | number) => (String(id).startsWith('a') ? 'A' : ''),
    });
    expect(report.segments!.map((s) => [s.segment, s.leads])).toEqual([
      ['A', 1],
      [null, 1],
    ]);
    const error = expectLeadMathError(
      () => cohort(events, { segmentBy: () => 7 }),
      'INVALID_ARGUMENT',
      'options.segmentBy',
    );
    expect(error.details.expected).toBe(
      'a function returning a string or null (it returned this for lead "a1")',
    );
    expect('segments' in cohort(events)).toBe(false);
    // undefined and null are no segment too.
    const none = cohort(events, {
      segmentBy: (id: string | number) => (id === 'a1' ? undefined : null),
    });
    expect(none.segments!.map((s) => [s.segment, s.leads])).toEqual([[null, 2]]);
  });

  it('ignores events after asOf, and takes the latest instant as asOf by default', () => {
    const log2: FunnelEvent[] = [
      { leadId: 'x', stage: 'mql', at: T },
      { leadId: 'x', stage: 'sql', at: T + 5 * DAY },
    ];
    const early = funnelReport(log2, { stages, asOf: T + DAY }) as FunnelCohortReport;
    expect(early.stages[0]!.advanced).toBe(0);
    expect(early.stages[0]!.censored).toBe(1);
    const byDefault = funnelReport(log2, { stages }) as FunnelCohortReport;
    expect(byDefault.asOf).toEqual(new Date(T + 5 * DAY));
    expect(byDefault.stages[0]!.advanced).toBe(1);
    expect(funnelReport([], { stages }).asOf).toBeNull();
  });

  it('counts a recycled lead once in its cohort and once per stage it went back to', () => {
    // r: mql T, sql T + 1 d, back to mql T + 2 d (nurture), sql again T + 3 d.
    const report = cohort([
      { leadId: 'r', stage: 'mql', at: T },
      { leadId: 'r', stage: 'sql', at: T + DAY },
      { leadId: 'r', stage: 'mql', at: T + 2 * DAY },
      { leadId: 'r', stage: 'sql', at: T + 3 * DAY },
    ]);
    expect(report.leads).toBe(1);
    expect(counts(report)).toEqual([
      [1, 1, 0, 1],
      [1, 0, 1, 0],
      [0, null, 0, 0],
    ]);
    expect(report.stages[0]!.timeToNext!.median).toBe(DAY);
  });
});

describe('times to next and Kaplan–Meier', () => {
  it('interpolates percentiles linearly', () => {
    // Lags 1, 2, 3, 10 days: median 2.5 d; p90 at position 2.7: 3 + 0.7 × 7 = 7.9 d; p25 at 0.75: 1.75 d.
    const log: FunnelEvent[] = [1, 2, 3, 10].flatMap((lag, i) => [
      { leadId: i, stage: 'mql', at: T },
      { leadId: i, stage: 'sql', at: T + lag * DAY },
    ]);
    const step = cohort(log, { quantiles: [0.25, 1] }).stages[0]!.timeToNext!;
    expect(step.count).toBe(4);
    expect(step.median).toBe(2.5 * DAY);
    expect(step.p90).toBeCloseTo(7.9 * DAY, 3);
    expect(step.quantiles).toEqual([
      { p: 0.25, value: 1.75 * DAY },
      { p: 1, value: 10 * DAY },
    ]);
  });

  it('estimates the share converted by each horizon with leads in flight censored, as scipy does', () => {
    // Six leads enter mql at T; asOf T + 10 d, no window.
    // Converted after 1, 3, 3 and 8 days; two still open (censored at 10 d − 0 = 10 d and,
    // for one that entered at T + 6 d, at 4 d).
    const log: FunnelEvent[] = [
      ...[1, 3, 3, 8].flatMap((lag, i) => [
        { leadId: i, stage: 'mql', at: T },
        { leadId: i, stage: 'sql', at: T + lag * DAY },
      ]),
      { leadId: 'open-1', stage: 'mql', at: T },
      { leadId: 'open-2', stage: 'mql', at: T + 6 * DAY },
    ];
    const report = cohort(log, {
      asOf: T + 10 * DAY,
      horizons: [{ days: 2 }, { days: 5 }, { days: 9 }],
    });
    // scipy 1.17.1:
    //   from scipy.stats import ecdf, CensoredData
    //   d = CensoredData(uncensored=[1, 3, 3, 8], right=[10, 4])
    //   r = ecdf(d); ci = r.cdf.confidence_interval(0.95, method='log-log')
    //   [r.cdf.evaluate(h) for h in (2, 5, 9)], ci.low.evaluate(...), ci.high.evaluate(...)
    //   → cdf 0.16666666666666663, 0.5, 0.75
    //     low 0.02528757330910647, 0.19629076314994331, 0.35405146260189946
    //     high 0.7268771500716442, 0.889051739648562, 0.9876904835249896
    const want = [
      { share: 1 / 6, low: 0.02528757330910647, high: 0.7268771500716442, atRisk: 5 },
      { share: 0.5, low: 0.19629076314994331, high: 0.889051739648562, atRisk: 2 },
      { share: 0.75, low: 0.35405146260189946, high: 0.9876904835249896, atRisk: 1 },
    ];
    const within = report.stages[0]!.within;
    within.forEach((point, k) => {
      expect(point.horizonMs).toBe([2, 5, 9][k]! * DAY);
      expect(point.rate).toBeCloseTo(want[k]!.share, 12);
      expect(point.low).toBeCloseTo(want[k]!.low, 9);
      expect(point.high).toBeCloseTo(want[k]!.high, 9);
      expect(point.atRisk).toBe(want[k]!.atRisk);
    });
    // The naive rate counts the open leads as lost: 4 / 6.
    expect(report.stages[0]!.conversion!.rate).toBeCloseTo(4 / 6, 15);
  });
});

describe('period mode', () => {
  it('counts entries in the range, and the ratio between stages may exceed 1', () => {
    // March: 1 MQL enters (d), 2 SQLs (e and f, whose MQLs were in February).
    const log: FunnelEvent[] = [
      { leadId: 'e', stage: 'mql', at: Date.UTC(2026, 1, 10) },
      { leadId: 'e', stage: 'sql', at: Date.UTC(2026, 2, 3) },
      { leadId: 'f', stage: 'mql', at: Date.UTC(2026, 1, 20) },
      { leadId: 'f', stage: 'sql', at: Date.UTC(2026, 2, 5) },
      { leadId: 'd', stage: 'mql', at: Date.UTC(2026, 2, 9) },
    ];
    const report = funnelReport(log, {
      stages: ['mql', 'sql'],
      mode: 'period',
      from: '2026-03-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
    }) as FunnelPeriodReport;
    expect(report.mode).toBe('period');
    expect(report.leads).toBe(3);
    expect(report.stages).toEqual([
      { stage: 'mql', entered: 1, periodRatio: 2 },
      { stage: 'sql', entered: 2, periodRatio: null },
    ]);
  });

  it('refuses a window or horizons, which belong to cohorts', () => {
    expectLeadMathError(
      () => funnelReport([], { stages, mode: 'period', window: { days: 30 } }),
      'INVALID_ARGUMENT',
      'options.window',
    );
  });
});

describe('segments', () => {
  const log: FunnelEvent[] = [
    { leadId: 1, stage: 'mql', at: T + DAY, source: 'ads' },
    { leadId: 1, stage: 'sql', at: T + 2 * DAY, source: 'email' }, // later touch: ignored
    { leadId: 2, stage: 'mql', at: T + DAY }, // no source on its first event…
    { leadId: 2, stage: 'sql', at: T + 3 * DAY, source: 'email' }, // …its first touch is here
    { leadId: 3, stage: 'mql', at: T },
    { leadId: 4, stage: 'mql', at: T, source: 'web' },
    { leadId: 4, stage: 'mql', at: T, source: 'ads' }, // a tie: the smaller key wins
  ];

  it('takes the first touch, sorts segments with null last, and adds up to the total', () => {
    const report = cohort(log, { segmentBy: 'source' });
    expect(report.segments!.map((s) => [s.segment, s.leads])).toEqual([
      ['ads', 2],
      ['email', 1],
      [null, 1],
    ]);
    const sum = (k: number) => report.segments!.reduce((n, s) => n + s.stages[k]!.reached, 0);
    expect([sum(0), sum(1)]).toEqual([report.stages[0]!.reached, report.stages[1]!.reached]);
  });

  it('takes a first touch exactly at asOf, and none after it', () => {
    // Lead 2's only source is on its sql event at T + 3 days: asOf at that instant keeps it,
    // a millisecond earlier leaves the lead without a segment.
    const at = cohort(log, { segmentBy: 'source', asOf: T + 3 * DAY });
    expect(at.segments!.map((s) => [s.segment, s.leads])).toEqual([
      ['ads', 2],
      ['email', 1],
      [null, 1],
    ]);
    const before = cohort(log, { segmentBy: 'source', asOf: T + 3 * DAY - 1 });
    expect(before.segments!.map((s) => [s.segment, s.leads])).toEqual([
      ['ads', 2],
      [null, 2],
    ]);
  });

  it('segments by a function of the lead id', () => {
    const report = cohort(log, {
      segmentBy: (id: string | number) => (Number(id) <= 2 ? 'low' : null),
    });
    expect(report.segments!.map((s) => [s.segment, s.leads])).toEqual([
      ['low', 2],
      [null, 2],
    ]);
  });
});

describe('columns', () => {
  const objects: FunnelEvent[] = [
    { leadId: 7, stage: 'mql', at: T, source: 'ads' },
    { leadId: 7, stage: 'sql', at: T + DAY, source: null },
    { leadId: 900, stage: 'nurture', at: T },
    { leadId: 900, stage: 'mql', at: T + 2 * DAY },
  ];
  const options = { stages, outcomes: ['nurture'], segmentBy: 'source', asOf: T + 9 * DAY };

  it('give the report of the same events as objects, with codes, names, sparse or dense ids', () => {
    const want = funnelReport(objects, options);
    const at = Float64Array.of(T, T + DAY, T, T + 2 * DAY);
    const source = ['ads', null, null, null];
    for (const leadId of [Int32Array.of(7, 7, 900, 900), [7, '7', '900', 900]]) {
      for (const stage of [Uint8Array.of(0, 1, 3, 0), ['mql', 'sql', 'nurture', 'mql']]) {
        expect(funnelReport({ leadId, stage, at, source } as never, options)).toEqual(want);
      }
    }
    // Sparse integer ids and string ids, interned.
    const sparse = [
      Int32Array.of(7_000_000, 7_000_000, -9, -9),
      Float64Array.of(2 ** 40, 2 ** 40, 900, 900),
      Uint32Array.of(4_000_000_000, 4_000_000_000, 5, 5),
      ['7', '7', '900', '900'],
    ];
    for (const leadId of sparse) {
      expect(
        funnelReport({ leadId, stage: Uint8Array.of(0, 1, 3, 0), at, source } as never, options),
      ).toEqual(want);
    }
    // Dense ids (0 … n − 1) are used as they are.
    expect(
      funnelReport(
        { leadId: Int32Array.of(0, 0, 1, 1), stage: Uint8Array.of(0, 1, 3, 0), at, source },
        options,
      ),
    ).toEqual(want);
  });

  it('give the same report from sparse integer ids (interned by partitions) as from string ids', () => {
    // 60,000 rows: more than one table's worth, so integer ids are interned in partitions
    // and the rows reordered with them.
    const n = 60_000;
    const leadId = Int32Array.from(
      { length: n },
      (_, i) => ((i % 25_000) * 2_654_435_761) % 2_000_000_000,
    );
    // Stage codes 0–2, and 3 (the outcome 'lost', not a stage) on one row in 17 of the last block.
    const stage = Uint8Array.from({ length: n }, (_, i) =>
      i < 25_000 ? 0 : i < 45_000 ? 1 : i % 17 === 0 ? 3 : 2,
    );
    // Rows of one lead are 25,000 apart; the offset per block makes their instants differ.
    const at = Float64Array.from(
      { length: n },
      (_, i) => T + ((i * 7919 + Math.floor(i / 25_000) * 137) % 500) * 3_600_000,
    );
    const source = Array.from({ length: n }, (_, i) =>
      i % 7 === 0 ? 'ads' : i % 11 === 0 ? null : 'web',
    );
    for (const sequence of ['lifecycle', 'ordered'] as const) {
      const opts = {
        stages,
        outcomes: ['lost'],
        sequence,
        segmentBy: 'source',
        horizons: [{ days: 5 }],
        asOf: T + 400 * 3_600_000,
      };
      const fromInts = funnelReport({ leadId, stage, at, source }, opts);
      const fromStrings = funnelReport(
        { leadId: Array.from(leadId, (v) => `id${v}`), stage, at, source },
        opts,
      );
      expect(fromInts).toEqual(fromStrings);
      // Ids given half as numbers, half as strings go row by row, in one piece: the same report.
      const mixed = Array.from(leadId, (v, i) => (i % 2 === 0 ? v : String(v)));
      expect(funnelReport({ leadId: mixed, stage, at, source }, opts)).toEqual(fromInts);
      // The same leads as dense ids (put into partitions by id range), and the
      // stages as names and as 16-bit codes: the same report.
      expect(new Set(leadId).size).toBe(25_000);
      const dense = Int32Array.from({ length: n }, (_, i) => i % 25_000);
      expect(funnelReport({ leadId: dense, stage, at, source }, opts)).toEqual(fromInts);
      const names = Array.from(stage, (c) => [...stages, 'lost'][c]!);
      expect(funnelReport({ leadId, stage: names, at, source }, opts)).toEqual(fromInts);
      expect(
        funnelReport({ leadId: dense, stage: Uint16Array.from(stage), at, source }, opts),
      ).toEqual(fromInts);
      // Without segments, dense ids with 8-bit stage codes are carried in one pass.
      const { segmentBy: _, ...plain } = opts;
      const want = funnelReport({ leadId, stage, at }, plain);
      expect(funnelReport({ leadId: dense, stage, at }, plain)).toEqual(want);
      expect(funnelReport({ leadId: dense, stage: Uint16Array.from(stage), at }, plain)).toEqual(
        want,
      );
      // Period mode over part of the range: partitions of different sizes give
      // what the row-by-row path gives.
      const period = {
        stages,
        outcomes: ['lost'],
        sequence,
        mode: 'period' as const,
        from: T + 100 * 3_600_000,
        to: T + 300 * 3_600_000,
        asOf: T + 400 * 3_600_000,
      };
      expect(funnelReport({ leadId, stage, at }, period)).toEqual(
        funnelReport({ leadId: mixed, stage, at }, period),
      );
      expect(funnelReport({ leadId: dense, stage, at }, period)).toEqual(
        funnelReport({ leadId: mixed, stage, at }, period),
      );
      const rows = (fromInts as FunnelCohortReport).stages;
      expect(rows[1]!.reached).toBeGreaterThan(1000);
      if (sequence === 'lifecycle') expect(rows[0]!.recycled).toBeGreaterThan(100);
    }
    // A bad instant or stage code late in a column that is put into partitions
    // is still named by its row.
    for (const ids of [leadId, Int32Array.from({ length: n }, (_, i) => i % 25_000)]) {
      const late = at.slice();
      late[n - 2] = T + 0.5;
      expectLeadMathError(
        () => funnelReport({ leadId: ids, stage, at: late }, { stages, outcomes: ['lost'] }),
        'INVALID_DATE',
        `events.at[${n - 2}]`,
      );
      const badStage = stage.slice();
      badStage[n - 3] = 9;
      expectLeadMathError(
        () => funnelReport({ leadId: ids, stage: badStage, at }, { stages, outcomes: ['lost'] }),
        'UNKNOWN_STAGE',
        `events.stage[${n - 3}]`,
      );
    }
  });

  it('name the bad cell', () => {
    const at = Float64Array.of(T, T + 0.5);
    expectLeadMathError(
      () =>
        funnelReport({ leadId: Int32Array.of(1, 2), stage: Uint8Array.of(0, 0), at }, { stages }),
      'INVALID_DATE',
      'events.at[1]',
    );
    expectLeadMathError(
      () =>
        funnelReport(
          { leadId: Int32Array.of(1, 2), stage: Uint8Array.of(0, 9), at: Float64Array.of(T, T) },
          { stages },
        ),
      'UNKNOWN_STAGE',
      'events.stage[1]',
    );
    expectLeadMathError(
      () => funnelReport({ leadId: [1], stage: ['mql', 'sql'], at: [T, T] }, { stages }),
      'INVALID_ARGUMENT',
      'events.stage',
    );
  });
});

describe('bad events', () => {
  const log = [
    { leadId: 'a', stage: 'mql', at: T },
    { leadId: 'a', stage: 'demo', at: T },
    { leadId: 'b', stage: 'mql', at: '2026-03-02T09:00:00' },
    { stage: 'mql', at: T },
    { leadId: 'c', stage: 'sql', at: T + DAY },
  ] as FunnelEvent[];

  it('throw naming the row', () => {
    const error = catchLeadMathError(() => funnelReport(log, { stages }));
    expect([error.code, error.details.path]).toEqual(['UNKNOWN_STAGE', 'events[1].stage']);
    expect(error.message).toContain('one of the stages or outcomes (mql, sql, won)');
  });

  it('are left out and listed with onInvalid: collect', () => {
    const report = funnelReport(log, { stages, onInvalid: 'collect' }) as FunnelCohortReport;
    expect(report.issues!.map((i) => [i.row, i.code, i.field])).toEqual([
      [1, 'UNKNOWN_STAGE', 'stage'],
      [2, 'INVALID_DATE', 'at'],
      [3, 'INVALID_ARGUMENT', 'leadId'],
    ]);
    expect(report.leads).toBe(2); // a and c
  });

  it('in columns are left out and listed by cell with onInvalid: collect', () => {
    const report = funnelReport(
      {
        leadId: Int32Array.of(1, 1, 2, 3),
        stage: Uint8Array.of(0, 1, 7, 0),
        at: Float64Array.of(T, T + DAY, T, T + 0.5),
      },
      { stages, onInvalid: 'collect', asOf: T + 2 * DAY },
    ) as FunnelCohortReport;
    expect(report.issues!.map((i) => [i.row, i.code, i.field])).toEqual([
      [2, 'UNKNOWN_STAGE', 'stage'],
      [3, 'INVALID_DATE', 'at'],
    ]);
    expect([report.leads, report.stages[0]!.advanced]).toEqual([1, 1]);
  });

  it('options are checked, unknown keys with a suggestion', () => {
    const error = catchLeadMathError(() => funnelReport([], { stages, windw: 3 } as never));
    expect(error.details.path).toBe('options.windw');
    expect(error.message).toContain('did you mean window?');
    expectLeadMathError(
      () => funnelReport([], { stages: [] }),
      'INVALID_ARGUMENT',
      'options.stages',
    );
    expectLeadMathError(
      () => funnelReport([], { stages, outcomes: ['mql'] }),
      'INVALID_ARGUMENT',
      'options.outcomes[0]',
    );
    expectLeadMathError(
      () => funnelReport([], { stages, window: { businessDays: 3 } as never }),
      'INVALID_DURATION',
      'options.window',
    );
    expectLeadMathError(
      () => funnelReport([], { stages, horizons: [{ days: 1e308 }] }),
      'INVALID_DURATION',
      'options.horizons[0]',
    );
    expectLeadMathError(
      () => funnelReport([], { stages, from: T + 1, to: T }),
      'INVALID_ARGUMENT',
      'options.to',
    );
    expectLeadMathError(
      () => funnelReport([], { stages, quantiles: [1.5] }),
      'INVALID_RATE',
      'options.quantiles[0]',
    );
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(log);
    funnelReport(log, { stages, onInvalid: 'collect' });
    expect(log).toEqual(copy);
  });
});
