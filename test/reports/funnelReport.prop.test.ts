import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  type FunnelCohortReport,
  type FunnelEvent,
  type FunnelPeriodReport,
  funnelReport,
} from '../../src/index';
import {
  firstTouch,
  idKeyOf,
  type NaiveEvent,
  naiveCohort,
  naivePeriod,
  naiveQuantile,
} from './naiveFunnel';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5);
const stages = ['lead', 'mql', 'sql', 'won'];
const outcomes = ['nurture'];

/** Messy logs: few instants (many ties), skipped stages, outcomes, ids as numbers and strings. */
const event = fc.record({
  leadId: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constantFrom('1', '2', 'x', 'y')),
  stage: fc.constantFrom(...stages, ...outcomes),
  at: fc.integer({ min: 0, max: 12 }).map((h) => T0 + h * HOUR),
  source: fc.constantFrom('ads', 'email', null, undefined),
});
const log = fc.array(event, { maxLength: 40 });
const rules = fc.record({
  sequence: fc.constantFrom('lifecycle' as const, 'ordered' as const),
  from: fc.option(
    fc.integer({ min: 0, max: 40 }).map((h) => T0 + h * HOUR),
    { nil: undefined },
  ),
  span: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined, freq: 2 }),
  windowHours: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined, freq: 2 }),
  asOfHours: fc.integer({ min: 0, max: 16 }),
});

function optionsOf(r: {
  sequence: 'lifecycle' | 'ordered';
  from: number | undefined;
  span: number | undefined;
  windowHours: number | undefined;
  asOfHours: number;
}) {
  const to = r.from === undefined || r.span === undefined ? undefined : r.from + r.span * HOUR;
  return {
    stages,
    outcomes,
    sequence: r.sequence,
    asOf: T0 + r.asOfHours * HOUR,
    ...(r.from === undefined ? {} : { from: r.from }),
    ...(to === undefined ? {} : { to }),
    ...(r.windowHours === undefined ? {} : { window: r.windowHours * HOUR }),
  };
}

const clean = (events: readonly { source?: string | null | undefined }[]) =>
  events.map((e) => {
    const { source, ...rest } = e;
    return source === undefined ? rest : { ...rest, source };
  }) as FunnelEvent[];

/** A cohort report's stages against the plain implementation's, stage by stage. */
function expectCohortStages(
  rows: FunnelCohortReport['stages'],
  want: ReturnType<typeof naiveCohort>['stages'],
): void {
  rows.forEach((row, i) => {
    const w = want[i]!;
    expect(row.reached).toBe(w.reached);
    expect(row.recycled).toBe(w.recycled);
    if (i + 1 === stages.length) {
      expect(row.censored).toBe(0); // no next stage to wait for
      return;
    }
    expect(row.advanced).toBe(w.advanced);
    expect(row.censored).toBe(w.censored);
    expect(row.timeToNext?.count ?? 0).toBe(w.lags.length);
    if (w.lags.length > 0) {
      expect(row.timeToNext!.median).toBeCloseTo(naiveQuantile(w.lags, 0.5), 6);
      expect(row.timeToNext!.p90).toBeCloseTo(naiveQuantile(w.lags, 0.9), 6);
    }
  });
}

describe('funnelReport against a plain implementation of the rules', () => {
  test.prop({ events: log, r: rules }, { numRuns: 500 })(
    'cohort counts, censoring, recycling and lags',
    ({ events, r }) => {
      const options = optionsOf(r);
      const report = funnelReport(clean(events), options) as FunnelCohortReport;
      const want = naiveCohort(events, {
        stages,
        sequence: r.sequence,
        from: options.from,
        to: options.to,
        windowMs: options.window,
        asOf: options.asOf,
      });
      expect(report.leads).toBe(want.leads);
      expectCohortStages(report.stages, want.stages);
    },
  );

  test.prop({ events: log, r: rules }, { numRuns: 300 })('period entries', ({ events, r }) => {
    const options = { ...optionsOf(r), mode: 'period' as const };
    delete (options as { window?: number }).window;
    const report = funnelReport(clean(events), options) as FunnelPeriodReport;
    const want = naivePeriod(events, {
      stages,
      sequence: r.sequence,
      from: options.from,
      to: options.to,
      asOf: options.asOf,
    });
    expect(report.leads).toBe(want.leads);
    expect(report.stages.map((s) => s.entered)).toEqual(want.entered);
  });
});

