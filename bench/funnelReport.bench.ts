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
 * Every contender's figures must agree before anything is timed.
 */
import { DuckDBInstance } from '@duckdb/node-api';
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

// --- DuckDB, on the table already loaded -------------------------------------
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const db = await instance.connect();
await db.run('CREATE TABLE ev (lead_id INTEGER, stage_no UTINYINT, t BIGINT)');
const appender = await db.createAppender('ev');
for (let i = 0; i < rows; i++) {
  appender.appendInteger(sparse[i]!);
  appender.appendUTinyInt(stage[i]!);
  appender.appendBigInt(BigInt(at[i]!));
  appender.endRow();
}
appender.closeSync();
// The same log with the string ids, for the string contender's like-for-like figure.
await db.run('CREATE TABLE ev_s (lead_id VARCHAR, stage_no UTINYINT, t BIGINT)');
const stringAppender = await db.createAppender('ev_s');
for (let i = 0; i < rows; i++) {
  stringAppender.appendVarchar(strings[i]!);
  stringAppender.appendUTinyInt(stage[i]!);
  stringAppender.appendBigInt(BigInt(at[i]!));
  stringAppender.endRow();
}
stringAppender.closeSync();
const query = (table: string) => `
  WITH kept AS (SELECT lead_id, stage_no, t FROM ${table} WHERE t <= ${ASOF}),
  firsts AS (SELECT lead_id, stage_no, min(t) AS f FROM kept GROUP BY ALL),
  entries AS (
    SELECT lead_id, i, min(f) AS entry
    FROM firsts JOIN range(0, ${STAGES.length}) s(i) ON stage_no >= i
    GROUP BY ALL),
  steps AS (
    SELECT a.i, (b.entry - a.entry)::DOUBLE AS lag
    FROM entries a JOIN entries b ON a.lead_id = b.lead_id AND b.i = a.i + 1)
  SELECT r.i, r.reached, s.advanced, s.median, s.p90 FROM
    (SELECT i, count(*) AS reached FROM entries GROUP BY i) r
    LEFT JOIN (SELECT i, count(*) AS advanced, quantile_cont(lag, 0.5) AS median,
                      quantile_cont(lag, 0.9) AS p90 FROM steps GROUP BY i) s USING (i)
  ORDER BY r.i`;
const QUERY = query('ev');
const STRING_QUERY = query('ev_s');
async function duck(text = QUERY): Promise<number[][]> {
  const result = await db.runAndReadAll(text);
  return result
    .getRowObjects()
    .slice(0, -1)
    .map((row) => [Number(row.reached), Number(row.advanced), Number(row.median), Number(row.p90)]);
}

// --- Polars, on one thread, on a DataFrame already built -------------------------
process.env.POLARS_MAX_THREADS = '1';
type Polars = typeof import('nodejs-polars');
let polars: (() => (number | null)[][]) | null = null;
let polarsStrings: (() => (number | null)[][]) | null = null;
try {
  const imported = (await import('nodejs-polars')) as unknown as Polars & { default?: Polars };
  const pl = imported.default ?? imported;
  const intFrame = pl.DataFrame({ lead_id: sparse, stage, t: at });
  // The same log with the string ids, for the string contender's like-for-like figure.
  const stringFrame = pl.DataFrame({ lead_id: strings, stage, t: at });
  // The 0.24 typings declare quantile(q) alone; the binding takes the
  // interpolation too (the figures agree with the naive ones only with it).
  type Expr = ReturnType<typeof pl.col>;
  const linear = (column: string, p: number): Expr =>
    (pl.col(column) as unknown as { quantile(p: number, how: 'linear'): Expr }).quantile(
      p,
      'linear',
    );
  const polarsReport = (frame: typeof intFrame | typeof stringFrame) => {
    const firsts = frame
      .filter(pl.col('t').lessThanEquals(ASOF))
      .groupBy(['lead_id', 'stage'])
      .agg(pl.col('t').min().alias('f'));
    const entries = STAGES.map((_, i) =>
      firsts
        .filter(pl.col('stage').greaterThanEquals(i))
        .groupBy('lead_id')
        .agg(pl.col('f').min().alias('e')),
    );
    return STAGES.slice(0, -1).map((_, i) => {
      const steps = entries[i]!.join(entries[i + 1]!, { on: 'lead_id', suffix: '_next' }).select(
        pl.col('e_next').minus(pl.col('e')).alias('lag'),
      );
      const q = steps.select(linear('lag', 0.5).alias('median'), linear('lag', 0.9).alias('p90'));
      return [
        entries[i]!.height,
        steps.height,
        q.getColumn('median').get(0),
        q.getColumn('p90').get(0),
      ];
    });
  };
  polars = () => polarsReport(intFrame);
  polarsStrings = () => polarsReport(stringFrame);
} catch (error) {
  console.log(
    `nodejs-polars could not be loaded here, so it is left out: ${String(error).slice(0, 120)}`,
  );
}

// --- Agreement, then timing ---------------------------------------------------
const want = JSON.stringify(naive());
const check = (name: string, got: unknown) => {
  if (JSON.stringify(got) !== want)
    throw new Error(`${name} disagrees: ${JSON.stringify(got)} vs ${want}`);
};
check('duckdb', await duck());
check('duckdb, string ids', await duck(STRING_QUERY));
if (polars !== null) check('polars', polars());
if (polarsStrings !== null) check('polars, string ids', polarsStrings());
for (const [name, run] of Object.entries(ours)) check(name, figures(run()));

const timed = await interleavedAsync(5, [
  { name: 'DuckDB, table loaded, one thread', run: () => duck() },
  { name: 'DuckDB, string ids', run: () => duck(STRING_QUERY) },
  { name: 'funnelReport, columns, dense ids', run: ours.dense },
  { name: 'funnelReport, columns, sparse ints', run: ours.sparse },
  { name: 'funnelReport, columns, string ids', run: ours.strings },
  { name: 'funnelReport, objects', run: ours.objects },
  ...(polars === null ? [] : [{ name: 'Polars, DataFrame built, one thread', run: polars }]),
  ...(polarsStrings === null ? [] : [{ name: 'Polars, string ids', run: polarsStrings }]),
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
if (polars !== null) {
  for (const name of ['dense ids', 'sparse ints', 'string ids'])
    console.log(against(`funnelReport, columns, ${name}`, 'Polars, DataFrame built, one thread'));
}
if (polarsStrings !== null) {
  console.log(against('funnelReport, columns, string ids', 'Polars, string ids'));
}
db.closeSync();
