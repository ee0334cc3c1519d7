/**
 * The funnel report from event columns: each lead's stage entries by the
 * sequence rule, then counts, times to next and Kaplan–Meier observations
 * per stage, for the whole report and per segment. One lead at a time, its
 * rows gathered by a counting sort (`groupByLead`); nothing per event is
 * allocated.
 */
import { groupByLead } from '../../_lib/columns/groupByLead';
import { kaplanMeier, kaplanMeierAt } from '../../_lib/stats/kaplanMeier';
import { twoSidedZ } from '../../_lib/stats/normal';
import { quantilesInPlace } from '../../_lib/stats/quantile';
import { wilsonBounds } from '../../_lib/stats/wilson';
import { fail } from '../../errors';
import type { EventColumns } from './events';

/** The rules of one report, read and checked. */
export interface FunnelRules {
  readonly stages: readonly string[];
  readonly mode: 'cohort' | 'period';
  readonly sequence: 'lifecycle' | 'ordered';
  /** Epoch ms; −∞ / +∞ for an open side. */
  readonly from: number;
  readonly to: number;
  /** Conversion window in ms, +∞ for none. */
  readonly windowMs: number;
  /** Epoch ms, or NaN to take the latest instant in the data. */
  readonly asOf: number;
  readonly horizons: readonly number[];
  readonly quantiles: readonly number[];
  readonly confidence: number;
  /** A function of the lead id giving its segment, when segments come from one. */
  readonly segmentOf: ((leadId: string | number) => unknown) | undefined;
  /** Whether there are segments at all (a field or a function). */
  readonly segmented: boolean;
}

/** A growable column of observations: a duration and whether it ended in an event. */
class Observations {
  durations = new Float64Array(16);
  events = new Uint8Array(16);
  n = 0;
  /** Event durations only, in order of arrival (for the times to next). */
  lags = new Float64Array(16);
  lagCount = 0;

  add(duration: number, event: boolean, keepCensored: boolean): void {
    if (event) {
      if (this.lagCount === this.lags.length) this.lags = grow(this.lags);
      this.lags[this.lagCount++] = duration;
    }
    if (!keepCensored) return; // without horizons the curve is not needed
    if (this.n === this.durations.length) {
      this.durations = grow(this.durations);
      const events = new Uint8Array(this.events.length * 2);
      events.set(this.events);
      this.events = events;
    }
    this.durations[this.n] = duration;
    this.events[this.n++] = event ? 1 : 0;
  }
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/** The tallies of one group of leads (the whole report, or one segment). */
class Tally {
  leads = 0;
  readonly reached: Float64Array;
  readonly advanced: Float64Array;
  readonly censored: Float64Array;
  readonly recycled: Float64Array;
  readonly maturedReached: Float64Array;
  readonly maturedAdvanced: Float64Array;
  readonly entered: Float64Array;
  readonly observations: Observations[];

