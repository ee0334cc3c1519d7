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
  readonly leadId: Int32Array | Uint32Array | Float64Array | readonly (string | number)[];
  readonly stage: Uint8Array | Uint16Array | readonly string[];
  readonly at: Float64Array | readonly InstantInput[];
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
 * One stage of a cohort report.
 *
 * @category Reports
 */
export interface FunnelStageRow {
  readonly stage: string;
  /** Leads of the cohort that reached the stage (within the window of entering the first). */
  readonly reached: number;
  /** Of those, how many reached the next stage; null at the last stage. */
  readonly advanced: number | null;
  /** `advanced / reached` with its Wilson interval; null at the last stage or when none reached. */
  readonly conversion: { readonly rate: number; readonly interval: WilsonIntervalResult } | null;
  /**
   * With a window: the same step over the leads whose window had closed at
   * `asOf`, so that leads still in flight do not dilute the rate; null
   * without a window and at the last stage.
   */
  readonly matured: {
    readonly reached: number;
    readonly advanced: number;
    readonly rate: number | null;
    readonly interval: WilsonIntervalResult | null;
  } | null;
  /** Leads that reached the stage, did not advance, and still can at `asOf`. */
  readonly censored: number;
  /** Leads with an event at this stage later than their entry into the next stage: they went back. */
  readonly recycled: number;
  /**
   * Time from this stage's entry to the next one's, in ms, over the leads
   * that advanced (linear interpolation); null when none did.
   */
  readonly timeToNext: {
    readonly count: number;
    readonly median: number;
    readonly p90: number;
    /** The `quantiles` asked for, in their order. */
    readonly quantiles: readonly { readonly p: number; readonly value: number }[];
  } | null;
  /**
   * Per horizon: the share of the leads that reached this stage that
   * reached the next one within that time, by the Kaplan–Meier estimator
   * (leads still in flight count for as long as they were observed), with
   * its log-log interval (bounds null where undefined); `atRisk` leads were
   * observed at least that long.
   */
  readonly within: readonly {
    readonly horizonMs: number;
    readonly rate: number | null;
    readonly low: number | null;
    readonly high: number | null;
    readonly atRisk: number;
  }[];
}

/**
 * One stage of a period report.
 *
 * @category Reports
 */
export interface FunnelPeriodStageRow {
  readonly stage: string;
  /** Leads whose entry into this stage fell in `[from, to)`. */
  readonly entered: number;
  /** `entered` of the next stage ÷ this one's; may exceed 1; null at the last stage or when none entered. */
  readonly periodRatio: number | null;
}

/**
 * What both report modes share.
 *
 * @category Reports
 */
export interface FunnelReportBase {
  readonly sequence: 'lifecycle' | 'ordered';
  /** Events after it were ignored; null only when there were no events and no `asOf`. */
  readonly asOf: Date | null;
  readonly from: Date | null;
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
  readonly mode: 'cohort';
  /** The conversion window in ms, null for none. */
  readonly windowMs: number | null;
  /** Leads in the cohort (entered the first stage in `[from, to)`). */
  readonly leads: number;
  readonly stages: readonly FunnelStageRow[];
  /** With `segmentBy`: the same report per segment, sorted by key, `null` last. */
  readonly segments?: readonly {
    readonly segment: string | null;
    readonly leads: number;
    readonly stages: readonly FunnelStageRow[];
  }[];
}

/**
 * A period report.
 *
 * @category Reports
 */
export interface FunnelPeriodReport extends FunnelReportBase {
  readonly mode: 'period';
  readonly windowMs: null;
  /** Leads that entered some stage in `[from, to)`. */
  readonly leads: number;
  readonly stages: readonly FunnelPeriodStageRow[];
  readonly segments?: readonly {
    readonly segment: string | null;
    readonly leads: number;
    readonly stages: readonly FunnelPeriodStageRow[];
  }[];
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
