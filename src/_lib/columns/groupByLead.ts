/**
 * Rows grouped by lead, each lead's rows in time order (ties in row order):
 * lead j's rows are `order[start[j]] … order[start[j + 1] − 1]`, or, when
 * `order` is null, rows `start[j] … start[j + 1] − 1` themselves, because
 * the input was already grouped that way (the usual export order). The
 * choice is made by one scan before anything is grouped, so callers never
 * start over.
 */
export interface LeadGroups {
  /** `start[j]`: where lead j's rows begin; `start[leadCount]` the number of rows kept. */
  readonly start: Int32Array;
  /** Row indices in group order, or null when rows are already in that order. */
  readonly order: Int32Array | null;
}

/**
 * Groups rows by lead with a stable counting sort (O(rows + leads)), then
 * sorts each lead's rows by instant where they are not already in order.
 * `lead[i]` is the lead index of row i in [0, leadCount), or −1 for a row
 * to leave out.
 */
export function groupByLead(lead: Int32Array, leadCount: number, at: Float64Array): LeadGroups {
  const rows = lead.length;
  const start = new Int32Array(leadCount + 1);
  // One scan: are rows already grouped by ascending lead, in time order?
  let grouped = true;
  let previous = -1;
  for (let i = 0; i < rows; i++) {
    const j = lead[i]!;
    if (j < 0) {
      grouped = false;
      continue;
    }
    start[j + 1]!++;
    if (j < previous || (j === previous && at[i]! < at[i - 1]!)) grouped = false;
    previous = j;
  }
  for (let j = 0; j < leadCount; j++) start[j + 1]! += start[j]!;
  if (grouped) return { start, order: null };
  const order = new Int32Array(start[leadCount]!);
  const fill = start.slice(0, leadCount);
  for (let i = 0; i < rows; i++) {
    const j = lead[i]!;
    if (j >= 0) order[fill[j]!++] = i;
  }
  for (let j = 0; j < leadCount; j++) sortRowsByTime(order, start[j]!, start[j + 1]!, at);
  return { start, order };
}

/**
 * Sorts order[from, to) by instant, ties in row order. Runs already in
 * order, the usual case, cost one pass; short runs are sorted by insertion,
 * long ones by a comparison sort.
 */
function sortRowsByTime(order: Int32Array, from: number, to: number, at: Float64Array): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) sorted = at[order[k]!]! >= at[order[k - 1]!]!;
  if (sorted) return;
  if (to - from <= 32) {
    for (let k = from + 1; k < to; k++) {
      const row = order[k]!;
      const t = at[row]!;
      let m = k - 1;
      // Rows arrive in ascending row order, so moving only past later
      // instants keeps ties in row order.
      while (m >= from && at[order[m]!]! > t) {
        order[m + 1] = order[m]!;
        m--;
      }
      order[m + 1] = row;
    }
    return;
  }
  const part = Array.from(order.subarray(from, to)).sort((a, b) => at[a]! - at[b]! || a - b);
  order.set(part, from);
}
