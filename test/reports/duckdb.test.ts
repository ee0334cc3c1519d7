/**
 * funnelReport against SQL written independently here, run by DuckDB on the
 * same seeded messy logs (skipped stages, duplicates, rows out of order,
 * many equal instants, outcomes, ids as numbers and as their strings).
 * Stage entry, cohorts, windows and time-to-next percentiles are written
 * from DESIGN's rules in SQL; only the counts and percentiles are compared.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../bench/data';
import { type FunnelCohortReport, type FunnelEvent, funnelReport } from '../../src/index';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5);
const STAGES = ['lead', 'mql', 'sql', 'won'];
const NAMES = [...STAGES, 'nurture'];

/** About 4,000 events over 600 leads, every messy case included. */
function messyLog(seed: number): FunnelEvent[] {
  const rand = random(seed);
  const events: FunnelEvent[] = [];
  for (let lead = 0; lead < 600; lead++) {
    const id = rand() < 0.5 ? lead : String(lead);
    let t = T0 + Math.floor(rand() * 2000) * MINUTE;
    const depth = Math.floor(rand() * 5);
    for (let s = 0; s < depth; s++) {
      if (rand() < 0.2) continue; // a skipped stage
      // Few distinct steps, so equal instants are common.
      t += Math.floor(rand() * 4) * 240 * MINUTE;
      events.push({ leadId: rand() < 0.5 ? id : String(lead), stage: STAGES[s]!, at: t });
      if (rand() < 0.1) events.push({ leadId: id, stage: STAGES[s]!, at: t }); // a duplicate
      if (rand() < 0.05) events.push({ leadId: id, stage: 'nurture', at: t + MINUTE });
      if (rand() < 0.08)
        events.push({ leadId: id, stage: STAGES[Math.max(0, s - 1)]!, at: t + 60 * MINUTE }); // went back
    }
  }
  // Rows out of order.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

let instance: DuckDBInstance;
let db: DuckDBConnection;
const log = messyLog(11);

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await db.run('CREATE TABLE ev (lead_key VARCHAR, stage_no INTEGER, t BIGINT)');
  const appender = await db.createAppender('ev');
  for (const e of log) {
    appender.appendVarchar(String(e.leadId));
    appender.appendInteger(NAMES.indexOf(e.stage));
    appender.appendDouble(e.at as number);
    appender.endRow();
  }
  appender.closeSync();
});

afterAll(() => {
  db.closeSync();
});

interface Case {
  readonly sequence: 'lifecycle' | 'ordered';
  readonly from: number;
  readonly to: number;
  readonly windowMs: number | null;
  readonly asOf: number;
}

/** Stage entries per the sequence rule, as SQL over `ev` (stages 0 … 3; outcomes are stage 4). */
function entriesSql(c: Case): string {
  const kept = `SELECT lead_key, stage_no, t FROM ev WHERE stage_no < 4 AND t <= ${c.asOf}`;
  if (c.sequence === 'lifecycle') {
    // entry(i): the earliest event at stage i or any later stage.
    return `
      kept AS (${kept}),
      entries AS (
        SELECT k.lead_key, s.i, min(k.t) AS entry
        FROM kept k JOIN range(0, 4) s(i) ON k.stage_no >= s.i
        GROUP BY k.lead_key, s.i)`;
  }
  // entry(0): the earliest event at stage 0; entry(i+1): the earliest at stage i+1 at or after entry(i).
  const step = (i: number) => `
      o${i} AS (
        SELECT p.lead_key, min(k.t) AS entry FROM o${i - 1} p
        JOIN kept k ON k.lead_key = p.lead_key AND k.stage_no = ${i} AND k.t >= p.entry
        GROUP BY p.lead_key)`;
  return `
      kept AS (${kept}),
      o0 AS (SELECT lead_key, min(t) AS entry FROM kept WHERE stage_no = 0 GROUP BY lead_key),
      ${[1, 2, 3].map(step).join(',')},
      entries AS (
        SELECT lead_key, 0 AS i, entry FROM o0 UNION ALL
        SELECT lead_key, 1, entry FROM o1 UNION ALL
        SELECT lead_key, 2, entry FROM o2 UNION ALL
        SELECT lead_key, 3, entry FROM o3)`;
}

