import type {
  BusinessCalendar,
  BusinessDuration,
  InstantInput,
  PeriodUnit,
  Weekday,
} from '../calendar/index';
import type { LeadMathIssue } from '../errors';
import type { WilsonIntervalResult } from '../funnel/index';
import type { SpendEntry } from '../plan/index';
import { type HandoffRow, handoffReport, readHandoffRules } from './_internal/handoffReport';

/**
 * A share with its Wilson score interval.
 *
 * @category Reports
 */
export interface ShareWithInterval {
  /** The share, in [0, 1]. */
  readonly rate: number;
  /** The Wilson score interval at the report's `confidence`. */
  readonly interval: WilsonIntervalResult;
}

/**
 * Outcome statuses of {@link mqlReport} and {@link sqlReport}: names that are
 * not funnel stages.
 *
 * @category Reports
 */
export interface HandoffOutcomes {
  /** Statuses that reject the hand-off (`'unqualified'`, `'nurture'`). */
  readonly rejected?: readonly string[];
  /** Statuses kept and ignored (`'other'`, `'duplicate'`). */
  readonly other?: readonly string[];
}

/**
 * The hand-off SLA of {@link mqlReport} and {@link sqlReport}.
 *
 * @category Reports
 */
export interface HandoffSlaOptions {
  /** Business time within which a hand-off must be decided, e.g. `{ businessDays: 2 }`. */
  readonly target: BusinessDuration;
}

/**
 * One segment of {@link mqlReport}.
 *
 * @category Reports
 */
export interface MqlReportSegment {
  /** The segment's key; `null` for leads without one. */
  readonly segment: string | null;
  /** The segment's rows per period. */
  readonly periods: readonly MqlPeriodRow[];
  /** The segment's total. */
  readonly total: MqlPeriodRow;
}

/**
 * Stage efficiency of a period's cohort: how many of its MQLs (or SQLs)
 * reached the next stage by `asOf`.
 *
 * @category Reports
 */
export interface HandoffEfficiency extends ShareWithInterval {
  /** Leads of the cohort that reached the next stage. */
  readonly advanced: number;
  /**
   * With an SLA: the Kaplan–Meier share that reached the next stage within
   * the SLA's target (business time), leads not yet decided counting for as
   * long as they were observed; null without an SLA.
   */
  readonly withinSla: {
    /** The horizon: the target in business milliseconds. */
    readonly horizonMs: number;
    /** The estimated share. */
    readonly rate: number;
    /** Lower bound of the log-log interval; null where undefined. */
    readonly low: number | null;
    /** Upper bound; null where undefined. */
    readonly high: number | null;
    /** Leads observed for at least the horizon. */
    readonly atRisk: number;
  } | null;
}

/**
 * Time from entering the stage to the decision (acceptance or rejection),
 * over the decided leads.
 *
 * @category Reports
 */
export interface HandoffVelocity {
  /** Decided leads. */
  readonly count: number;
  /** Mean, in days of 24 hours; null when none was decided. */
  readonly meanDays: number | null;
  /** Median (linear interpolation), in days. */
  readonly medianDays: number | null;
  /** 90th percentile, in days. */
  readonly p90Days: number | null;
  /** Mean business time ÷ the calendar's open time of a full day; null without a calendar. */
  readonly meanBusinessDays: number | null;
  /** Median in business days; null without a calendar. */
  readonly medianBusinessDays: number | null;
  /** 90th percentile in business days; null without a calendar. */
  readonly p90BusinessDays: number | null;
}

/**
 * The hand-off SLA: decided within the target (business time), or not.
 *
 * @category Reports
 */
export interface HandoffSla {
  /** The target as given. */
  readonly target: BusinessDuration;
  /** The target in days (business days with a calendar). */
  readonly targetDays: number;
  /** Decided by the due time. */
  readonly met: number;
  /** Decided after it, or still pending past it at `asOf`. */
  readonly breached: number;
  /** Pending and not yet due. */
  readonly open: number;
  /** `breached ÷ (met + breached)`: open leads are undecided and left out. */
  readonly breachRate: ShareWithInterval | null;
  /** How far the mean velocity is over the target, in the target's days (0 when within); null when none was decided. */
  readonly overByDays: number | null;
}

