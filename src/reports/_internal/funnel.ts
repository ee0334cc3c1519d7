/**
 * The funnel report from event columns: each lead's stage entries by the
 * sequence rule, then counts, times to next and Kaplan–Meier observations
 * per stage, for the whole report and per segment. One lead at a time, its
 * rows gathered by a counting sort (`groupByLead`); nothing per event is
 * allocated.
 */

import { KeyGroups } from '../../_lib/columns/groupByKey';
import { kaplanMeier, kaplanMeierAt } from '../../_lib/stats/kaplanMeier';
import { twoSidedZ } from '../../_lib/stats/normal';
import { quantilesInPlace } from '../../_lib/stats/quantile';
import { wilsonBounds } from '../../_lib/stats/wilson';
import { fail } from '../../errors';
import { eachLeadPartition } from './entries';
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

  /**
   * Counts one cohort lead (entry(0) in the range) down the funnel: its
   * entries are `entries[base … base + S)`, +∞ where not reached.
   */
  countCohort(entries: Float64Array, base: number, recycled: Uint8Array, step: Step): void {
    const { stageCount, asOf, keepCensored } = step;
    const e0 = entries[base]!;
    const w = step.windowMs;
    // With a window, a stage counts only when entered within it of entry(0).
    let reachedCount = 1;
    while (reachedCount < stageCount) {
      const t = entries[base + reachedCount]!;
      if (t === Number.POSITIVE_INFINITY || t - e0 > w) break;
      reachedCount++;
    }
    const closesAt = e0 + w; // +∞ without a window
    // Matured: the window has closed by asOf (never without a window).
    const matured = closesAt <= asOf;
    this.leads++;
    for (let i = 0; i < reachedCount; i++) {
      this.reached[i]!++;
      if (recycled[base + i] === 1) this.recycled[i]!++;
    }
    // Stages it went on from: each an observed time to the next.
    for (let i = 0; i + 1 < reachedCount; i++) {
      this.advanced[i]!++;
      this.observations[i]!.add(entries[base + i + 1]! - entries[base + i]!, true, keepCensored);
      if (matured) {
        this.maturedReached[i]!++;
        this.maturedAdvanced[i]!++;
      }
    }
    // The stage it stopped at, when there is a next one: censored while the window is open.
    if (reachedCount < stageCount) {
      const i = reachedCount - 1;
      if (!matured) this.censored[i]!++;
      if (keepCensored) {
        this.observations[i]!.add(Math.min(asOf, closesAt) - entries[base + i]!, false, true);
      }
      if (matured) this.maturedReached[i]!++;
    }
  }

  /**
   * {@link countCohort} for every lead of a partition (`count` leads, their
   * entries `entries[local × S …]`) whose entry into the first stage is in
   * the cohort's range: the whole report's tally, in one loop.
   */
  countCohorts(entries: Float64Array, recycled: Uint8Array, count: number, step: Step): void {
    const { stageCount, from, to } = step;
    for (let base = 0; base < count * stageCount; base += stageCount) {
      const e0 = entries[base]!;
      // +∞ (no funnel event, or none at stage 0 when ordered) is never before `to`.
      if (e0 < from || e0 >= to) continue;
      this.countCohort(entries, base, recycled, step);
    }
  }

  /** {@link countPeriod} for every lead of a partition. */
  countPeriods(entries: Float64Array, count: number, step: Step): void {
    const stageCount = step.stageCount;
    // A lead without a funnel event (all +∞) has no entry in any period.
    for (let base = 0; base < count * stageCount; base += stageCount) {
      this.countPeriod(entries, base, step);
    }
  }

  /** Counts one lead's entries in the period; false (and nothing counted) when it has none there. */
  countPeriod(entries: Float64Array, base: number, step: Step): boolean {
    let any = false;
    for (let i = 0; i < step.stageCount; i++) {
      const t = entries[base + i]!;
      if (t !== Number.POSITIVE_INFINITY && t >= step.from && t < step.to) {
        this.entered[i]!++;
        any = true;
      }
    }
    if (any) this.leads++;
    return any;
  }
}

/** What counting a lead needs to know of the report. */
interface Step {
  readonly stageCount: number;
  readonly asOf: number;
  readonly windowMs: number;
  readonly keepCensored: boolean;
  readonly from: number;
  readonly to: number;
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
  const functionKeys = new KeyGroups();

  const segmentTally = (code: number): Tally => {
    let tally = bySegment[code];
    if (tally === undefined) {
      tally = new Tally(stageCount);
      bySegment[code] = tally;
    }
    return tally;
  };

  /** The tally of lead j's segment. */
  const segmentOfLead = (j: number, segmentCode: number): Tally => {
    if (rules.segmentOf !== undefined) {
      const id = cols.leadIds === null ? j : cols.leadIds[j]!;
      const key = functionSegment(fn, rules.segmentOf, id);
      const code = functionKeys.codeOf(key);
      return segmentTally(code);
    }
    return segmentTally(segmentCode < 0 ? fieldKeys.codeOf(null) : segmentCode);
  };

  const step: Step = {
    stageCount,
    asOf,
    windowMs: w,
    keepCensored,
    from: rules.from,
    to: rules.to,
  };
  eachLeadPartition(cols, asOf, ordered, stageCount, (part) => {
    const { entries, recycled, segment, codeBase, count } = part;
    if (!rules.segmented) {
      if (cohort) total.countCohorts(entries, recycled, count, step);
      else total.countPeriods(entries, count, step);
      return;
    }
    for (let local = 0; local < count; local++) {
      const base = local * stageCount;
      const e0 = entries[base]!;
      if (e0 === Number.POSITIVE_INFINITY) continue; // no funnel event (or none at stage 0 when ordered)
      const j = codeBase + local;
      const segmentCode = segment === null ? -1 : segment[local]!;
      if (cohort) {
        if (e0 < rules.from || e0 >= rules.to) continue;
        total.countCohort(entries, base, recycled, step);
        if (rules.segmented)
          segmentOfLead(j, segmentCode).countCohort(entries, base, recycled, step);
      } else if (total.countPeriod(entries, base, step) && rules.segmented) {
        segmentOfLead(j, segmentCode).countPeriod(entries, base, step);
      }
    }
  });

  const finish = (tally: Tally) => (cohort ? cohortRows(tally, rules) : periodRows(tally, rules));
  let segments: ComputedFunnel<CohortRow | PeriodRow>['segments'] = null;
  if (rules.segmented) {
    const groups = rules.segmentOf !== undefined ? functionKeys : fieldKeys;
    const keys = groups.keys;
    const codes = groups.sortedCodes().filter((code) => bySegment[code] !== undefined);
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
      // Selected in place: the tally is read once.
      const q = quantilesInPlace(obs.lags.subarray(0, obs.lagCount), obs.lagCount, ps) as number[];
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