describe('funnelReport properties', () => {
  test.prop({ events: log, r: rules, seed: fc.integer() })(
    'is invariant to row order and duplicated rows; rates ≤ 1; reached never grows down the funnel',
    ({ events, r, seed }) => {
      const options = { ...optionsOf(r), horizons: [HOUR, 10 * HOUR], segmentBy: 'source' };
      const input = clean(events);
      const report = funnelReport(input, options) as FunnelCohortReport;
      // A seeded shuffle, and every row twice.
      const shuffled = [...input];
      let s = seed;
      for (let i = shuffled.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) | 0;
        const j = Math.abs(s) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(funnelReport([...shuffled, ...input], options)).toEqual(report);
      for (let i = 0; i < report.stages.length; i++) {
        const row = report.stages[i]!;
        if (i > 0) expect(row.reached).toBeLessThanOrEqual(report.stages[i - 1]!.reached);
        if (row.conversion !== null) expect(row.conversion.rate).toBeLessThanOrEqual(1);
        for (const point of row.within) {
          if (point.rate !== null) expect(point.rate).toBeLessThanOrEqual(1);
        }
      }
    },
  );

  test.prop({ events: log, r: rules })('leaves its input as it was', ({ events, r }) => {
    const input = clean(events);
    const before = structuredClone(input);
    const columns = {
      leadId: events.map((e) => String(e.leadId)),
      stage: events.map((e) => e.stage),
      at: Float64Array.from(events, (e) => e.at),
    };
    const columnsBefore = structuredClone(columns);
    funnelReport(input, { ...optionsOf(r), segmentBy: 'source', horizons: [HOUR] });
    funnelReport(columns, optionsOf(r));
    expect(input).toEqual(before);
    expect(columns).toEqual(columnsBefore);
  });

  test.prop({ events: log, r: rules })('segments add up to the total exactly', ({ events, r }) => {
    const report = funnelReport(clean(events), {
      ...optionsOf(r),
      segmentBy: 'source',
    }) as FunnelCohortReport;
    const segments = report.segments!;
    expect(segments.reduce((n, s) => n + s.leads, 0)).toBe(report.leads);
    report.stages.forEach((row, i) => {
      for (const key of ['reached', 'censored', 'recycled'] as const) {
        expect(segments.reduce((n, s) => n + s.stages[i]![key], 0)).toBe(row[key]);
      }
      expect(segments.reduce((n, s) => n + (s.stages[i]!.advanced ?? 0), 0)).toBe(
        row.advanced ?? 0,
      );
    });
  });

  test.prop({ events: log, r: rules })(
    'columns give the report of the same events as objects',
    ({ events, r }) => {
      const options = { ...optionsOf(r), segmentBy: 'source' };
      const names = [...stages, ...outcomes];
      const columns = {
        leadId: events.map((e) => e.leadId),
        stage: Uint8Array.from(events, (e) => names.indexOf(e.stage)),
        at: Float64Array.from(events, (e) => e.at),
        source: events.map((e) => e.source ?? null),
      };
      const want = funnelReport(clean(events), options);
      expect(funnelReport(columns, options)).toEqual(want);
      // All ids as strings ('1' and 1 are one lead), and as sparse integers.
      const key = (id: string | number) => String(id);
      expect(
        funnelReport({ ...columns, leadId: events.map((e) => key(e.leadId)) }, options),
      ).toEqual(want);
      const codes = [...new Set(events.map((e) => key(e.leadId)))];
      const sparse = Float64Array.from(events, (e) => 1e12 + 7919 * codes.indexOf(key(e.leadId)));
      expect(funnelReport({ ...columns, leadId: sparse }, options)).toEqual(want);
    },
  );
});

