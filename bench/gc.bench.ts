/**
 * Garbage collection inside one call at 3,000,000: scoreLeads (one result
 * object per lead; 3M leads × 5 activities, columnar) and slaReport (3M
 * items on a New York calendar). GC pauses are read from perf_hooks' `gc`
 * entries (what `--trace-gc` prints, without parsing its text) and reported
 * as a share of the call's wall time; median of 5 calls each. Each call runs
 * with its own inputs alive and nothing else: a full collection marks every
 * live object, so another function's data kept alive would be counted here.
 * Target: under 15 %.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import {
  businessCalendar,
  scoreLeads,
  scoreLeadsColumns,
  slaReport,
  validateModel,
} from 'leadmath';
import { random } from './data';
import { median } from './harness';

const N = 3_000_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 14);

let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
  }
});
observer.observe({ entryTypes: ['gc'] });

/** Wall time and GC time of `fn`, after GC entries of earlier work have been delivered. */
async function measure(fn: () => unknown): Promise<{ ms: number; gc: number }> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  gcMs = 0;
  const start = performance.now();
  fn();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer run
  return { ms, gc: gcMs };
}

async function report(name: string, fn: () => unknown): Promise<void> {
  fn(); // warm-up
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await measure(fn));
  const ms = median(runs.map((r) => r.ms));
  const gc = median(runs.map((r) => r.gc));
  console.log(
    `  ${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms, GC ${gc.toFixed(0).padStart(5)} ms = ${((100 * gc) / ms).toFixed(1).padStart(4)} %`,
  );
}

const rand = random(3);
const model = validateModel({
  id: 'gc',
  version: 1,
  threshold: 50,
  rules: [
    { id: 'saas', kind: 'fit', points: 20, when: { field: 'industry', equals: 'SaaS' } },
    { id: 'demo', kind: 'behavior', points: 40, when: { activity: 'demo_request' } },
    { id: 'visit', kind: 'behavior', points: 5, cap: 20, when: { activity: 'page_view' } },
  ],
  decay: { kind: 'halfLife', halfLifeDays: 30 },
});
let leads = Array.from({ length: N }, (_, i) => ({
  id: i,
  industry: rand() < 0.3 ? 'SaaS' : 'Retail',
}));
const PER = 5;
const leadIndex = new Int32Array(N * PER);
const type = new Uint8Array(N * PER);
const at = new Float64Array(N * PER);
for (let i = 0, r = 0; i < N; i++) {
  let t = T0 + rand() * 30 * DAY;
  for (let k = 0; k < PER; k++, r++) {
    leadIndex[r] = i;
    type[r] = rand() < 0.1 ? 1 : 0;
    t += rand() * 5 * DAY;
    at[r] = Math.floor(t);
  }
}
const activities = { leadIndex, type, types: ['page_view', 'demo_request'], at };
const asOf = T0 + 120 * DAY;

console.log('\ngarbage collection at 3,000,000 (target: under 15 % of the call)');
await report('scoreLeads, 3M leads × 5 (objects out)', () =>
  scoreLeads(model, leads, activities, { asOf, explain: false }),
);
await report('scoreLeadsColumns, the same (columns out)', () =>
  scoreLeadsColumns(model, leads, activities, { asOf }),
);
const columns = scoreLeadsColumns(model, leads, activities, { asOf });
// The floor for objects out: a loop that only builds the result objects,
// from columns already scored (one shared empty contributions array).
const none = Object.freeze([]);
await report('hand-written: only building the objects', () => {
  const out = new Array(N);
  for (let j = 0; j < N; j++) {
    const at = columns.qualifiedAt[j]!;
    out[j] = {
      leadId: j,
      score: columns.score[j]!,
      fit: columns.fit[j]!,
      behavior: columns.behavior[j]!,
      qualified: columns.qualified[j] === 1,
      qualifiedAt: Number.isNaN(at) ? null : new Date(at),
      contributions: none,
    };
  }
  return out;
});
// Each call is measured with its own inputs alive, as in a program that
// scores leads or reports on SLAs: the leads go before the SLA items come.
leads = [];
const day = [['09:00', '17:00']] as const;
const calendar = businessCalendar({
  timeZone: 'America/New_York',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
});
const owners = ['ana', 'ben', 'cy', 'dee', 'eli'];
const items = Array.from({ length: N }, () => {
  const start = Math.floor(T0 + rand() * 110 * DAY);
  const owner = owners[Math.floor(rand() * owners.length)]!;
  return rand() < 0.1
    ? { owner, start }
    : { owner, start, stop: Math.floor(start + rand() * 5 * DAY) };
});
await report('slaReport, 3M items', () =>
  slaReport(items, { target: { hours: 16 }, calendar, asOf }),
);
observer.disconnect();