  constructor(stageCount: number) {
    this.reached = new Float64Array(stageCount);
    this.advanced = new Float64Array(stageCount);
    this.censored = new Float64Array(stageCount);
    this.recycled = new Float64Array(stageCount);
    this.maturedReached = new Float64Array(stageCount);
    this.maturedAdvanced = new Float64Array(stageCount);
    this.entered = new Float64Array(stageCount);
    this.observations = Array.from({ length: stageCount }, () => new Observations());
  }
}

/** One stage of a cohort report. */
export interface CohortRow {
  readonly stage: string;
  readonly reached: number;
  readonly advanced: number | null;
  readonly conversion: {
    readonly rate: number;
    readonly interval: { readonly low: number; readonly high: number };
  } | null;
  readonly matured: {
    readonly reached: number;
    readonly advanced: number;
    readonly rate: number | null;
    readonly interval: { readonly low: number; readonly high: number } | null;
  } | null;
  readonly censored: number;
  readonly recycled: number;
  readonly timeToNext: {
    readonly count: number;
    readonly median: number;
    readonly p90: number;
    readonly quantiles: readonly { readonly p: number; readonly value: number }[];
  } | null;
  readonly within: readonly {
    readonly horizonMs: number;
    readonly rate: number | null;
    readonly low: number | null;
    readonly high: number | null;
    readonly atRisk: number;
  }[];
}

/** One stage of a period report. */
export interface PeriodRow {
  readonly stage: string;
  readonly entered: number;
  readonly periodRatio: number | null;
}

/** A group's rows and lead count. */
export interface GroupResult<Row> {
  readonly leads: number;
  readonly stages: Row[];
}

/** The computed report before it is dressed as the public result. */
export interface ComputedFunnel<Row> {
  readonly asOf: number;
  readonly total: GroupResult<Row>;
  readonly segments:
    | { readonly segment: string | null; readonly result: GroupResult<Row> }[]
    | null;
}

/**
 * Each lead's entries into the stages, by the sequence rule, from its rows
 * `rows[0 … count)` (row indices, funnel stages only, at or before asOf):
 * `entry[i]` the epoch ms of entry into stage i, NaN when not reached.
 * `last[i]` is the lead's latest event at stage i (−∞ for none).
 */
function entriesOf(
  rows: Int32Array,
  count: number,
  cols: EventColumns,
  ordered: boolean,
  entry: Float64Array,
  last: Float64Array,
  first: Float64Array,
): void {
  const stageCount = entry.length;
  first.fill(Number.POSITIVE_INFINITY);
  last.fill(Number.NEGATIVE_INFINITY);
  const { stage, at } = cols;
  for (let k = 0; k < count; k++) {
    const row = rows[k]!;
    const s = stage[row]!;
    const t = at[row]!;
    if (t < first[s]!) first[s] = t;
    if (t > last[s]!) last[s] = t;
  }
  if (!ordered) {
    // Lifecycle: entering a later stage enters every stage before it.
    let min = Number.POSITIVE_INFINITY;
    for (let i = stageCount - 1; i >= 0; i--) {
      if (first[i]! < min) min = first[i]!;
      entry[i] = min === Number.POSITIVE_INFINITY ? Number.NaN : min;
    }
    return;
  }
  // Ordered: entry(0) is the first event at stage 0; entry(i + 1) the first
  // event at stage i + 1 at or after entry(i). In time order, ties by
  // stage, one walk finds them all (equal instants count as in order).
  sortByTimeThenStage(rows, count, at, stage);
  entry.fill(Number.NaN);
  let next = 0;
  for (let k = 0; k < count && next < stageCount; k++) {
    const row = rows[k]!;
    if (stage[row] === next) {
      entry[next] = at[row]!;
      next++;
    }
  }
}

/** Sorts row indices by (instant, stage); a lead's rows are few, so by insertion, stable. */
function sortByTimeThenStage(
  rows: Int32Array,
  count: number,
  at: Float64Array,
  stage: Int16Array,
): void {
  for (let k = 1; k < count; k++) {
    const row = rows[k]!;
    const t = at[row]!;
    const s = stage[row]!;
    let m = k - 1;
    while (m >= 0) {
      const other = rows[m]!;
      const u = at[other]!;
      if (u < t || (u === t && stage[other]! <= s)) break;
      rows[m + 1] = other;
      m--;
    }
    rows[m + 1] = row;
  }
}

/** Segment keys compared as strings compare (UTF-16 code units). */
function before(a: string, b: string): boolean {
  return a < b;
}

/**
 * Visits every lead that has a funnel event at or before `asOf`, in lead
 * code order, with its stage entries by the sequence rule (`entry[i]` NaN
 * when not reached; the arrays are reused between leads), its latest event
 * per stage (−∞ for none) and its first-touch segment code (−1 for none:
 * the segment of its earliest event that has one; at equal instants the
 * smaller key, so that row order never matters).
 */
export function eachLead(
  cols: EventColumns,
  asOf: number,
  ordered: boolean,
  stageCount: number,
  visit: (lead: number, entry: Float64Array, last: Float64Array, segmentCode: number) => void,
): void {
  const { start, order } = groupByLead(cols.lead, cols.leadCount, true);
  const keys = cols.segments.keys;
  const entry = new Float64Array(stageCount);
  const last = new Float64Array(stageCount);
  const first = new Float64Array(stageCount);
  let rows = new Int32Array(16);
  for (let j = 0; j < cols.leadCount; j++) {
    const from = start[j]!;
    const to = start[j + 1]!;
    if (to === from) continue;
    if (rows.length < to - from) rows = new Int32Array(2 * (to - from));
    // The lead's funnel rows at or before asOf, and its first-touch segment.
    let count = 0;
    let segmentCode = -1;
    let segmentAt = Number.POSITIVE_INFINITY;
    for (let k = from; k < to; k++) {
      const row = order === null ? k : order[k]!;
      const t = cols.at[row]!;
      if (t > asOf) continue;
      if (cols.segment !== null) {
        const code = cols.segment[row]!;
        if (
          code >= 0 &&
          (t < segmentAt ||
            (t === segmentAt && code !== segmentCode && before(keys[code]!, keys[segmentCode]!)))
        ) {
          segmentCode = code;
          segmentAt = t;
        }
      }
      if (cols.stage[row]! >= 0) rows[count++] = row;
    }
    if (count === 0) continue;
    entriesOf(rows, count, cols, ordered, entry, last, first);
    visit(j, entry, last, segmentCode);
  }
}

/** Computes the report. */
export function computeFunnel(
  fn: string,
  cols: EventColumns,
  rules: FunnelRules,
): ComputedFunnel<CohortRow> | ComputedFunnel<PeriodRow> {
  const stageCount = rules.stages.length;
  const asOf = Number.isNaN(rules.asOf) ? cols.maxAt : rules.asOf;
  const keepCensored = rules.horizons.length > 0;
  const cohort = rules.mode === 'cohort';
  const ordered = rules.sequence === 'ordered';
  const w = rules.windowMs;

  const total = new Tally(stageCount);
  const bySegment: Tally[] = [];
  // Segment keys: those of the field (codes of cols.segments), or those a function returned.
  const fieldKeys = cols.segments;
  const functionKeys = new Map<string | null, number>();
  const functionKeyList: (string | null)[] = [];

  const segmentTally = (code: number): Tally => {
    let tally = bySegment[code];
    if (tally === undefined) {
      tally = new Tally(stageCount);
      bySegment[code] = tally;
    }
    return tally;
  };

  eachLead(cols, asOf, ordered, stageCount, (j, entry, last, segmentCode) => {
    const e0 = entry[0]!;
    let tally: Tally | null = null;
    const pick = (): Tally | null => {
      if (!rules.segmented) return null;
      if (rules.segmentOf !== undefined) {
        const id = cols.leadIds === null ? j : cols.leadIds[j]!;
        const key = functionSegment(fn, rules.segmentOf, id);
        let code = functionKeys.get(key);
        if (code === undefined) {
          code = functionKeyList.length;
          functionKeys.set(key, code);
          functionKeyList.push(key);
        }
        return segmentTally(code);
      }
      return segmentTally(segmentCode < 0 ? fieldKeys.codeOf(null) : segmentCode);
    };

    if (cohort) {
      if (Number.isNaN(e0) || e0 < rules.from || e0 >= rules.to) return;
      tally = pick();
      // With a window, a stage counts only when entered within it of entry(0).
      let reachedCount = 1;
      while (reachedCount < stageCount) {
        const t = entry[reachedCount]!;
        if (Number.isNaN(t) || t - e0 > w) break;
        reachedCount++;
      }
      const closesAt = e0 + w; // +∞ without a window
      const matured = closesAt <= asOf;
      for (const target of tally === null ? [total] : [total, tally]) {
        target.leads++;
        for (let i = 0; i < reachedCount; i++) {
          target.reached[i]!++;
          if (i + 1 < stageCount && !Number.isNaN(entry[i + 1]!) && last[i]! > entry[i + 1]!) {
            target.recycled[i]!++;
          }
          if (i + 1 >= stageCount) continue;
          const advanced = i + 1 < reachedCount;
          if (advanced) {
            target.advanced[i]!++;
            target.observations[i]!.add(entry[i + 1]! - entry[i]!, true, keepCensored);
          } else {
            if (!matured) target.censored[i]!++;
            target.observations[i]!.add(Math.min(asOf, closesAt) - entry[i]!, false, keepCensored);
          }
          if (w !== Number.POSITIVE_INFINITY && matured) {
            target.maturedReached[i]!++;
            if (advanced) target.maturedAdvanced[i]!++;
          }
        }
      }
    } else {
      let any = false;
      for (let i = 0; i < stageCount; i++) {
        const t = entry[i]!;
        if (!Number.isNaN(t) && t >= rules.from && t < rules.to) any = true;
      }
      if (!any) return;
      tally = pick();
      for (const target of tally === null ? [total] : [total, tally]) {
        target.leads++;
        for (let i = 0; i < stageCount; i++) {
          const t = entry[i]!;
          if (!Number.isNaN(t) && t >= rules.from && t < rules.to) target.entered[i]!++;
        }
      }
    }
  });

  const finish = (tally: Tally) => (cohort ? cohortRows(tally, rules) : periodRows(tally, rules));
  let segments: ComputedFunnel<CohortRow | PeriodRow>['segments'] = null;
  if (rules.segmented) {
    const keys = rules.segmentOf !== undefined ? functionKeyList : fieldKeys.keys;
    const codes = keys
      .map((_, code) => code)
      .filter((code) => bySegment[code] !== undefined)
      .sort((a, b) => {
        const x = keys[a]!;
        const y = keys[b]!;
        if (x === null) return 1;
        if (y === null) return -1;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    segments = codes.map((code) => ({ segment: keys[code]!, result: finish(bySegment[code]!) }));
  }
  return { asOf, total: finish(total), segments } as
    | ComputedFunnel<CohortRow>
    | ComputedFunnel<PeriodRow>;
}

/** A segment from `segmentBy(leadId)`: a string, or null for none (undefined, null and '' too). */
function functionSegment(
  fn: string,
  segmentOf: (leadId: string | number) => unknown,
  id: string | number,
): string | null {
  const value = segmentOf(id);
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  return fail(
    'INVALID_ARGUMENT',
    fn,
    'options.segmentBy',
    value,
    `a function returning a string or null (it returned this for lead ${JSON.stringify(id)})`,
  );
}

function cohortRows(tally: Tally, rules: FunnelRules): GroupResult<CohortRow> {
  const stageCount = rules.stages.length;
  const z = twoSidedZ(rules.confidence);
  const windowed = rules.windowMs !== Number.POSITIVE_INFINITY;
  const ps = [0.5, 0.9, ...rules.quantiles];
  const stages: CohortRow[] = rules.stages.map((stage, i) => {
    const reached = tally.reached[i]!;
    const lastStage = i + 1 >= stageCount;
    const advanced = lastStage ? null : tally.advanced[i]!;
    const obs = tally.observations[i]!;
    let timeToNext: CohortRow['timeToNext'] = null;
    if (!lastStage && obs.lagCount > 0) {
      const q = quantilesInPlace(obs.lags.slice(0, obs.lagCount), obs.lagCount, ps) as number[];
      timeToNext = {
        count: obs.lagCount,
        median: q[0]!,
        p90: q[1]!,
        quantiles: rules.quantiles.map((p, k) => ({ p, value: q[k + 2]! })),
      };
    }
    let within: CohortRow['within'] = [];
    if (!lastStage && rules.horizons.length > 0) {
      const curve = obs.n === 0 ? null : kaplanMeier(obs.durations, obs.events, obs.n);
      within = rules.horizons.map((h) => {
        if (curve === null) return { horizonMs: h, rate: null, low: null, high: null, atRisk: 0 };
        const point = kaplanMeierAt(curve, h, rules.confidence);
        return {
          horizonMs: h,
          rate: point.share,
          low: point.low,
          high: point.high,
          atRisk: point.atRisk,
        };
      });
    }
    const maturedReached = tally.maturedReached[i]!;
    const maturedAdvanced = tally.maturedAdvanced[i]!;
    return {
      stage,
      reached,
      advanced,
      conversion:
        lastStage || reached === 0
          ? null
          : { rate: advanced! / reached, interval: wilsonBounds(advanced!, reached, z) },
      matured:
        lastStage || !windowed
          ? null
          : {
              reached: maturedReached,
              advanced: maturedAdvanced,
              rate: maturedReached === 0 ? null : maturedAdvanced / maturedReached,
              interval:
                maturedReached === 0 ? null : wilsonBounds(maturedAdvanced, maturedReached, z),
            },
      censored: lastStage ? 0 : tally.censored[i]!,
      recycled: tally.recycled[i]!,
      timeToNext,
      within,
    };
  });
  return { leads: tally.leads, stages };
}

function periodRows(tally: Tally, rules: FunnelRules): GroupResult<PeriodRow> {
  const stageCount = rules.stages.length;
  return {
    leads: tally.leads,
    stages: rules.stages.map((stage, i) => {
      const entered = tally.entered[i]!;
      const next = i + 1 < stageCount ? tally.entered[i + 1]! : Number.NaN;
      return {
        stage,
        entered,
        periodRatio: Number.isNaN(next) || entered === 0 ? null : next / entered,
      };
    }),
  };
}
