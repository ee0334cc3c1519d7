/** Small timing helpers shared by the benchmarks. */

/** Runs `fn` `runs` times after two warm-up calls; returns each run's time in ms. */
export function timeRuns(runs: number, fn: () => unknown): number[] {
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** Median of a list of numbers (copied before sorting). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Prints a table of median times, each with its ratio to the first row. */
export function report(title: string, rows: readonly { name: string; ms: number }[]): void {
  const base = rows[0]!.ms;
  console.log(`\n${title}`);
  for (const { name, ms } of rows) {
    const ratio = ms / base;
    console.log(
      `  ${name.padEnd(40)} ${ms.toFixed(3).padStart(10)} ms  ${ratio.toFixed(2).padStart(6)}×`,
    );
  }
}

/**
 * Times several functions in interleaved rounds (each round runs every
 * function once, in an order that rotates from round to round), after one
 * warm-up call each, and returns each function's median. On a noisy machine
 * this compares like with like: a slow patch hits every contender.
 */
export function interleaved(
  rounds: number,
  contenders: readonly { name: string; run: () => unknown }[],
): { name: string; ms: number }[] {
  for (const c of contenders) c.run();
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length;
      const start = performance.now();
      contenders[i]!.run();
      times[i]!.push(performance.now() - start);
    }
  }
  return contenders.map((c, i) => ({ name: c.name, ms: median(times[i]!) }));
}

/**
 * {@link interleaved} for contenders that return promises (a database query).
 * A contender timed elsewhere (in another process) resolves to
 * `{ selfTimedMs }`, and that time is taken instead of the round trip.
 */
export async function interleavedAsync(
  rounds: number,
  contenders: readonly { name: string; run: () => unknown }[],
): Promise<{ name: string; ms: number }[]> {
  for (const c of contenders) await c.run();
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length;
      const start = performance.now();
      const result = await contenders[i]!.run();
      const elapsed = performance.now() - start;
      const self =
        typeof result === 'object' && result !== null && 'selfTimedMs' in result
          ? (result as { selfTimedMs: number }).selfTimedMs
          : elapsed;
      times[i]!.push(self);
    }
  }
  return contenders.map((c, i) => ({ name: c.name, ms: median(times[i]!) }));
}
