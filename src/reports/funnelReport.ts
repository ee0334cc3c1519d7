import type { ElapsedDuration, InstantInput } from '../calendar/index';
import type { LeadMathIssue } from '../errors';
import type { WilsonIntervalResult } from '../funnel/index';
import { computeFunnel } from './_internal/funnel';
import { readEvents, readRules, reportOf } from './_internal/options';

/**
 * A length of time for reports: milliseconds, or `{ days, hours, minutes }`
 * added up (a day is 24 hours of elapsed time; no calendar is involved).
 *
 * @category Reports
 */
export type ReportDuration = number | ElapsedDuration;

/**
 * One stage event: lead `leadId` entered `stage` at `at`. Any other fields
 * (a source, a persona) can segment the report.
 *
 * @category Reports
 */
export interface FunnelEvent {
  /** The lead: a non-empty string or a safe integer (`42` and `'42'` are one lead). */
  readonly leadId: string | number;
  /** A stage of `stages`, or an outcome of `outcomes`. */
  readonly stage: string;
  /** When: a `Date`, epoch ms, or an ISO 8601 string with an offset. */
  readonly at: InstantInput;
  /** Segment fields. */
  readonly [field: string]: unknown;
}

/**
 * Stage events as columns, row for row (the form a database or a file
 * reader hands over): `leadId` an integer typed array or an array of ids,
 * `stage` codes (`Uint8Array` / `Uint16Array`, indexing
 * `[...stages, ...outcomes]`) or names, `at` a `Float64Array` of epoch ms or
 * an array of instants; other columns (arrays of strings or `null`) can
 * segment the report.
 *
 * @category Reports
 */
export interface FunnelEventColumns {
  /** The lead of each row: integer ids (used as they are when already 0 … n − 1), or ids. */
  readonly leadId: Int32Array | Uint32Array | Float64Array | readonly (string | number)[];
  /** The stage of each row: codes indexing `[...stages, ...outcomes]`, or names. */
  readonly stage: Uint8Array | Uint16Array | readonly string[];
  /** The instant of each row: epoch ms, or instants. */
  readonly at: Float64Array | readonly InstantInput[];
  /** Segment columns. */
  readonly [column: string]: ArrayLike<unknown>;
}

/**
 * Options of {@link funnelReport}.
 *
 * @category Reports
 */
