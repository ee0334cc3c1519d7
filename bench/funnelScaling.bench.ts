/**
 * Cost of funnelReport against the size of the log: 100,000, 1,000,000 and
 * 4,000,000 leads (about 1.4 events each, the log of funnelReport.bench.ts
 * at each size), columns with sparse integer ids, lifecycle cohort report.
 * Linear cost shows as a flat time per million events.
 */
import { type FunnelCohortReport, funnelReport } from 'leadmath';
import { LOG_STAGES, sparseId, stageLog } from './data';
import { median } from './harness';

function log(leads: number) {
  const { leadNo, stageNo, atMs, asOf } = stageLog(leads);
  return {
    events: {
      leadId: Int32Array.from(leadNo, sparseId),
      stage: Uint8Array.from(stageNo),
      at: Float64Array.from(atMs),
    },
    asOf,
  };
}

console.log('\nfunnelReport cost against log size (columns, sparse integer ids; median of 5)');
for (const leads of [100_000, 1_000_000, 4_000_000]) {
  const { events, asOf } = log(leads);
  const run = () => funnelReport(events, { stages: LOG_STAGES, asOf }) as FunnelCohortReport;
  run();
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  const ms = median(times);
  const rows = events.at.length;
  console.log(
    `  ${leads.toLocaleString('en-US').padStart(9)} leads, ${rows.toLocaleString('en-US').padStart(9)} events: ${ms.toFixed(0).padStart(5)} ms, ${((ms / rows) * 1e6).toFixed(0).padStart(4)} ms per million events`,
  );
}
