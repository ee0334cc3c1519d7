import { kaplanMeier, kaplanMeierAt } from '../_lib/stats/kaplanMeier';
import { toEpochMs } from '../_lib/validate/instants';
import { readOnInvalid } from '../_lib/validate/issues';
import { readFields } from '../_lib/validate/options';
import type { InstantInput } from '../calendar/index';
import {
  assertArray,
  assertNonEmptyString,
  assertOpenUnit,
  assertStageNames,
  fail,
  type LeadMathIssue,
} from '../errors';
import { eachLeadPartition } from './_internal/entries';
import { elapsedMs, readChoice, readEvents, readOutcomes } from './_internal/options';
import type { FunnelEvent, FunnelEventColumns, ReportDuration } from './funnelReport';

/**
 * Options of {@link conversionCurve}.
 *
 * @category Reports
 */
export interface ConversionCurveOptions {
  /** The funnel, top to bottom, as in {@link funnelReport}. */
  readonly stages: readonly string[];
  /** Statuses that are not funnel stages, accepted and ignored. */
  readonly outcomes?: readonly string[];
  /** The stage the clock starts at. */
  readonly from: string;
  /** The stage whose entry is the conversion; a later stage than `from`. */
  readonly to: string;
  /** As in {@link funnelReport}. @defaultValue 'lifecycle' */
  readonly sequence?: 'lifecycle' | 'ordered';
  /** Events after it are ignored; leads not converted by then are censored there. @defaultValue the latest instant in the events */
  readonly asOf?: InstantInput;
  /** Times since entering `from` to evaluate the curve at; by default every time a conversion happened. */
  readonly points?: readonly ReportDuration[];
  /** Confidence of the intervals, in (0, 1). @defaultValue 0.95 */
  readonly confidence?: number;
  /** `'throw'` on the first bad event, or `'collect'` them in `issues`. @defaultValue 'throw' */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * One point of the curve.
 *
 * @category Reports
 */
export interface ConversionCurvePoint {
  /** Time since entering `from`, in ms. */
  readonly atMs: number;
  /** Share of the leads that entered `from` that had entered `to` by then (Kaplan–Meier). */
  readonly rate: number;
  /** Lower bound of the log-log interval; null where undefined (before the first conversion). */
  readonly low: number | null;
  /** Upper bound of the log-log interval; null where undefined. */
  readonly high: number | null;
  /** Leads observed at least this long (converted or not yet). */
  readonly atRisk: number;
}

/**
 * The result of {@link conversionCurve}.
 *
 * @category Reports
 */
export interface ConversionCurveResult {
  /** Leads that entered `from` (at or before `asOf`). */
  readonly leads: number;
  /** The curve at `points`, or at every time a conversion happened. */
  readonly points: readonly ConversionCurvePoint[];
  /** The bad events left out, with `onInvalid: 'collect'`. */
  readonly issues?: readonly LeadMathIssue[];
}

/**
 * The conversion curve from one stage to a later one: for each time t since
 * entering `from`, the share of leads that had entered `to` by t, by the
 * Kaplan–Meier estimator, so that leads still open at `asOf` count for as
 * long as they were observed instead of as lost. For charts, and for any
 * horizon at all.
 *
 * @param events - Event objects, or {@link FunnelEventColumns}.
 * @param options - The funnel, the two stages, and where to evaluate.
 * @returns The curve at `points`, or at every conversion time.
 * @throws {LeadMathError} As {@link funnelReport}; `INVALID_ARGUMENT` when `to` is not after `from`.
 *
 * @example
 * ```ts
 * import { conversionCurve } from 'leadmath';
 *
 * const day = 86_400_000;
 * const t = Date.UTC(2026, 2, 2);
 * const curve = conversionCurve(
 *   [
 *     { leadId: 'a', stage: 'mql', at: t },
 *     { leadId: 'a', stage: 'sql', at: t + 2 * day },
 *     { leadId: 'b', stage: 'mql', at: t },
 *     { leadId: 'c', stage: 'mql', at: t + 5 * day }, // open: observed 1 day at asOf
 *   ],
 *   { stages: ['mql', 'sql'], from: 'mql', to: 'sql', asOf: t + 6 * day },
 * );
 * curve.leads; //=> 3
 * curve.points.map((p) => [p.atMs / day, p.rate, p.atRisk]); //=> [[2, 0.5, 2]]
 * ```
 *
 * @category Reports
 */
export function conversionCurve(
  events: readonly FunnelEvent[] | FunnelEventColumns,
  options: ConversionCurveOptions,
): ConversionCurveResult {
  const fn = 'conversionCurve';
  const fields = readFields(
    fn,
    options,
    ['stages', 'outcomes', 'from', 'to', 'sequence', 'asOf', 'points', 'confidence', 'onInvalid'],
    'options',
  );
  const stages = assertStageNames(fn, 'options.stages', fields.stages, 2);
  const outcomes = readOutcomes(fn, stages, fields.outcomes);
  const stageIndex = (key: 'from' | 'to'): number => {
    const name = assertNonEmptyString(fn, `options.${key}`, fields[key]);
    const i = stages.indexOf(name);
    if (i < 0) fail('UNKNOWN_STAGE', fn, `options.${key}`, name, `one of ${stages.join(', ')}`);
    return i;
  };
  const from = stageIndex('from');
  const to = stageIndex('to');
  if (to <= from) {
    fail('INVALID_ARGUMENT', fn, 'options.to', fields.to, `a stage after ${stages[from]}`);
  }
  const sequence = readChoice(fn, 'options.sequence', fields.sequence, [
    'lifecycle',
    'ordered',
  ] as const);
  const asOfOption =
    fields.asOf === undefined ? Number.NaN : toEpochMs(fn, 'options.asOf', fields.asOf);
  const points =
    fields.points === undefined
      ? null
      : assertArray(fn, 'options.points', fields.points).map((p, i) =>
          elapsedMs(fn, `options.points[${i}]`, p),
        );
  const confidence =
    fields.confidence === undefined
      ? 0.95
      : assertOpenUnit(fn, 'options.confidence', fields.confidence);
  const onInvalid = readOnInvalid(fn, 'options.onInvalid', fields.onInvalid);

  const cols = readEvents(fn, events, { stages, outcomes, segmentField: undefined, onInvalid });
  const asOf = Number.isNaN(asOfOption) ? cols.maxAt : asOfOption;
  // One observation per lead that entered `from`: converted after entry(to) − entry(from), or
  // censored at asOf − entry(from).
  const stageCount = stages.length;
  // One observation per lead that entered `from`: converted after
  // entry(to) − entry(from), or censored at asOf − entry(from).
  let durations = new Float64Array(64);
  let converted = new Uint8Array(64);
  let n = 0;
  eachLeadPartition(cols, asOf, sequence === 'ordered', stageCount, ({ entries, count }) => {
    for (let local = 0; local < count; local++) {
      const start = entries[local * stageCount + from]!;
      if (start === Number.POSITIVE_INFINITY) continue;
      if (n === durations.length) {
        const d = new Float64Array(2 * n);
        d.set(durations);
        durations = d;
        const c = new Uint8Array(2 * n);
        c.set(converted);
        converted = c;
      }
      const end = entries[local * stageCount + to]!;
      const yes = end !== Number.POSITIVE_INFINITY;
      durations[n] = (yes ? end : asOf) - start;
      converted[n++] = yes ? 1 : 0;
    }
  });
  const curve = kaplanMeier(durations, converted, n);
  const at = points ?? Array.from(curve.times);
  const result: ConversionCurveResult = {
    leads: n,
    points: at.map((h) => {
      const point = kaplanMeierAt(curve, h, confidence);
      return { atMs: h, rate: point.share, low: point.low, high: point.high, atRisk: point.atRisk };
    }),
  };
  return onInvalid === 'collect' ? { ...result, issues: cols.issues } : result;
}