export interface FunnelReportOptions {
  /** The funnel, top to bottom: `['lead', 'mql', 'sql', 'opportunity', 'customer']`. */
  readonly stages: readonly string[];
  /**
   * Statuses that are not funnel stages (`'unqualified'`, `'nurture'`):
   * accepted in the events and left out of the funnel math. Any other stage
   * name in the events is `UNKNOWN_STAGE`.
   */
  readonly outcomes?: readonly string[];
  /**
   * `'cohort'` follows the leads that entered the first stage in
   * `[from, to)` down the funnel; `'period'` counts entries into every stage
   * in `[from, to)`, whoever made them.
   * @defaultValue 'cohort'
   */
  readonly mode?: 'cohort' | 'period';
  /**
   * `'lifecycle'`: a lead that skips a stage has reached it (as CRM
   * lifecycle stages work). `'ordered'`: each stage must be entered at or
   * after the one before, and a lead stops where it skips.
   * @defaultValue 'lifecycle'
   */
  readonly sequence?: 'lifecycle' | 'ordered';
  /** Start of the range, inclusive; open when omitted. */
  readonly from?: InstantInput;
  /** End of the range, exclusive; open when omitted. */
  readonly to?: InstantInput;
  /**
   * Cohort mode: a later stage counts only when it is entered within this
   * time of entering the first one (inclusive).
   */
  readonly window?: ReportDuration;
  /** Events after this instant are ignored. @defaultValue the latest instant in the events */
  readonly asOf?: InstantInput;
  /** Cohort mode: horizons for the Kaplan–Meier share converted (`within`). */
  readonly horizons?: readonly ReportDuration[];
  /** Extra percentiles of the time to next stage, in [0, 1]. */
  readonly quantiles?: readonly number[];
  /** Confidence of the intervals, in (0, 1). @defaultValue 0.95 */
  readonly confidence?: number;
  /**
   * Segments: an event field (columnar: a column) whose value on a lead's
   * earliest event that has one is the lead's segment, or a function of the
   * lead id. Missing values are the segment `null`.
   */
  readonly segmentBy?: string | ((leadId: string | number) => string | null | undefined);
  /** `'throw'` on the first bad event, or `'collect'` them in `issues`. @defaultValue 'throw' */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * A conversion rate with its Wilson interval.
 *
 * @category Reports
 */
export interface FunnelConversion {
  /** `advanced / reached`, in [0, 1]. */
  readonly rate: number;
  /** The Wilson score interval at the report's `confidence`. */
  readonly interval: WilsonIntervalResult;
}

/**
 * A step over the leads whose conversion window had closed at `asOf`.
 *
 * @category Reports
 */
export interface FunnelMaturedStep {
  /** Leads that reached the stage and whose window had closed. */
  readonly reached: number;
  /** Of those, how many reached the next stage within the window. */
  readonly advanced: number;
  /** `advanced / reached`; null when none had matured. */
  readonly rate: number | null;
  /** Its Wilson interval; null when none had matured. */
  readonly interval: WilsonIntervalResult | null;
}

/**
 * Percentiles of the time to the next stage, in ms (linear interpolation).
 *
 * @category Reports
 */
export interface FunnelTimeToNext {
  /** Leads that advanced: the number of times measured. */
  readonly count: number;
  /** The median, in ms. */
  readonly median: number;
  /** The 90th percentile, in ms. */
  readonly p90: number;
  /** The `quantiles` asked for, in their order. */
  readonly quantiles: readonly FunnelQuantile[];
}

/**
 * One percentile of a time, in ms.
 *
 * @category Reports
 */
export interface FunnelQuantile {
  /** The probability, in [0, 1]. */
  readonly p: number;
  /** The time, in ms. */
  readonly value: number;
}

/**
 * The Kaplan–Meier share converted within one horizon.
 *
 * @category Reports
 */
export interface FunnelWithin {
  /** The horizon, in ms. */
  readonly horizonMs: number;
  /** Share of the leads that reached the stage that reached the next within the horizon; null when none reached it. */
  readonly rate: number | null;
  /** Lower bound of the log-log interval; null where undefined. */
  readonly low: number | null;
  /** Upper bound of the log-log interval; null where undefined. */
  readonly high: number | null;
  /** Leads observed at least as long as the horizon (converted or not yet). */
  readonly atRisk: number;
}

/**
 * One stage of a cohort report.
 *
 * @category Reports
 */
export interface FunnelStageRow {
  /** The stage. */
  readonly stage: string;
  /** Leads of the cohort that reached the stage (within the window of entering the first). */
  readonly reached: number;
  /** Of those, how many reached the next stage; null at the last stage. */
  readonly advanced: number | null;
  /** `advanced / reached` with its Wilson interval; null at the last stage or when none reached. */
  readonly conversion: FunnelConversion | null;
  /**
   * With a window: the same step over the leads whose window had closed at
   * `asOf`, so that leads still in flight do not dilute the rate; null
   * without a window and at the last stage.
   */
  readonly matured: FunnelMaturedStep | null;
  /** Leads that reached the stage, did not advance, and still can at `asOf`. */
  readonly censored: number;
  /** Leads with an event at this stage later than their entry into the next stage: they went back. */
  readonly recycled: number;
  /** Time from this stage's entry to the next one's over the leads that advanced; null when none did. */
  readonly timeToNext: FunnelTimeToNext | null;
  /**
   * Per horizon: the share converted within it by the Kaplan–Meier
   * estimator (leads still in flight count for as long as they were
   * observed); empty at the last stage and without `horizons`.
   */
  readonly within: readonly FunnelWithin[];
}

/**
 * One stage of a period report.
 *
 * @category Reports
 */
export interface FunnelPeriodStageRow {
  /** The stage. */
  readonly stage: string;
  /** Leads whose entry into this stage fell in `[from, to)`. */
  readonly entered: number;
  /** `entered` of the next stage ÷ this one's; may exceed 1; null at the last stage or when none entered. */
  readonly periodRatio: number | null;
}

/**
 * One segment of a report: the same rows over the leads of that segment.
 *
 * @category Reports
 */
export interface FunnelSegment<Row> {
  /** The segment's value; null for the leads without one. */
  readonly segment: string | null;
  /** Leads of the segment (in the cohort, or with an entry in the period). */
  readonly leads: number;
  /** The stage rows of the segment. */
  readonly stages: readonly Row[];
}

/**
 * What both report modes share.
 *
 * @category Reports
 */
export interface FunnelReportBase {
  /** The sequence rule the entries were read by. */
  readonly sequence: 'lifecycle' | 'ordered';
  /** Events after it were ignored; null only when there were no events and no `asOf`. */
  readonly asOf: Date | null;
  /** Start of the range; null when open. */
  readonly from: Date | null;
  /** End of the range (excluded); null when open. */
  readonly to: Date | null;
  /** The bad events left out, with `onInvalid: 'collect'`. */
  readonly issues?: readonly LeadMathIssue[];
}

/**
 * A cohort report.
 *
 * @category Reports
 */
export interface FunnelCohortReport extends FunnelReportBase {
  /** `'cohort'`. */
  readonly mode: 'cohort';
  /** The conversion window in ms, null for none. */
  readonly windowMs: number | null;
  /** Leads in the cohort (entered the first stage in `[from, to)`). */
  readonly leads: number;
  /** One row per stage, top to bottom. */
  readonly stages: readonly FunnelStageRow[];
  /** With `segmentBy`: the same report per segment, sorted by value, `null` last. */
  readonly segments?: readonly FunnelSegment<FunnelStageRow>[];
}

/**
 * A period report.
 *
 * @category Reports
 */
export interface FunnelPeriodReport extends FunnelReportBase {
  /** `'period'`. */
  readonly mode: 'period';
  /** Always null: windows belong to cohorts. */
  readonly windowMs: null;
  /** Leads that entered some stage in `[from, to)`. */
  readonly leads: number;
  /** One row per stage, top to bottom. */
  readonly stages: readonly FunnelPeriodStageRow[];
  /** With `segmentBy`: the same report per segment, sorted by value, `null` last. */
  readonly segments?: readonly FunnelSegment<FunnelPeriodStageRow>[];
}

/**
 * The result of {@link funnelReport}: narrow it by `mode`.
 *
 * @category Reports
 */
export type FunnelReport = FunnelCohortReport | FunnelPeriodReport;

/**
 * The funnel report of a stage-event log: per stage, how many leads reached
 * it, how many advanced, the conversion rate with its interval, how many are
 * still undecided, how long the step took, and, with `horizons`, the
 * Kaplan–Meier share converted within each horizon, which leads still in
 * flight do not drag down. Exact on messy logs: skipped stages, duplicate
 * rows, rows in any order, equal timestamps and recycled leads each follow
 * one stated rule (see docs/reports.md).
 *
 * @param events - Event objects, or {@link FunnelEventColumns}.
 * @param options - The funnel and the rules of the report.
 * @returns A {@link FunnelCohortReport} or a {@link FunnelPeriodReport}, by `mode`.
 * @throws {LeadMathError} `UNKNOWN_STAGE` for an event at a stage that is neither a stage nor an outcome,
 * `INVALID_DATE` for a bad instant, `INVALID_ARGUMENT` for a bad lead id or option, naming the
 * event's row (unless `onInvalid: 'collect'`).
 *
 * @example
 * ```ts
 * import { funnelReport } from 'leadmath';
 *
 * const report = funnelReport(
 *   [
 *     { leadId: 1, stage: 'mql', at: '2026-03-02T09:00:00Z' },
 *     { leadId: 1, stage: 'sql', at: '2026-03-04T09:00:00Z' },
 *     { leadId: 2, stage: 'mql', at: '2026-03-03T09:00:00Z' },
 *     { leadId: 3, stage: 'sql', at: '2026-03-05T09:00:00Z' }, // skipped mql: reached it too
 *   ],
 *   { stages: ['mql', 'sql'], asOf: '2026-03-10T00:00:00Z' },
 * );
 * report.mode; //=> 'cohort'
 * report.leads; //=> 3
 * report.stages.map((s) => [s.stage, s.reached, s.advanced, s.censored]); //=> [['mql', 3, 2, 1], ['sql', 2, null, 0]]
 * report.stages[0]!.timeToNext!.median; //=> 86400000
 * ```
 *
 * @category Reports
 */
export function funnelReport(
  events: readonly FunnelEvent[] | FunnelEventColumns,
  options: FunnelReportOptions,
): FunnelReport {
  const fn = 'funnelReport';
  const { rules, outcomes, segmentField, onInvalid } = readRules(fn, options);
  const read = { stages: rules.stages, outcomes, segmentField, onInvalid };
  const cols = readEvents(fn, events, read);
  return reportOf(
    rules,
    computeFunnel(fn, cols, rules),
    onInvalid === 'collect' ? cols.issues : null,
  );
}
