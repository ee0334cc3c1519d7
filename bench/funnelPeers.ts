/**
 * The database peers of `funnelReport.bench.ts`, in a process of their own:
 * DuckDB and Polars answer the same funnel report on the same seeded log,
 * each run timed here and the time sent back. Native database libraries
 * loaded into the report's own process were seen to slow the report down
 * (about 10 ms of 66 on dense ids, with DuckDB merely imported), so the
 * peers live apart, as a database does. Not a benchmark of its own: the
 * file name does not end in `.bench.ts`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { LOG_STAGES, sparseId, stageLog } from './data';

const LEADS = Number(process.env.FUNNEL_LEADS ?? 1_000_000);
const STAGES = LOG_STAGES;
const { leadNo, stageNo, atMs, asOf: ASOF } = stageLog(LEADS);
const rows = leadNo.length;
const sparseOf = Int32Array.from({ length: LEADS }, (_, i) => sparseId(i));
const sparse = Int32Array.from(leadNo, (l) => sparseOf[l]!);
const strings = leadNo.map((l) => `L${sparseOf[l]}`);
const stage = Uint8Array.from(stageNo);
const at = Float64Array.from(atMs);

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
let note = '';
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
  note = `nodejs-polars could not be loaded here, so it is left out: ${String(error).slice(0, 120)}`;
}

// --- Serving the parent -------------------------------------------------------
const contenders: Record<string, () => unknown> = {
  duck: () => duck(),
  duckStrings: () => duck(STRING_QUERY),
  ...(polars === null ? {} : { polars }),
  ...(polarsStrings === null ? {} : { polarsStrings }),
};
process.on('message', async (message: { run?: string; close?: boolean }) => {
  if (message.close) {
    db.closeSync();
    process.exit(0);
  }
  const run = contenders[message.run!]!;
  const start = performance.now();
  const figures = await run();
  const ms = performance.now() - start;
  process.send!({ ms, figures });
});
process.send!({ ready: Object.keys(contenders), note });
