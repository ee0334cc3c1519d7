/**
 * Cost of funnelReport against the size of the log: 100,000, 1,000,000 and
 * 4,000,000 leads (about 1.4 events each, seeded as in
 * funnelReport.bench.ts), columns with sparse integer ids, lifecycle cohort
 * report (ids as a Float64Array: they pass 2^31 at 4M leads). Linear cost
 * shows as a flat time per million events.
 */
import { type FunnelCohortReport, funnelReport } from 'leadmath';
import { random } from './data';
import { median } from './harness';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5);
const STAGES = ['lead', 'mql', 'sql', 'won'];

function log(leads: number) {
  const rand = random(7);
  const lead: number[] = [];
  const stage: number[] = [];
  const at: number[] = [];
  for (let j = 0; j < leads; j++) {
    let t = T0 + Math.floor(rand() * 24 * 120) * HOUR;
    const depth = rand() < 0.25 ? (rand() < 0.4 ? (rand() < 0.25 ? 4 : 3) : 2) : 1;
    for (let s = 0; s < depth; s++) {
      t += Math.floor(rand() * 240) * HOUR;
      lead.push(j * 7919 + 13); // distinct, sparse
      stage.push(s);
      at.push(t);
    }
  }
  return {
    leadId: Int32Array.from(lead),
    stage: Uint8Array.from(stage),
    at: Float64Array.from(at),
  };
}

console.log('\nfunnelReport cost against log size (columns, sparse integer ids; median of 5)');
for (const leads of [100_000, 1_000_000, 4_000_000]) {
  const events = log(leads);
  const run = () => funnelReport(events, { stages: STAGES }) as FunnelCohortReport;
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