/**
 * Asserts that the report lists exactly the segments that have leads, and
 * hands each to `check` with the plain figures of its own leads.
 */
function compareSegments<
  S extends { segment: string | null; leads: number },
  W extends { leads: number },
>(
  segments: readonly S[],
  groups: ReadonlyMap<string | null, readonly NaiveEvent[]>,
  naive: (group: readonly NaiveEvent[]) => W,
  check: (segment: S, want: W) => void,
): void {
  const got = new Map(segments.map((s) => [s.segment, s]));
  const wants = [...groups]
    .map(([key, group]) => [key, naive(group)] as const)
    .filter(([, want]) => want.leads > 0);
  expect(new Set(got.keys())).toEqual(new Set(wants.map(([key]) => key)));
  for (const [key, want] of wants) {
    const segment = got.get(key)!;
    expect(segment.leads).toBe(want.leads);
    check(segment, want);
  }
}

describe('every segment against the plain implementation of its own leads', () => {
  const segmentsOf = (events: readonly NaiveEvent[], asOf: number, byFunction: boolean) => {
    const touch = firstTouch(events, asOf);
    // A function of the id: leads whose id starts with a digit, and the others.
    const keyOf = (id: string) =>
      byFunction ? (/^[0-9]/.test(id) ? 'numeric' : null) : touch.get(id)!;
    const groups = new Map<string | null, NaiveEvent[]>();
    for (const e of events) {
      const key = keyOf(idKeyOf(e.leadId));
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    return groups;
  };
  const segmentOption = (byFunction: boolean) =>
    byFunction
      ? { segmentBy: (id: string | number) => (/^[0-9]/.test(String(id)) ? 'numeric' : '') }
      : { segmentBy: 'source' };

  test.prop({ events: log, r: rules, byFunction: fc.boolean() }, { numRuns: 200 })(
    'cohort: counts, censoring, lags and matured leads per segment',
    ({ events, r, byFunction }) => {
      const options = { ...optionsOf(r), ...segmentOption(byFunction) };
      const report = funnelReport(clean(events), options) as FunnelCohortReport;
      const groups = segmentsOf(events, options.asOf, byFunction);
      const naive = (group: readonly NaiveEvent[]) =>
        naiveCohort(group, {
          stages,
          sequence: r.sequence,
          from: options.from,
          to: options.to,
          windowMs: options.window,
          asOf: options.asOf,
        });
      compareSegments(report.segments!, groups, naive, (segment, want) =>
        expectCohortStages(segment.stages, want.stages),
      );
    },
  );

  test.prop({ events: log, r: rules, byFunction: fc.boolean() }, { numRuns: 200 })(
    'period: entries per segment, and the ratio between stages',
    ({ events, r, byFunction }) => {
      const options = { ...optionsOf(r), mode: 'period' as const, ...segmentOption(byFunction) };
      delete (options as { window?: number }).window;
      const report = funnelReport(clean(events), options) as FunnelPeriodReport;
      const groups = segmentsOf(events, options.asOf, byFunction);
      const naive = (group: readonly NaiveEvent[]) =>
        naivePeriod(group, {
          stages,
          sequence: r.sequence,
          from: options.from,
          to: options.to,
          asOf: options.asOf,
        });
      compareSegments(report.segments!, groups, naive, (segment, want) => {
        expect(segment.stages.map((s) => s.entered)).toEqual(want.entered);
        segment.stages.forEach((row, i) => {
          const next = want.entered[i + 1];
          const entered = want.entered[i]!;
          expect(row.periodRatio).toBe(next === undefined || entered === 0 ? null : next / entered);
        });
      });
    },
  );
});
