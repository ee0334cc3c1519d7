import type { LeadMathIssue } from '../errors';
import type { WilsonIntervalResult } from '../funnel/index';
import type { BenchmarkBand, SalesModel } from '../plan/index';
import { type HandoffRow, handoffReport, readHandoffRules } from './_internal/handoffReport';
import type { HandoffPeriodRow, MqlReportOptions, ShareWithInterval } from './mqlReport';

/**
 * One period (or the total) of {@link sqlReport}.
 *
 * @category Reports
 */
export interface SqlPeriodRow extends HandoffPeriodRow {
  /** Leads whose SQL entry is in the period. */
  readonly sqls: number;
  /** `spend ÷ sqls`. */
  readonly costPerSql: number | null;
  /** Spend moved back `lagDays` ÷ SQLs (the article's 30 days before the quarter to 30 days before its end). */
  readonly costPerSqlLagged: number | null;
  /** Of the period's SQLs, those that reached the opportunity stage; null without one in `stages`. */
  readonly opportunities: number | null;
  /** Of the period's SQLs, those that became customers; null without a customer stage. */
  readonly customers: number | null;
  /** `customers ÷ opportunities` of the period's SQLs. */
  readonly closeRate: ShareWithInterval | null;
  /** Leads whose first-stage entry is in the period, and how many became customers, against the usual 2–5 %. */
  readonly leadToCustomer: {
    /** Leads entering the funnel in the period. */
    readonly leads: number;
    /** Of those, customers by `asOf`. */
    readonly customers: number;
    /** `customers ÷ leads`. */
    readonly rate: ShareWithInterval | null;
    /** The usual band, 2–5 %. */
    readonly band: BenchmarkBand;
    /** Where the rate falls; null without leads. */
    readonly position: 'below' | 'within' | 'above' | null;
  } | null;
  /** The marketing-sourced share of the period's new customers against its band; null without `sourceBy`. */
  readonly marketingSourced: {
    /** Customers whose customer entry is in the period. */
    readonly customers: number;
    /** Of those, first-touch source in `marketingSources`. */
    readonly marketingSourced: number;
    /** `marketingSourced ÷ customers`; null without customers. */
    readonly share: number | null;
    /** Its Wilson interval. */
    readonly interval: WilsonIntervalResult;
    /** The band for the sales model (field 20–40 %, inside 40–80 %). */
    readonly benchmark: BenchmarkBand;
    /** Where the share falls. */
    readonly position: 'below' | 'within' | 'above' | null;
  } | null;
}

/**
 * Options of {@link sqlReport}: those of {@link mqlReport} with the SQL
 * stage instead of the MQL one, and the later stages and sources.
 *
 * @category Reports
 */
export interface SqlReportOptions extends Omit<MqlReportOptions, 'mql'> {
  /** The SQL stage; default `'sql'`. */
  readonly sql?: string;
  /** The opportunity stage; default `'opportunity'` when it is a stage. */
  readonly opportunity?: string;
  /** The customer stage; default `'customer'` when it is a stage. */
  readonly customer?: string;
  /** The event field of the lead's source (first touch), for the marketing-sourced share. */
  readonly sourceBy?: string;
  /** The source values that count as marketing-sourced. */
  readonly marketingSources?: readonly string[];
  /** The sales model whose band the share is held against. */
  readonly salesModel?: SalesModel;
}

/**
 * One segment of {@link sqlReport}.
 *
 * @category Reports
 */
export interface SqlReportSegment {
  /** The segment's key; `null` for leads without one. */
  readonly segment: string | null;
  /** The segment's rows per period. */
  readonly periods: readonly SqlPeriodRow[];
  /** The segment's total. */
  readonly total: SqlPeriodRow;
}

/**
 * The result of {@link sqlReport}.
 *
 * @category Reports
 */
export interface SqlReport {
  /** The instant the report was taken at. */
  readonly asOf: Date | null;
  /** One row per period. */
  readonly periods: readonly SqlPeriodRow[];
  /** The whole range. */
  readonly total: SqlPeriodRow;
  /** Per segment, with `segmentBy`. */
  readonly segments?: readonly SqlReportSegment[];
  /** Bad rows, with `onInvalid: 'collect'`. */
  readonly issues?: readonly LeadMathIssue[];
}

