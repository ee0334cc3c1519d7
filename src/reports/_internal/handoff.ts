/**
 * The engine of the MQL and SQL reports: each lead's entry into the
 * hand-off stage, its decision (accepted, rejected, pending), the later
 * stages it reached, counted per local period and segment.
 */
import { type KaplanMeierPoint, kaplanMeier, kaplanMeierAt } from '../../_lib/stats/kaplanMeier';
import { twoSidedZ } from '../../_lib/stats/normal';
import { quantilesInPlace } from '../../_lib/stats/quantile';
import { DEFAULT_CONFIDENCE, DEFAULT_Z, wilsonBounds } from '../../_lib/stats/wilson';
import type { EventColumns } from './events';

const DAY_MS = 86_400_000;
const NO_LATER = new Float64Array(0);

/** One lead, as the hand-off reports see it (times in epoch ms, NaN: never). */
export interface HandoffLead {
  /** Entry into the first funnel stage (the lead cohort of lead → customer). */
  entry0: number;
  /** Entry into the hand-off stage. */
  entry: number;
  /** Entry into the stage after it (acceptance). */
  next: number;
  /** The first rejection after the entry: a rejecting outcome, or an event at an earlier stage. */
  rejectedAt: number;
  /** Entries into later stages the report follows (opportunity, customer). */
  later: Float64Array;
  /** First-touch segment code (−1: none), and first-touch source code. */
  segment: number;
  source: number;
}

/** What the engine needs to know about the stages. */
export interface HandoffStages {
  /** Number of funnel stages (codes 0 … stageCount − 1). */
  readonly stageCount: number;
  /** The hand-off stage's index. */
  readonly stage: number;
  /** Stage indices of the later entries to follow. */
  readonly later: readonly number[];
  /** `asOf`: rows after it are left out. */
  readonly asOf: number;
}

/**
 * Each lead's entries and decision, from columns whose stage codes are
 * funnel stages below `stageCount`, rejecting outcomes from `stageCount` on,
 * and other outcomes −1. `source` holds the first-touch code of a second
 * segment column, when one was read.
 */
export function handoffLeads(
  cols: EventColumns,
  stages: HandoffStages,
  source: EventColumns | null,
): HandoffLead[] {
  const { lead, stage, at } = cols;
  const n = lead.length;
  const count = cols.leadCount;
  // Rows grouped by lead: a counting sort of row indices.
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (lead[i]! >= 0) start[lead[i]! + 1]!++;
  for (let j = 0; j < count; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, count);
  const rows = new Int32Array(start[count]!);
  for (let i = 0; i < n; i++) if (lead[i]! >= 0) rows[fill[lead[i]!]!++] = i;
  const { stageCount, stage: h, later, asOf } = stages;
  const keys = cols.segments.keys;
  const sourceKeys = source?.segments.keys ?? [];
  const out: HandoffLead[] = [];
  for (let j = 0; j < count; j++) {
    let entry0 = Number.NaN;
    let entry = Number.NaN;
    let next = Number.NaN;
    // No array per lead when no later stage is followed (the MQL report).
    const laterAt = later.length === 0 ? NO_LATER : new Float64Array(later.length).fill(Number.NaN);
    let segment = -1;
    let segmentAt = Number.POSITIVE_INFINITY;
    let src = -1;
    let sourceAt = Number.POSITIVE_INFINITY;
    for (let k = start[j]!; k < start[j + 1]!; k++) {
      const row = rows[k]!;
      const t = at[row]!;
      if (t > asOf) continue;
      const s = stage[row]!;
      if (s >= 0 && s < stageCount) {
        if (!(t >= entry0)) entry0 = t;
        if (s >= h && !(t >= entry)) entry = t;
        if (s > h && !(t >= next)) next = t;
        for (let m = 0; m < later.length; m++)
          if (s >= later[m]! && !(t >= laterAt[m]!)) laterAt[m] = t;
      }
      const code = cols.segment === null ? -1 : cols.segment[row]!;
      if (code >= 0 && (t < segmentAt || (t === segmentAt && keys[code]! < keys[segment]!))) {
        segment = code;
        segmentAt = t;
      }
      const sc = source === null ? -1 : source.segment![row]!;
      if (sc >= 0 && (t < sourceAt || (t === sourceAt && sourceKeys[sc]! < sourceKeys[src]!))) {
        src = sc;
        sourceAt = t;
      }
    }
    // The first rejection after the entry: a rejecting outcome at or after
    // it, or a step back to an earlier funnel stage after it.
    let rejectedAt = Number.NaN;
    if (!Number.isNaN(entry)) {
      for (let k = start[j]!; k < start[j + 1]!; k++) {
        const row = rows[k]!;
        const t = at[row]!;
        const s = stage[row]!;
        if (t > asOf) continue;
        const rejects = s >= stageCount ? t >= entry : s >= 0 && s < h && t > entry;
        if (rejects && !(t >= rejectedAt)) rejectedAt = t;
      }
    }
    out.push({ entry0, entry, next, rejectedAt, later: laterAt, segment, source: src });
  }
  return out;
}

/** How a lead's hand-off was decided. */
export enum Decision {
  Pending = 0,
  Accepted = 1,
  Rejected = 2,
}

/** The decision and its instant: acceptance wins a tie (a step forward at the same instant). */
export function decisionOf(lead: HandoffLead): { decision: Decision; at: number } {
  const { next, rejectedAt } = lead;
  if (!Number.isNaN(next) && !(rejectedAt < next)) return { decision: Decision.Accepted, at: next };
  if (!Number.isNaN(rejectedAt)) return { decision: Decision.Rejected, at: rejectedAt };
  return { decision: Decision.Pending, at: Number.NaN };
}

/** A share with its Wilson interval, or null when there are no trials. */
export interface RateWithInterval {
  /** The share, in [0, 1]. */
  readonly rate: number;
  /** The Wilson score interval. */
  readonly interval: { readonly low: number; readonly high: number };
}

export function rateOf(
  successes: number,
  trials: number,
  confidence: number,
): RateWithInterval | null {
  if (trials === 0) return null;
  const z = confidence === DEFAULT_CONFIDENCE ? DEFAULT_Z : twoSidedZ(confidence);
  const { low, high } = wilsonBounds(successes, trials, z);
  return { rate: successes / trials, interval: { low, high } };
}

/** Mean, median and p90 of some values, in days; nulls when there are none. */
export function daysSummary(
  values: number[],
  unitMs: number,
): { mean: number | null; median: number | null; p90: number | null } {
  if (values.length === 0) return { mean: null, median: null, p90: null };
  const a = Float64Array.from(values);
  let sum = 0;
  for (const v of values) sum += v;
  const [median, p90] = quantilesInPlace(a, a.length, [0.5, 0.9]);
  return { mean: sum / values.length / unitMs, median: median! / unitMs, p90: p90! / unitMs };
}

/** The Kaplan–Meier share converted by `horizon` from durations and event flags. */
export function withinHorizon(
  durations: number[],
  events: number[],
  horizon: number,
  confidence: number,
): KaplanMeierPoint | null {
  if (durations.length === 0) return null;
  const curve = kaplanMeier(
    Float64Array.from(durations),
    Uint8Array.from(events),
    durations.length,
  );
  return kaplanMeierAt(curve, horizon, confidence);
}

export { DAY_MS };
