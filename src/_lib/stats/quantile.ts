/**
 * Quantile by linear interpolation between order statistics (numpy's default,
 * DuckDB `quantile_cont`, PostgreSQL `percentile_cont`): for n sorted values
 * and q in [0, 1], position h = (n − 1) q, interpolated between the values at
 * ⌊h⌋ and ⌈h⌉. `sorted` must be ascending; `null` when it is empty.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  return a + (sorted[hi]! - a) * (h - lo);
}