function sqlRow(row: HandoffRow): SqlPeriodRow {
  const sql = row.sql!;
  return {
    period: row.period,
    start: row.start,
    end: row.end,
    businessDays: row.businessDays,
    sqls: row.count,
    goal: row.goal,
    attainment: row.attainment,
    perBusinessDay: row.perBusinessDay,
    perBusinessDayChange: row.perBusinessDayChange,
    accepted: row.accepted,
    rejected: row.rejected,
    pending: row.pending,
    acceptanceRate: row.acceptanceRate,
    efficiency: row.efficiency,
    velocity: row.velocity,
    sla: row.sla,
    spend: row.spend,
    costPerSql: row.costPer,
    costPerSqlLagged: row.costPerLagged,
    opportunities: sql.opportunities,
    customers: sql.customers,
    closeRate: sql.closeRate,
    leadToCustomer: sql.leadToCustomer,
    marketingSourced: sql.marketingSourced,
  };
}

/**
 * The SQL report: {@link mqlReport}'s figures for the SQL stage (SQLs per
 * week, month, quarter, half or year against a goal, accepted / rejected /
 * pending, efficiency, velocity against the SLA, cost per SQL simple and
 * lag-adjusted), plus what became of the period's SQLs (opportunities,
 * customers, close rate), lead → customer conversion of the leads that
 * entered the funnel in the period against the usual 2–5 %, and, with
 * `sourceBy`, `marketingSources` and `salesModel`, the marketing-sourced
 * share of the period's new customers against its band.
 *
 * @param events - Stage events (objects or columns).
 * @param options - As {@link mqlReport}, with `sql`, `opportunity`, `customer` and the source options.
 * @returns Rows per period, the total, and segments.
 * @throws {LeadMathError} As {@link mqlReport}; `INVALID_ARGUMENT` for an opportunity or
 * customer stage not after the SQL stage, or source options given without the others.
 *
 * @example
 * ```ts
 * import { sqlReport } from 'leadmath';
 *
 * const events = [
 *   { leadId: 'a', stage: 'lead', at: '2026-01-02T09:00:00Z', source: 'webinar' },
 *   { leadId: 'a', stage: 'sql', at: '2026-01-10T09:00:00Z' },
 *   { leadId: 'a', stage: 'customer', at: '2026-02-20T09:00:00Z' },
 *   { leadId: 'b', stage: 'lead', at: '2026-01-03T09:00:00Z', source: 'outbound' },
 *   { leadId: 'b', stage: 'sql', at: '2026-02-11T09:00:00Z' },
 *   { leadId: 'b', stage: 'opportunity', at: '2026-02-25T09:00:00Z' },
 * ];
 * const report = sqlReport(events, {
 *   stages: ['lead', 'sql', 'opportunity', 'customer'],
 *   every: 'quarter',
 *   timeZone: 'Europe/London',
 *   sourceBy: 'source',
 *   marketingSources: ['webinar'],
 *   salesModel: 'inside',
 * });
 * const q1 = report.periods[0];
 * [q1.period, q1.sqls, q1.opportunities, q1.customers]; //=> ['2026-Q1', 2, 2, 1]
 * q1.leadToCustomer?.rate?.rate; //=> 0.5
 * q1.marketingSourced?.share; //=> 1
 * ```
 *
 * @category Reports
 */
export function sqlReport(events: unknown, options: SqlReportOptions): SqlReport {
  const rules = readHandoffRules('sqlReport', options, 'sql');
  const result = handoffReport(events, rules);
  return {
    asOf: Number.isFinite(result.asOf) ? new Date(result.asOf) : null,
    periods: result.periods.map(sqlRow),
    total: sqlRow(result.total),
    ...(result.segments === null
      ? {}
      : {
          segments: result.segments.map((s) => ({
            segment: s.segment,
            periods: s.periods.map(sqlRow),
            total: sqlRow(s.total),
          })),
        }),
    ...(result.issues === null ? {} : { issues: result.issues }),
  };
}
