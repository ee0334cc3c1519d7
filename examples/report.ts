/**
 * A cohort funnel report of an embedded stage log (a CRM's lifecycle
 * history: MQL → SQL → customer), for the leads that became MQLs in March,
 * with the naive conversion rate next to the Kaplan–Meier share converted
 * within 30 days, which does not count leads still in flight as lost.
 *
 * Run with `npx tsx examples/report.ts` after `npm run build`.
 */
import { type FunnelCohortReport, type FunnelEvent, funnelReport } from 'leadmath';

const DAY = 86_400_000;
const march = Date.UTC(2026, 2, 1);

// 40 leads become MQLs through March; some turn into SQLs after a few days,
// some later become customers, and the log is as messy as exports are: a
// duplicate row, rows out of order, a lead that skipped SQL, one sent back
// to nurture.
const log: FunnelEvent[] = [];
for (let i = 0; i < 40; i++) {
  const mql = march + i * 0.75 * DAY;
  const source = i % 3 === 0 ? 'webinar' : i % 3 === 1 ? 'paid search' : 'organic';
  log.push({ leadId: `L-${100 + i}`, stage: 'mql', at: mql, source });
  if (i % 4 !== 3)
    log.push({ leadId: `L-${100 + i}`, stage: 'sql', at: mql + (3 + (i % 9)) * DAY });
  if (i % 8 === 0)
    log.push({ leadId: `L-${100 + i}`, stage: 'customer', at: mql + (20 + i) * DAY });
}
log.push({ leadId: 'L-105', stage: 'sql', at: march + 3.75 * DAY + 8 * DAY }); // a duplicate
log.push({ leadId: 'L-107', stage: 'customer', at: march + 5.25 * DAY + 30 * DAY }); // skipped sql
log.push({ leadId: 'L-110', stage: 'nurture', at: march + 7.5 * DAY + 4 * DAY }); // back to nurture
log.reverse(); // rows out of order

const report = funnelReport(log, {
  stages: ['mql', 'sql', 'customer'],
  outcomes: ['nurture'],
  from: '2026-03-01T00:00:00Z',
  to: '2026-04-01T00:00:00Z',
  asOf: '2026-04-05T00:00:00Z',
  horizons: [{ days: 30 }],
  segmentBy: 'source',
}) as FunnelCohortReport;

const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)} %`);
const days = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / DAY).toFixed(1)} d`);

console.log(
  `March MQL cohort: ${report.leads} leads, as of ${report.asOf!.toISOString().slice(0, 10)}\n`,
);
console.log('stage      reached  advanced  still open  naive rate  KM ≤ 30 d     median to next');
for (const row of report.stages) {
  const km = row.within[0];
  console.log(
    [
      row.stage.padEnd(10),
      String(row.reached).padStart(7),
      String(row.advanced ?? '—').padStart(9),
      String(row.censored).padStart(11),
      pct(row.conversion?.rate).padStart(11),
      pct(km?.rate).padStart(9),
      days(row.timeToNext?.median).padStart(18),
    ].join('  '),
  );
}
console.log('\nby source (MQL → SQL):');
for (const segment of report.segments ?? []) {
  const step = segment.stages[0]!;
  console.log(
    `  ${String(segment.segment).padEnd(12)} ${String(segment.leads).padStart(3)} leads, ${pct(step.conversion?.rate)} naive, ${pct(step.within[0]?.rate)} within 30 days`,
  );
}
