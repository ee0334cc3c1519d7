/**
 * The funnel report of a stage log of 1,000,000 leads and about 1.4M events
 * (seeded; skipped stages, duplicate rows, rows out of order), lifecycle
 * cohort, per stage reached, advanced and the median and p90 time to the
 * next stage, in one run:
 * - DuckDB running the same report as SQL on the table already loaded
 *   (the reference the ratios are taken against);
 * - funnelReport on columns with sparse integer ids, string ids, and ids
 *   already dense (0 … n − 1), and on event objects;
 * - Polars (nodejs-polars) doing the same on one thread, on a DataFrame
 *   already built (left out with a note where it cannot load);
 * - a naive implementation over objects and a Map.
 * DuckDB and Polars run in a process of their own (`funnelPeers.ts`), which
 * times each of their runs and answers each round in turn: loaded into this
 * process, the native libraries slowed the report itself down.
 * Every contender's figures must agree before anything is timed.
 */
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FunnelCohortReport, funnelReport } from 'leadmath';
import { LOG_STAGES, sparseId, stageLog } from './data';
import { interleavedAsync, report } from './harness';

const LEADS = 1_000_000;
const STAGES = LOG_STAGES;

// --- The log ------------------------------------------------------------------
const { leadNo, stageNo, atMs, asOf: ASOF } = stageLog(LEADS);
const rows = leadNo.length;
const sparseOf = Int32Array.from({ length: LEADS }, (_, i) => sparseId(i));
const dense = Int32Array.from(leadNo);
const sparse = Int32Array.from(leadNo, (l) => sparseOf[l]!);
const strings = leadNo.map((l) => `L${sparseOf[l]}`);
const stage = Uint8Array.from(stageNo);
const at = Float64Array.from(atMs);
const objects = leadNo.map((l, i) => ({
  leadId: `L${sparseOf[l]}`,
  stage: STAGES[stageNo[i]!]!,
  at: atMs[i]!,
}));

const options = { stages: STAGES, asOf: ASOF };
const figures = (r: FunnelCohortReport) =>
  r.stages
    .slice(0, -1)
    .map((s) => [s.reached, s.advanced, s.timeToNext?.median ?? null, s.timeToNext?.p90 ?? null]);
const ours = {
  dense: () => funnelReport({ leadId: dense, stage, at }, options) as FunnelCohortReport,
  sparse: () => funnelReport({ leadId: sparse, stage, at }, options) as FunnelCohortReport,
  strings: () => funnelReport({ leadId: strings, stage, at }, options) as FunnelCohortReport,
  objects: () => funnelReport(objects, options) as FunnelCohortReport,
};

// --- A naive implementation: objects grouped in a Map -------------------------
function naive(): (number | null)[][] {
  const byLead = new Map<string, { stage: string; at: number }[]>();
  for (const e of objects) {
    if (e.at > ASOF) continue;
    const list = byLead.get(e.leadId);
    if (list === undefined) byLead.set(e.leadId, [e]);
    else list.push(e);
  }
  const reached = STAGES.map(() => 0);
  const lags: number[][] = STAGES.map(() => []);
  for (const events of byLead.values()) {
    const entry = STAGES.map((_, i) => {
      let min = Number.POSITIVE_INFINITY;
      for (const e of events) if (STAGES.indexOf(e.stage) >= i && e.at < min) min = e.at;
      return min;
    });
    for (let i = 0; i < STAGES.length; i++) {
      if (entry[i] === Number.POSITIVE_INFINITY) break;
      reached[i]!++;
      if (i + 1 < STAGES.length && entry[i + 1] !== Number.POSITIVE_INFINITY)
        lags[i]!.push(entry[i + 1]! - entry[i]!);
    }
  }
  const q = (values: number[], p: number) => {
    if (values.length === 0) return null;
    const s = [...values].sort((a, b) => a - b);
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (h - lo);
  };
  return STAGES.slice(0, -1).map((_, i) => [
    reached[i]!,
    reached[i + 1]!,
    q(lags[i]!, 0.5),
    q(lags[i]!, 0.9),
  ]);
}

// --- DuckDB and Polars, in a process of their own (bench/funnelPeers.ts) ----------
const peer = fork(join(dirname(fileURLToPath(import.meta.url)), 'funnelPeers.ts'), {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, FUNNEL_LEADS: String(LEADS) },
});
type Reply = { ms: number; figures: (number | null)[][] };
const replies: ((reply: Reply) => void)[] = [];
const ready = await new Promise<{ ready: string[]; note: string }>((resolve) => {
  peer.once('message', (m) => resolve(m as { ready: string[]; note: string }));
});
peer.on('message', (m) => replies.shift()!(m as Reply));
if (ready.note !== '') console.log(ready.note);
const ask = (run: string) =>
  new Promise<Reply>((resolve) => {
    replies.push(resolve);
    peer.send({ run });
  });
/** A peer as a contender: its own process times it, and that time is taken. */
const peerContender = (name: string, run: string) => ({
  name,
  run: async () => ({ selfTimedMs: (await ask(run)).ms }),
});
const hasPolars = ready.ready.includes('polars');

// --- Agreement, then timing ---------------------------------------------------
const want = JSON.stringify(naive());
const check = (name: string, got: unknown) => {
  if (JSON.stringify(got) !== want)
    throw new Error(`${name} disagrees: ${JSON.stringify(got)} vs ${want}`);
};
check('duckdb', (await ask('duck')).figures);
check('duckdb, string ids', (await ask('duckStrings')).figures);
if (hasPolars) {
  check('polars', (await ask('polars')).figures);
  check('polars, string ids', (await ask('polarsStrings')).figures);
}
for (const [name, run] of Object.entries(ours)) check(name, figures(run()));

const timed = await interleavedAsync(5, [
  peerContender('DuckDB, table loaded, one thread', 'duck'),
  peerContender('DuckDB, string ids', 'duckStrings'),
  { name: 'funnelReport, columns, dense ids', run: ours.dense },
  { name: 'funnelReport, columns, sparse ints', run: ours.sparse },
  { name: 'funnelReport, columns, string ids', run: ours.strings },
  { name: 'funnelReport, objects', run: ours.objects },
  ...(hasPolars
    ? [
        peerContender('Polars, DataFrame built, one thread', 'polars'),
        peerContender('Polars, string ids', 'polarsStrings'),
      ]
    : []),
  { name: 'naive: objects and a Map', run: naive },
]);
report(
  `funnel report, ${LEADS.toLocaleString('en-US')} leads, ${rows.toLocaleString('en-US')} events (targets: columns ≤ 0.33 × DuckDB and ≤ 0.25 × Polars, dense ≤ 0.2 × DuckDB, objects ≤ 1 ×)`,
  timed,
);
const ms = (name: string) => timed.find((t) => t.name === name)?.ms ?? Number.NaN;
const against = (ours: string, theirs: string) =>
  `  ${ours} against ${theirs}: ${(ms(ours) / ms(theirs)).toFixed(2)}×`;
console.log(against('funnelReport, columns, string ids', 'DuckDB, string ids'));
if (hasPolars) {
  for (const name of ['dense ids', 'sparse ints', 'string ids'])
    console.log(against(`funnelReport, columns, ${name}`, 'Polars, DataFrame built, one thread'));
}
if (hasPolars) {
  console.log(against('funnelReport, columns, string ids', 'Polars, string ids'));
}
peer.send({ close: true });
