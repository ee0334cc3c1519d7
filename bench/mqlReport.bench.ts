/**
 * mqlReport by month over the stage log of 1,000,000 leads (about 1.4M
 * events: skipped stages, duplicates, rows out of order), with a 2-day SLA,
 * against a hand-written kernel in the same run: rows grouped by lead in a
 * Map, each lead's MQL entry, acceptance and rejection found by a loop, the
 * month from the UTC date, the SLA from a fixed due time. Both must agree
 * before anything is timed; medians of interleaved rounds.
 */
import { mqlReport } from 'leadmath';
import { LOG_STAGES, stageLog } from './data';
import { interleaved, report } from './harness';

const LEADS = 1_000_000;
const DAY = 86_400_000;
const { leadNo, stageNo, atMs, asOf } = stageLog(LEADS);
const objects = leadNo.map((l, i) => ({
  leadId: l,
  stage: LOG_STAGES[stageNo[i]!]!,
  at: atMs[i]!,
}));
const columns = {
  leadId: Int32Array.from(leadNo),
  stage: Uint8Array.from(stageNo),
  at: Float64Array.from(atMs),
};
const options = {
  stages: LOG_STAGES,
  every: 'month' as const,
  timeZone: 'UTC',
  asOf,
  sla: { target: { days: 2 } },
};

/** The kernel: per month, MQLs, accepted, pending, SLA breaches (mql = stage 1, accepted = a later stage). */
function kernel(): Map<string, number[]> {
  const byLead = new Map<number, number[]>();
  for (let i = 0; i < leadNo.length; i++) {
    if (atMs[i]! > asOf) continue;
    const rows = byLead.get(leadNo[i]!);
    if (rows === undefined) byLead.set(leadNo[i]!, [i]);
    else rows.push(i);
  }
  const months = new Map<string, number[]>();
  for (const rows of byLead.values()) {
    let entry = Number.POSITIVE_INFINITY;
    let next = Number.POSITIVE_INFINITY;
    for (const i of rows) {
      if (stageNo[i]! >= 1 && atMs[i]! < entry) entry = atMs[i]!;
      if (stageNo[i]! >= 2 && atMs[i]! < next) next = atMs[i]!;
    }
    if (entry === Number.POSITIVE_INFINITY) continue;
    const key = new Date(entry).toISOString().slice(0, 7);
    let m = months.get(key);
    if (m === undefined) {
      m = [0, 0, 0, 0];
      months.set(key, m);
    }
    m[0]!++;
    const due = entry + 2 * DAY;
    if (next !== Number.POSITIVE_INFINITY) {
      m[1]!++;
      if (next > due) m[3]!++;
    } else {
      m[2]!++;
      if (asOf > due) m[3]!++;
    }
  }
  return months;
}

const figures = (r: ReturnType<typeof mqlReport>) =>
  new Map(r.periods.map((p) => [p.period, [p.mqls, p.accepted, p.pending, p.sla!.breached]]));
const want = JSON.stringify([...kernel()].sort());
for (const [name, got] of [
  ['objects', mqlReport(objects, options)],
  ['columns', mqlReport(columns, options)],
] as const) {
  const have = JSON.stringify([...figures(got)].filter(([, f]) => f[0]! > 0).sort());
  if (have !== want) throw new Error(`mqlReport (${name}) disagrees: ${have} vs ${want}`);
}

const timed = interleaved(5, [
  { name: 'hand-written kernel (Map, objects)', run: kernel },
  { name: 'mqlReport, columns', run: () => mqlReport(columns, options) },
  { name: 'mqlReport, event objects', run: () => mqlReport(objects, options) },
]);
report(
  `mqlReport by month, ${LEADS.toLocaleString('en-US')} leads, ${leadNo.length.toLocaleString('en-US')} events, 2-day SLA (medians of 5 interleaved rounds)`,
  timed,
);