async function duckReport(c: Case) {
  const within = c.windowMs === null ? '' : `AND n.entry - c.e0 <= ${c.windowMs}`;
  const sql = `
    WITH ${entriesSql(c)},
    cohort AS (
      SELECT lead_key, entry AS e0 FROM entries
      WHERE i = 0 AND entry >= ${c.from} AND entry < ${c.to}),
    reached AS (
      SELECT n.lead_key, n.i, n.entry FROM cohort c JOIN entries n USING (lead_key)
      WHERE true ${within}),
    steps AS (
      SELECT a.i, (b.entry - a.entry)::DOUBLE AS lag
      FROM reached a JOIN reached b ON a.lead_key = b.lead_key AND b.i = a.i + 1)
    SELECT s.i AS stage,
      (SELECT count(*) FROM reached r WHERE r.i = s.i) AS reached,
      (SELECT count(*) FROM steps p WHERE p.i = s.i) AS advanced,
      (SELECT quantile_cont(lag, 0.5) FROM steps p WHERE p.i = s.i) AS median,
      (SELECT quantile_cont(lag, 0.9) FROM steps p WHERE p.i = s.i) AS p90
    FROM range(0, 4) s(i) ORDER BY s.i`;
  const result = await db.runAndReadAll(sql);
  return result.getRowObjects().map((row) => ({
    reached: Number(row.reached),
    advanced: Number(row.advanced),
    median: row.median === null ? null : Number(row.median),
    p90: row.p90 === null ? null : Number(row.p90),
  }));
}

const cases: Case[] = [];
for (const sequence of ['lifecycle', 'ordered'] as const) {
  for (const windowMs of [null, 0, 480 * MINUTE, 1440 * MINUTE]) {
    cases.push({ sequence, windowMs, from: T0, to: T0 + 3000 * MINUTE, asOf: T0 + 4000 * MINUTE });
  }
  cases.push({
    sequence,
    windowMs: null,
    from: T0 + 500 * MINUTE,
    to: T0 + 900 * MINUTE,
    asOf: T0 + 1500 * MINUTE,
  });
}

describe('funnelReport equals independent SQL in DuckDB', () => {
  for (const c of cases) {
    it(`${c.sequence}, window ${c.windowMs ?? 'none'}, [${(c.from - T0) / MINUTE}, ${(c.to - T0) / MINUTE}) min, asOf ${(c.asOf - T0) / MINUTE} min`, async () => {
      const want = await duckReport(c);
      const report = funnelReport(log, {
        stages: STAGES,
        outcomes: ['nurture'],
        sequence: c.sequence,
        from: c.from,
        to: c.to,
        asOf: c.asOf,
        ...(c.windowMs === null ? {} : { window: c.windowMs }),
      }) as FunnelCohortReport;
      expect(want[0]!.reached).toBeGreaterThan(50); // the case has data in it
      report.stages.forEach((row, i) => {
        const w = want[i]!;
        expect(row.reached).toBe(w.reached);
        if (i === STAGES.length - 1) return;
        expect(row.advanced).toBe(w.advanced);
        const step = row.timeToNext;
        if (w.median === null) {
          expect(step).toBeNull();
          return;
        }
        expect(step!.count).toBe(w.advanced);
        expect(Math.abs(step!.median - w.median)).toBeLessThanOrEqual(1e-9 * Math.max(1, w.median));
        expect(Math.abs(step!.p90 - w.p90!)).toBeLessThanOrEqual(1e-9 * Math.max(1, w.p90!));
      });
    });
  }
});
