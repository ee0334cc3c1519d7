/**
 * The MQL report and the SQL report, straight from two CRM exports: a
 * HubSpot contacts export (one row per contact, a "Became a … Date" column
 * per lifecycle stage, wall times in the portal's zone) and a Salesforce
 * LeadHistory export (one row per change of a lead's Status).
 *
 * Run with `npx tsx examples/mql-report.ts` after `npm run build`.
 */
import { parse } from 'csv-parse/sync';
import {
  businessCalendar,
  fromFieldHistory,
  fromWideRows,
  hubspotLifecycle,
  mqlReport,
  salesforceLeadHistory,
  sqlReport,
  toTable,
} from 'leadmath';

// --- The exports, as a CSV parser reads them ---------------------------------
const hubspotCsv = `\uFEFFRecord ID,First Name,Persona,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became a Customer Date
201,Ana,CFO,2026-01-02 09:10,2026-01-05 10:00,2026-01-07 15:00,
202,Ben,CTO,2026-01-05 11:30,2026-01-06 09:30,2026-01-09 09:00,2026-02-20 12:00
203,Cleo,CFO,2026-01-06 14:00,2026-01-08 16:45,,
204,Dev,Ops,2026-01-09 08:15,2026-01-12 13:00,2026-01-13 10:00,
205,Eli,CTO,2026-01-14 10:00,2026-01-15 11:00,2026-01-20 17:00,
206,Fay,CFO,2026-01-19 09:00,2026-01-21 09:00,2026-01-22 10:30,
207,Gus,,2026-01-26 15:20,2026-01-27 10:00,,
208,Hana,Ops,2026-02-02 09:00,2026-02-03 10:00,2026-02-04 11:00,
209,Ivo,CFO,2026-02-03 12:00,2026-02-05 09:30,2026-02-10 16:00,
210,Jo,CTO,2026-02-09 10:45,2026-02-10 14:00,2026-02-11 09:15,
211,Kai,CFO,2026-02-16 09:00,2026-02-17 10:00,2026-02-18 12:00,
212,Lea,CTO,2026-02-23 13:30,2026-02-24 15:00,,
`;
const leadHistoryCsv = `"Id","LeadId","Field","OldValue","NewValue","CreatedDate"
"017A","00Q1","created","","","2026-01-05T14:00:00.000+0000"
"017B","00Q1","Status","Open - Not Contacted","Working - Contacted","2026-01-06T15:00:00.000+0000"
"017C","00Q1","Status","Working - Contacted","Closed - Converted","2026-01-12T16:00:00.000+0000"
"017D","00Q2","created","","","2026-01-07T10:00:00.000+0000"
"017E","00Q2","Status","Open - Not Contacted","Working - Contacted","2026-01-08T10:00:00.000+0000"
"017F","00Q2","Status","Working - Contacted","Closed - Not Converted","2026-01-20T10:00:00.000+0000"
"017G","00Q3","created","","","2026-02-02T09:00:00.000+0000"
"017H","00Q3","Rating","","Hot","2026-02-02T09:05:00.000+0000"
"017I","00Q3","Status","Open - Not Contacted","Working - Contacted","2026-02-03T09:00:00.000+0000"
"017J","00Q3","Status","Working - Contacted","Closed - Converted","2026-02-09T09:00:00.000+0000"
"017K","00Q4","created","","","2026-02-16T13:00:00.000+0000"
"017L","00Q4","Status","Open - Not Contacted","Closed - Converted","2026-03-02T13:00:00.000+0000"
`;
const rows = (text: string): Record<string, string>[] =>
  parse(text, { columns: true, bom: true, skip_empty_lines: true });

// --- The team's calendar and targets -----------------------------------------
const nineToFive = [['09:00', '17:00']] as const;
const newYork = businessCalendar({
  timeZone: 'America/New_York',
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: ['2026-01-19', '2026-02-16'],
});
const spend = [
  { at: '2025-12-10T00:00:00Z', amount: 4000 },
  { at: '2026-01-10T00:00:00Z', amount: 5000 },
  { at: '2026-02-10T00:00:00Z', amount: 6000 },
];

// --- The MQL report from the HubSpot export ------------------------------------
const contacts = fromWideRows(rows(hubspotCsv), {
  preset: hubspotLifecycle,
  timeZone: 'America/New_York',
  carry: ['Persona'],
});
const mql = mqlReport(contacts, {
  stages: hubspotLifecycle.stages,
  outcomes: { other: hubspotLifecycle.outcomes },
  every: 'month',
  timeZone: 'America/New_York',
  asOf: '2026-03-01T00:00:00-05:00',
  goal: 12,
  calendar: newYork,
  sla: { target: { businessDays: 2 } },
  spend,
  segmentBy: 'Persona',
});
printTable('MQL report (HubSpot contacts)', toTable(mql));
const jan = mql.periods[0]!;
console.log(
  `January: ${jan.mqls} MQLs, median ${jan.velocity.medianBusinessDays?.toFixed(1)} business days to a decision against a 2-day SLA (${jan.sla?.breached} breached); ` +
    `February's MQLs per business day ${((mql.periods[1]!.perBusinessDayChange ?? 0) * 100).toFixed(0)} % against January's.`,
);
console.log(
  'By persona:',
  mql.segments!.map((s) => `${s.segment ?? '(none)'} ${s.total.mqls}`).join(', '),
);

// --- The SQL report from the same export ---------------------------------------
const sql = sqlReport(contacts, {
  stages: hubspotLifecycle.stages,
  outcomes: { other: hubspotLifecycle.outcomes },
  every: 'quarter',
  timeZone: 'America/New_York',
  asOf: '2026-03-01T00:00:00-05:00',
  calendar: newYork,
  spend,
  lagDays: 30,
});
printTable('SQL report (HubSpot contacts)', toTable(sql));
const q1 = sql.periods[0]!;
console.log(
  `Q1: ${q1.sqls} SQLs at ${q1.costPerSql?.toFixed(0)} each (${q1.costPerSqlLagged?.toFixed(0)} lag-adjusted by 30 days); ` +
    `lead → customer ${((q1.leadToCustomer?.rate?.rate ?? 0) * 100).toFixed(1)} % against the usual 2–5 % (${q1.leadToCustomer?.position}).`,
);

// --- The MQL hand-off from the Salesforce LeadHistory export ------------------
const history = fromFieldHistory(rows(leadHistoryCsv), { preset: salesforceLeadHistory });
const handoff = mqlReport(history, {
  stages: salesforceLeadHistory.stages,
  outcomes: { rejected: ['unqualified'], other: ['nurture'] },
  every: 'month',
  timeZone: 'America/New_York',
  asOf: '2026-03-31T00:00:00Z',
  calendar: newYork,
  sla: { target: { businessDays: 2 } },
});
printTable('MQL report (Salesforce LeadHistory)', toTable(handoff));

function printTable(title: string, table: string[][]): void {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  console.log(`\n${title}`);
  for (const r of table) console.log(r.map((cell, c) => cell.padStart(widths[c]!)).join('  '));
}
