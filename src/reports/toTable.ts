import { fail } from '../errors';
import type { MqlPeriodRow, MqlReport } from './mqlReport';
import type { SqlPeriodRow, SqlReport } from './sqlReport';

const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? '' : `${(100 * x).toFixed(1)} %`;
const fixed = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '' : x.toFixed(digits);
const signed = (x: number | null) =>
  x === null ? '' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`;
const money = (x: number | null) => (x === null ? '' : x.toFixed(2));

/**
 * The rows of an {@link mqlReport} or {@link sqlReport} as strings for
 * printing (a header row, one row per period, then the total): counts as
 * integers, rates as percentages with one decimal, days with one decimal,
 * money with two, and an empty cell for a figure that is null.
 *
 * @param report - The report.
 * @returns Rows of cells, the first the header.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for anything but one of those reports.
 *
 * @example
 * ```ts
 * import { mqlReport, toTable } from 'leadmath';
 *
 * const report = mqlReport(
 *   [
 *     { leadId: 1, stage: 'mql', at: '2026-03-02T10:00:00Z' },
 *     { leadId: 1, stage: 'sql', at: '2026-03-04T10:00:00Z' },
 *   ],
 *   { stages: ['mql', 'sql'], every: 'month', timeZone: 'UTC', goal: 2 },
 * );
 * const table = toTable(report);
 * table[0].slice(0, 5); //=> ['period', 'MQLs', 'goal', 'attainment', 'per business day']
 * table[1].slice(0, 5); //=> ['2026-03', '1', '2', '50.0 %', '0.0']
 * table.at(-1)?.[0]; //=> 'total'
 * ```
 *
 * @category Reports
 */
export function toTable(report: MqlReport | SqlReport): string[][] {
  const total = (report as { total?: unknown })?.total;
  if (typeof total !== 'object' || total === null || !('period' in total))
    fail('INVALID_ARGUMENT', 'toTable', 'report', report, 'a report from mqlReport or sqlReport');
  const sql = 'sqls' in total;
  const noun = sql ? 'SQLs' : 'MQLs';
  const header = [
    'period',
    noun,
    'goal',
    'attainment',
    'per business day',
    'change per business day',
    'accepted',
    'rejected',
    'pending',
    'acceptance rate',
    'efficiency',
    'median days to decision',
    'SLA breach rate',
    `cost per ${sql ? 'SQL' : 'MQL'}`,
    `cost per ${sql ? 'SQL' : 'MQL'}, lagged`,
    ...(sql ? ['opportunities', 'customers', 'close rate', 'lead → customer'] : []),
  ];
  const line = (row: MqlPeriodRow | SqlPeriodRow): string[] => {
    const s = row as SqlPeriodRow;
    const m = row as MqlPeriodRow;
    return [
      row.period,
      String(sql ? s.sqls : m.mqls),
      row.goal === null ? '' : String(row.goal),
      percent(row.attainment),
      fixed(row.perBusinessDay),
      signed(row.perBusinessDayChange),
      String(row.accepted),
      String(row.rejected),
      String(row.pending),
      percent(row.acceptanceRate?.rate),
      percent(row.efficiency?.rate),
      fixed(row.velocity.medianDays),
      percent(row.sla?.breachRate?.rate),
      money(sql ? s.costPerSql : m.costPerMql),
      money(sql ? s.costPerSqlLagged : m.costPerMqlLagged),
      ...(sql
        ? [
            s.opportunities === null ? '' : String(s.opportunities),
            s.customers === null ? '' : String(s.customers),
            percent(s.closeRate?.rate),
            percent(s.leadToCustomer?.rate?.rate),
          ]
        : []),
    ];
  };
  const periods = report.periods as readonly (MqlPeriodRow | SqlPeriodRow)[];
  return [header, ...periods.map(line), line(report.total)];
}
