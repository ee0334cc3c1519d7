/**
 * Large columns (past the size from which rows are put into partitions)
 * against the plain implementation of the rules: both sequence rules,
 * recycling, censoring, windows and first-touch segments, with dense,
 * sparse and string ids.
 */
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/data';
import {
  createFunnelAccumulator,
  funnelAccumulatorFromJSON,
} from '../../src/reports/funnelAccumulator';
import { type FunnelCohortReport, funnelReport } from '../../src/reports/funnelReport';
import { catchLeadMathError } from '../_helpers';
import { firstTouch, idKeyOf, type NaiveEvent, naiveCohort } from './naiveFunnel';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5);
const stages = ['lead', 'mql', 'sql', 'won'];
const names = [...stages, 'nurture'];

/** 12,000 leads, about 45,000 rows: every stage in any order, ties, outcomes, some sources. */
function messyLog(): NaiveEvent[] {
  const rand = random(11);
  const out: NaiveEvent[] = [];
  for (let lead = 0; lead < 12_000; lead++) {
    const rows = 1 + Math.floor(rand() * 6);
    for (let k = 0; k < rows; k++) {
      const u = rand();
      out.push({
        leadId: lead,
        stage: names[Math.floor(rand() * names.length)]!,
        at: T0 + Math.floor(rand() * 200) * HOUR,
        source: u < 0.3 ? 'ads' : u < 0.5 ? 'email' : u < 0.55 ? 'web' : null,
      });
    }
  }
  // Shuffle: a lead's rows end up anywhere.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const log = messyLog();

/** The log as columns: dense ids, stage codes, instants (fresh arrays, for tests that change one). */
function logColumns() {
  return {
    leadId: Int32Array.from(log, (e) => e.leadId as number),
    stage: Uint8Array.from(log, (e) => names.indexOf(e.stage)),
    at: Float64Array.from(log, (e) => e.at),
  };
}

describe('funnelReport on large columns', () => {
  expect(log.length).toBeGreaterThan(40_000);
  const asOf = T0 + 180 * HOUR;
  const idColumns: [string, ArrayLike<string | number>][] = [
    ['dense ids', Int32Array.from(log, (e) => e.leadId as number)],
    ['sparse ids', Float64Array.from(log, (e) => 1e12 + 7919 * (e.leadId as number))],
    ['string ids', log.map((e) => `L${e.leadId}`)],
  ];
  for (const sequence of ['lifecycle', 'ordered'] as const) {
    for (const windowMs of [undefined, 48 * HOUR]) {
      const want = naiveCohort(log, { stages, sequence, asOf, windowMs });
      for (const [name, leadId] of idColumns) {
        it(`${sequence}${windowMs === undefined ? '' : ', with a window'}, ${name}`, () => {
          const columns = { ...logColumns(), leadId };
          const options = {
            stages,
            outcomes: ['nurture'],
            sequence,
            asOf,
            ...(windowMs === undefined ? {} : { window: windowMs }),
          };
          const r = funnelReport(columns as never, options) as FunnelCohortReport;
          expect(r.leads).toBe(want.leads);
          expect(r.stages.map((s) => [s.reached, s.advanced ?? 0, s.censored, s.recycled])).toEqual(
            want.stages.map((s, i) => [
              s.reached,
              i + 1 < stages.length ? s.advanced : 0,
              i + 1 < stages.length ? s.censored : 0,
              s.recycled,
            ]),
          );
        });
      }
    }
  }

  it('reads a lead with many rows, rows after asOf and outcomes, in either rule', () => {
    // Lead 1: 40 lead rows, a nurture, then MQL, SQL and won rows, some after asOf; the later rows first.
    const rows: NaiveEvent[] = [
      { leadId: 1, stage: 'won', at: T0 + 60 * HOUR },
      { leadId: 1, stage: 'sql', at: T0 + 52 * HOUR },
      { leadId: 1, stage: 'mql', at: T0 + 50 * HOUR },
      { leadId: 1, stage: 'nurture', at: T0 + 41 * HOUR },
    ];
    for (let k = 0; k < 40; k++) rows.push({ leadId: 1, stage: 'lead', at: T0 + k * HOUR });
    rows.push({ leadId: 1, stage: 'lead', at: T0 + 55 * HOUR });
    rows.push({ leadId: 2, stage: 'lead', at: T0 });
    rows.push({ leadId: 2, stage: 'mql', at: T0 + 2 * HOUR });
    for (const sequence of ['lifecycle', 'ordered'] as const) {
      for (const asOf of [T0 + 45 * HOUR, T0 + 56 * HOUR, T0 + 70 * HOUR]) {
        const r = funnelReport(rows as never, {
          stages,
          outcomes: ['nurture'],
          sequence,
          asOf,
        }) as FunnelCohortReport;
        const want = naiveCohort(rows, { stages, sequence, asOf });
        expect(
          r.stages.map((s) => s.reached),
          `${sequence} ${asOf}`,
        ).toEqual(want.stages.map((s) => s.reached));
        expect(r.stages.map((s) => s.recycled)).toEqual(want.stages.map((s) => s.recycled));
      }
    }
  });

  it('leaves collected bad rows out of large columns, in either rule', () => {
    const at = Float64Array.from(log, (e) => e.at);
    // Every 97th row has an instant that is not a whole millisecond: collected, and no event of anyone's.
    for (let i = 0; i < at.length; i += 97) at[i] = at[i]! + 0.5;
    const kept = log.filter((_, i) => i % 97 !== 0);
    const columns = { ...logColumns(), at };
    for (const sequence of ['lifecycle', 'ordered'] as const) {
      const r = funnelReport(columns, {
        stages,
        outcomes: ['nurture'],
        sequence,
        asOf,
        onInvalid: 'collect',
      }) as FunnelCohortReport;
      expect(r.issues!.length).toBe(Math.ceil(log.length / 97));
      const want = naiveCohort(kept, { stages, sequence, asOf });
      expect(r.stages.map((s) => [s.reached, s.recycled])).toEqual(
        want.stages.map((s) => [s.reached, s.recycled]),
      );
    }
  });

  it('takes the latest instant of a large column as asOf, wherever its row is', () => {
    const latest = Math.max(...log.map((e) => e.at));
    const columns = logColumns();
    // The latest row is not the last one.
    expect(columns.at[columns.at.length - 1]).not.toBe(latest);
    for (const leadId of [columns.leadId, Float64Array.from(columns.leadId, (id) => 1e9 + id)]) {
      const r = funnelReport(
        { ...columns, leadId },
        { stages, outcomes: ['nurture'] },
      ) as FunnelCohortReport;
      expect(r.asOf!.getTime()).toBe(latest);
    }
    // Collecting over good large columns finds no issue.
    const collected = funnelReport(columns, {
      stages,
      outcomes: ['nurture'],
      onInvalid: 'collect',
    }) as FunnelCohortReport;
    expect(collected.issues).toEqual([]);
    // A stage code past the names is refused on the large path too, with dense and sparse ids.
    const past = columns.stage.slice();
    past[30_001] = names.length;
    const sparse = catchLeadMathError(() =>
      funnelReport(
        { ...columns, leadId: Float64Array.from(columns.leadId, (id) => 1e9 + id), stage: past },
        { stages, outcomes: ['nurture'] },
      ),
    );
    expect([sparse.code, sparse.details.path]).toEqual(['UNKNOWN_STAGE', 'events.stage[30001]']);
    const stage = columns.stage.slice();
    stage[30_000] = names.length;
    const e = catchLeadMathError(() =>
      funnelReport({ ...columns, stage }, { stages, outcomes: ['nurture'] }),
    );
    expect([e.code, e.details.path]).toEqual(['UNKNOWN_STAGE', 'events.stage[30000]']);
    expect(e.details.expected).toBe(`a code below ${names.length} (${names.join(', ')})`);
  });

  it('names the function in every message of the reports', () => {
    const bad = [{ leadId: 1, stage: 'x', at: T0 }];
    expect(catchLeadMathError(() => funnelReport(bad, { stages })).message).toMatch(
      /^funnelReport: /,
    );
    expect(catchLeadMathError(() => createFunnelAccumulator({ stages: [] })).message).toMatch(
      /^createFunnelAccumulator: /,
    );
    expect(catchLeadMathError(() => createFunnelAccumulator({ stages }).add(bad)).message).toMatch(
      /^funnelAccumulator\.add: /,
    );
    expect(catchLeadMathError(() => funnelAccumulatorFromJSON(null as never)).message).toMatch(
      /^funnelAccumulatorFromJSON: /,
    );
  });

  it('splits large columns by first-touch segment as the plain rule does, segments adding up', () => {
    const touch = firstTouch(log, asOf);
    const columns = {
      ...logColumns(),
      source: log.map((e) => e.source ?? null),
    };
    for (const sequence of ['lifecycle', 'ordered'] as const) {
      const r = funnelReport(columns, {
        stages,
        outcomes: ['nurture'],
        sequence,
        asOf,
        segmentBy: 'source',
      }) as FunnelCohortReport;
      const keys = [...new Set(touch.values())].sort((a, b) =>
        a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
      );
      expect(r.segments!.map((s) => s.segment)).toEqual(keys);
      for (const segment of r.segments!) {
        const group = log.filter((e) => touch.get(idKeyOf(e.leadId)) === segment.segment);
        const want = naiveCohort(group, { stages, sequence, asOf });
        expect(segment.leads).toBe(want.leads);
        expect(segment.stages.map((s) => [s.reached, s.recycled])).toEqual(
          want.stages.map((s) => [s.reached, s.recycled]),
        );
      }
      expect(r.segments!.reduce((a, s) => a + s.leads, 0)).toBe(r.leads);
    }
  });
});