/**
 * What a period row of {@link mqlReport} and of {@link sqlReport} both hold;
 * the count of the stage and its cost are named for the stage in each.
 *
 * @category Reports
 */
export interface HandoffPeriodRow {
  /** The period's key (`2026-01`, `2026-Q1`, …), or `'total'`. */
  readonly period: string;
  /** The period's first instant. */
  readonly start: Date;
  /** The next period's first instant. */
  readonly end: Date;
  /** Business days of the period. */
  readonly businessDays: number;
  /** The goal of the period; null without one. */
  readonly goal: number | null;
  /** The count ÷ goal; null without a goal or with a goal of 0. */
  readonly attainment: number | null;
  /** The count per business day; null in a period with none. */
  readonly perBusinessDay: number | null;
  /** Change per business day against the previous period (0.15 is +15 %); null for the first. */
  readonly perBusinessDayChange: number | null;
  /** Hand-offs that entered the next stage before any rejection. */
  readonly accepted: number;
  /** Hand-offs rejected first: a rejecting outcome, or a step back to an earlier stage. */
  readonly rejected: number;
  /** Hand-offs not decided at `asOf`. */
  readonly pending: number;
  /** `accepted ÷ (accepted + rejected)`; null when none was decided. */
  readonly acceptanceRate: ShareWithInterval | null;
  /** Next-stage entries ÷ the period's count; null when the count is 0. */
  readonly efficiency: HandoffEfficiency | null;
  /** Time from the stage entry to the decision. */
  readonly velocity: HandoffVelocity;
  /** Against the SLA; null without `sla`. */
  readonly sla: HandoffSla | null;
  /** Spend in the period; null without `spend` (and in segments). */
  readonly spend: number | null;
}

/**
 * One period (or the total) of {@link mqlReport}.
 *
 * @category Reports
 */
export interface MqlPeriodRow extends HandoffPeriodRow {
  /** Leads whose MQL entry is in the period. */
  readonly mqls: number;
  /** `spend ÷ mqls`; null without spend or MQLs. */
  readonly costPerMql: number | null;
  /** Spend of the period moved back `lagDays` ÷ MQLs; null without spend or MQLs. */
  readonly costPerMqlLagged: number | null;
}

/**
 * Options of {@link mqlReport}.
 *
 * @category Reports
 */
