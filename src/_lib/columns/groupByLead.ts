/**
 * Rows grouped by lead: lead j's rows are `order[start[j]] …
 * order[start[j + 1] − 1]`, in row order, or, when `order` is null, rows
 * `start[j] … start[j + 1] − 1` themselves, because the input was already
 * grouped by ascending lead (the usual export order). The choice is made by
 * one scan of the lead column before anything is grouped, so callers never
 * start over. Ordering each lead's rows in time is the caller's (see
 * {@link sortRowsByTime}): it touches only one lead's rows at a time.
 */
export interface LeadGroups {
  /** `start[j]`: where lead j's rows begin; `start[leadCount]` the number of rows kept. */
  readonly start: Int32Array;
  /** Row indices in group order, or null when rows are already in that order. */
  readonly order: Int32Array | null;
  /** The first row whose lead is out of range (−1 counts as out unless skipping is allowed), or −1. */
  readonly bad: number;
}

/**
 * Groups rows by lead with a stable counting sort (O(rows + leads)).
 * `lead[i]` is the lead index of row i in [0, leadCount), or, with
 * `skips`, −1 for a row to leave out. The one scan also checks the range:
 * on a row out of it, nothing is grouped and `bad` names the row.
 */
export function groupByLead(lead: Int32Array, leadCount: number, skips: boolean): LeadGroups {
  const rows = lead.length;
  const start = new Int32Array(leadCount + 1);
  // One scan: counts per lead, and whether leads already ascend. Runs of one
  // lead are counted by their length, not one increment per row.
  let grouped = true;
  let previous = -1;
  let i = 0;
  while (i < rows) {
    const j = lead[i]!;
    if (j < 0 || j >= leadCount) {
      if (j === -1 && skips) {
        grouped = false;
        i++;
        continue;
      }
      return { start, order: null, bad: i };
    }
    let end = i + 1;
    while (end < rows && lead[end] === j) end++;
    start[j + 1]! += end - i;
    if (j < previous) grouped = false;
    previous = j;
    i = end;
  }
  for (let j = 0; j < leadCount; j++) start[j + 1]! += start[j]!;
  if (grouped) return { start, order: null, bad: -1 };
  const order = new Int32Array(start[leadCount]!);
  const fill = start.slice(0, leadCount);
  for (let i = 0; i < rows; i++) {
    const j = lead[i]!;
    if (j >= 0) order[fill[j]!++] = i;
  }
  return { start, order, bad: -1 };
}

/**
 * Sorts `rows[from, to)` (row indices, ascending) by `at[row]`, ties in row
 * order. Runs already in order, the usual case, cost one pass; short runs
 * are sorted by insertion, long ones by a comparison sort.
 */
export function sortRowsByTime(
  rows: Int32Array,
  from: number,
  to: number,
  at: ArrayLike<number>,
): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) sorted = at[rows[k]!]! >= at[rows[k - 1]!]!;
  if (sorted) return;
  if (to - from <= 32) {
    for (let k = from + 1; k < to; k++) {
      const row = rows[k]!;
      const t = at[row]!;
      let m = k - 1;
      // Moving only past later instants keeps ties in row order.
      while (m >= from && at[rows[m]!]! > t) {
        rows[m + 1] = rows[m]!;
        m--;
      }
      rows[m + 1] = row;
    }
    return;
  }
  const part = Array.from(rows.subarray(from, to)).sort((a, b) => at[a]! - at[b]! || a - b);
  rows.set(part, from);
}
