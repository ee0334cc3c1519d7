/** Swaps a[i] and a[j]. */
function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Rearranges a[left..right] so that a[k] is the value a full sort would put
 * there, smaller-or-equal values before it and greater-or-equal after
 * (quickselect with a median-of-three pivot and a three-way partition, so
 * runs of equal values cost one pass). After a budget of partitions
 * proportional to log n, the range left is sorted instead, so no input
 * makes it quadratic. Returns the last index `m ≥ k` such that `a[k … m]`
 * is known to be in sorted order (a run equal to the pivot, or the part
 * sorted at the end), so that a caller needing `a[k + 1]` too can often
 * read it there.
 */
export function selectInPlace(a: Float64Array, k: number, left: number, right: number): number {
  let lo = left;
  let hi = right;
  let budget = 2 * (32 - Math.clz32(right - left + 1)) + 4;
  while (hi > lo) {
    if (budget-- === 0 || hi - lo < 16) {
      a.subarray(lo, hi + 1).sort();
      return hi;
    }
    const mid = lo + ((hi - lo) >>> 1);
    // Median of three as the pivot.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    // Three-way partition: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const x = a[i]!;
      if (x < pivot) swap(a, lt++, i++);
      else if (x > pivot) swap(a, i, gt--);
      else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return gt;
  }
  return k;
}

/**
 * Several quantiles of the first `n` values of `values` at once, by
 * selection instead of a full sort, with linear interpolation between order
 * statistics (numpy's default, DuckDB `quantile_cont`, PostgreSQL
 * `percentile_cont`): position h = (n − 1) p, between ⌊h⌋ and ⌈h⌉. `values` is scratch space: it is reordered.
 * `ps` are in [0, 1], in any order; each result is `null` when n is 0.
 */
export function quantilesInPlace(
  values: Float64Array,
  n: number,
  ps: readonly number[],
): (number | null)[] {
  if (n === 0) return ps.map(() => null);
  const order = ps.map((_, i) => i).sort((i, j) => ps[i]! - ps[j]!);
  const out: (number | null)[] = new Array(ps.length).fill(null);
  // Ascending positions: each selection needs only the part right of the last.
  let left = 0;
  for (const i of order) {
    const h = (n - 1) * ps[i]!;
    const lo = Math.floor(h);
    const sortedTo = selectInPlace(values, lo, left, n - 1);
    left = lo;
    const a = values[lo]!;
    if (lo === h || lo + 1 >= n) {
      out[i] = a;
      continue;
    }
    // The next order statistic: next to lo when the selection left it in
    // order there, else the smallest value right of lo.
    let b = values[lo + 1]!;
    if (lo + 1 > sortedTo) for (let m = lo + 2; m < n; m++) if (values[m]! < b) b = values[m]!;
    out[i] = a + (b - a) * (h - lo);
  }
  return out;
}
