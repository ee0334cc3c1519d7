/** Seeded synthetic data for the benchmarks. */

/** mulberry32: a small, fast, seeded PRNG returning numbers in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The stage names of {@link stageLog}. */
export const LOG_STAGES = ['lead', 'mql', 'sql', 'won'];

/**
 * A seeded stage log of `leads` leads and about 1.4 events each: a quarter
 * of the leads go past the first stage, one in ten of the middle stages is
 * skipped, 2 % of rows are duplicated and one row in twenty is moved out of
 * order. Rows as plain arrays of lead numbers (0 … leads − 1), stage
 * numbers and epoch ms, plus the instant to take as `asOf`.
 */
export function stageLog(leads: number): {
  leadNo: number[];
  stageNo: number[];
  atMs: number[];
  asOf: number;
} {
  const HOUR = 3_600_000;
  const T0 = Date.UTC(2026, 0, 5);
  const rand = random(7);
  const leadNo: number[] = [];
  const stageNo: number[] = [];
  const atMs: number[] = [];
  for (let lead = 0; lead < leads; lead++) {
    let t = T0 + Math.floor(rand() * 24 * 120) * HOUR;
    const depth = rand() < 0.25 ? (rand() < 0.4 ? (rand() < 0.25 ? 4 : 3) : 2) : 1;
    for (let s = 0; s < depth; s++) {
      if (s > 0 && s < depth - 1 && rand() < 0.1) continue; // a skipped stage
      t += Math.floor(rand() * 24 * 10) * HOUR;
      leadNo.push(lead);
      stageNo.push(s);
      atMs.push(t);
      if (rand() < 0.02) {
        leadNo.push(lead); // a duplicate row
        stageNo.push(s);
        atMs.push(t);
      }
    }
  }
  const rows = leadNo.length;
  // Rows out of order: mostly by lead, with one row in twenty moved elsewhere.
  for (let i = 0; i < rows; i++) {
    if (rand() >= 0.05) continue;
    const j = Math.floor(rand() * rows);
    for (const col of [leadNo, stageNo, atMs]) [col[i], col[j]] = [col[j]!, col[i]!];
  }
  return { leadNo, stageNo, atMs, asOf: T0 + 24 * 200 * HOUR };
}

/** A scattered positive integer id per lead number (distinct below 2,000,000,000 leads). */
export function sparseId(lead: number): number {
  return ((lead * 2654435761) % 2_000_000_000) + 1;
}