export interface MqlReportOptions {
  /** The ordered funnel. */
  readonly stages: readonly string[];
  /** The MQL stage; default `'mql'`. */
  readonly mql?: string;
  /** Statuses that are not stages: `rejected` ones reject an MQL, `other` ones are kept and ignored. */
  readonly outcomes?: HandoffOutcomes;
  /** The period length. */
  readonly every: PeriodUnit;
  /** The zone of the periods. */
  readonly timeZone: string;
  /** First day of a week; default Monday. */
  readonly weekStartsOn?: Weekday;
  /** The first instant (or ISO date) to report; default the first MQL entry. */
  readonly from?: InstantInput;
  /** The end, exclusive; default just after the last MQL entry. */
  readonly to?: InstantInput;
  /** Events after it are left out; default the latest instant in the data. */
  readonly asOf?: InstantInput;
  /** A goal for the whole range (spread over periods by business days) or per period key. */
  readonly goal?: number | Readonly<Record<string, number>>;
  /** The calendar of business days, velocity in business days and the SLA. */
  readonly calendar?: BusinessCalendar;
  /** The hand-off SLA, e.g. `{ target: { businessDays: 2 } }`. */
  readonly sla?: HandoffSlaOptions;
  /** Marketing spend entries. */
  readonly spend?: readonly SpendEntry[];
  /** The lag of the lag-adjusted cost, in calendar days; default 30. */
  readonly lagDays?: number;
  /** An event field (first touch) or a function of the lead id. */
  readonly segmentBy?: string | ((leadId: string | number) => string | number | boolean | null);
  /** Confidence of the intervals; default 0.95. */
  readonly confidence?: number;
  /** `'throw'` (default) or `'collect'` bad rows. */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * The result of {@link mqlReport}.
 *
 * @category Reports
 */
export interface MqlReport {
  /** The instant the report was taken at. */
  readonly asOf: Date | null;
  /** One row per period. */
  readonly periods: readonly MqlPeriodRow[];
  /** The whole range. */
  readonly total: MqlPeriodRow;
  /** Per segment, with `segmentBy`: segments sorted, `null` last; they add up to the total. */
  readonly segments?: readonly MqlReportSegment[];
  /** Bad rows, with `onInvalid: 'collect'`. */
  readonly issues?: readonly LeadMathIssue[];
}

function mqlRow(row: HandoffRow): MqlPeriodRow {
  const { count, costPer, costPerLagged, sql: _sql, ...rest } = row;
  return {
    period: rest.period,
    start: rest.start,
    end: rest.end,
    businessDays: rest.businessDays,
    mqls: count,
    goal: rest.goal,
    attainment: rest.attainment,
    perBusinessDay: rest.perBusinessDay,
    perBusinessDayChange: rest.perBusinessDayChange,
    accepted: rest.accepted,
    rejected: rest.rejected,
    pending: rest.pending,
    acceptanceRate: rest.acceptanceRate,
    efficiency: rest.efficiency,
    velocity: rest.velocity,
    sla: rest.sla,
    spend: rest.spend,
    costPerMql: costPer,
    costPerMqlLagged: costPerLagged,
  };
}

/**
 * The MQL report marketing teams are asked for: MQLs passed to sales per
 * local period against a goal, how many sales accepted, rejected or has not
 * decided, MQL → SQL efficiency, velocity in the MQL stage against the SLA,
 * MQLs per business day period over period, and cost per MQL simple and
 * lag-adjusted; per segment (persona, source) when asked.
 *
 * An MQL counts in the period of its MQL entry (lifecycle: the earliest
 * event at the MQL stage or a later one). It is **accepted** when it enters
 * the next stage, **rejected** when a rejecting outcome comes first (at or
 * after the entry) or it steps back to an earlier stage (after it), and
 * **pending** otherwise; acceptance wins a tie. See the guide for each
 * figure.
 *
 * @param events - Stage events `{ leadId, stage, at, ...fields }` (objects or columns).
 * @param options - Stages, periods and zone, goal, calendar, SLA, spend, segments.
 * @returns Rows per period, the total, and segments; every figure a number or null.
 * @throws {LeadMathError} As {@link funnelReport} for bad events and options; `INVALID_ARGUMENT`
 * for a goal keyed by a period the report does not have.
 *
 * @example
 * ```ts
 * import { mqlReport } from 'leadmath';
 *
 * const events = [
 *   { leadId: 1, stage: 'mql', at: '2026-01-05T10:00:00Z' },
 *   { leadId: 1, stage: 'sql', at: '2026-01-08T10:00:00Z' },
 *   { leadId: 2, stage: 'mql', at: '2026-01-20T10:00:00Z' },
 *   { leadId: 2, stage: 'unqualified', at: '2026-01-21T10:00:00Z' },
 *   { leadId: 3, stage: 'mql', at: '2026-02-02T10:00:00Z' },
 * ];
 * const report = mqlReport(events, {
 *   stages: ['lead', 'mql', 'sql'],
 *   outcomes: { rejected: ['unqualified'] },
 *   every: 'month',
 *   timeZone: 'UTC',
 *   asOf: '2026-02-10T00:00:00Z',
 *   sla: { target: { days: 2 } },
 * });
 * report.periods.map((p) => [p.period, p.mqls, p.accepted, p.rejected, p.pending]); //=> [['2026-01', 2, 1, 1, 0], ['2026-02', 1, 0, 0, 1]]
 * report.total.velocity.meanDays; //=> 2
 * report.total.sla?.breached; //=> 2
 * ```
 *
 * @category Reports
 */
export function mqlReport(events: unknown, options: MqlReportOptions): MqlReport {
  const rules = readHandoffRules('mqlReport', options, 'mql');
  const result = handoffReport(events, rules);
  return {
    asOf: Number.isFinite(result.asOf) ? new Date(result.asOf) : null,
    periods: result.periods.map(mqlRow),
    total: mqlRow(result.total),
    ...(result.segments === null
      ? {}
      : {
          segments: result.segments.map((s) => ({
            segment: s.segment,
            periods: s.periods.map(mqlRow),
            total: mqlRow(s.total),
          })),
        }),
    ...(result.issues === null ? {} : { issues: result.issues }),
  };
}
