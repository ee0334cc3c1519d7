/** Small timing helpers shared by the benchmarks. */
// @ts-nocheck


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
      `  ${name.padEnd(40)} ${ms.toFixed(3).padStart(10)} ms  ${ratio.toFixed(1).padStart(6)}×`,
    );
  }
}
