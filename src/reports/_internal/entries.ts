/**
 * Each lead's entries into the stages, by the sequence rule, as per-lead
 * arrays: one row of `stageCount` cells per lead code. Lifecycle entries
 * need only each lead's first instant per stage, which one pass over the
 * rows scatters into the arrays (no grouping, no sort); ordered entries
 * need each lead's events in time order, so its rows are grouped by lead
 * first. Each pass is its own small function: one hot loop per function.
 */
import { groupByLead } from '../../_lib/columns/groupByLead';
import type { EventColumns } from './events';

/** The entries of the leads of one partition (codes `codeBase … codeBase + count − 1`). */
export interface LeadEntries {
  /**
   * `entries[(lead − codeBase) × S + i]`: epoch ms of the lead's entry into
   * stage i, +∞ when it did not reach it (every cell +∞: no funnel event at
   * or before asOf).
   */
  readonly entries: Float64Array;
  /** 1 when the lead has an event at stage i later than its entry into stage i + 1: it went back. */
  readonly recycled: Uint8Array;
  /**
   * The lead's first-touch segment code (−1 for none): the segment of its
   * earliest event that has one; at equal instants the smaller key, so that
   * row order never matters. Null without segment column.
   */
  readonly segment: Int32Array | null;
  /** The first lead code of the partition. */
  readonly codeBase: number;
  /** The number of lead codes in it. */
  readonly count: number;
}

/**
 * The entries of every lead with events at or before `asOf`, handed over
 * one partition at a time: when the rows come in hash-partition order
 * (sparse ids, interned by partitions), each partition's leads need arrays
 * of their own size only, and stay in cache; otherwise all leads are one
 * partition. The arrays are reused from partition to partition.
 */
export function eachLeadPartition(
  cols: EventColumns,
  asOf: number,
  ordered: boolean,
  stageCount: number,
  visit: (part: LeadEntries) => void,
): void {
  // Both rules take the same range of rows and leads and fill the same arrays.
  const entriesOf = ordered ? groupedEntries : lifecycleEntries;
  const parts = cols.partitions;
  if (parts === null) {
    const leadCount = cols.leadCount;
    const entries = new Float64Array(leadCount * stageCount).fill(Number.POSITIVE_INFINITY);
    const recycled = new Uint8Array(leadCount * stageCount);
    entriesOf(cols, 0, cols.lead.length, 0, leadCount, asOf, stageCount, entries, recycled);
    const segment = segmentsOf(cols, 0, cols.lead.length, 0, leadCount, asOf, null, null);
    visit({ entries, recycled, segment, codeBase: 0, count: leadCount });
    return;
  }
  const partitionCount = parts.rows.length - 1;
  let largest = 0;
  for (let p = 0; p < partitionCount; p++) {
    largest = Math.max(largest, parts.codes[p + 1]! - parts.codes[p]!);
  }
  const entries = new Float64Array(largest * stageCount);
  const recycled = new Uint8Array(largest * stageCount);
  const segmentCodes = cols.segment === null ? null : new Int32Array(largest);
  const segmentAt = cols.segment === null ? null : new Float64Array(largest);
  for (let p = 0; p < partitionCount; p++) {
    const codeBase = parts.codes[p]!;
    const count = parts.codes[p + 1]! - codeBase;
    const rowFrom = parts.rows[p]!;
    const rowTo = parts.rows[p + 1]!;
    entries.fill(Number.POSITIVE_INFINITY, 0, count * stageCount);
    recycled.fill(0, 0, count * stageCount);
    entriesOf(cols, rowFrom, rowTo, codeBase, count, asOf, stageCount, entries, recycled);
    const segment = segmentsOf(
      cols,
      rowFrom,
      rowTo,
      codeBase,
      count,
      asOf,
      segmentCodes,
      segmentAt,
    );
    visit({ entries, recycled, segment, codeBase, count });
  }
}

/** Lifecycle entries of rows `[rowFrom, rowTo)`, whose leads are codes `codeBase …`. */
function lifecycleEntries(
  cols: EventColumns,
  rowFrom: number,
  rowTo: number,
  codeBase: number,
  count: number,
  asOf: number,
  stageCount: number,
  entries: Float64Array,
  recycled: Uint8Array,
): void {
  scatterFirsts(cols, rowFrom, rowTo, codeBase, asOf, stageCount, entries);
  suffixMinima(entries, count, stageCount);
  markRecycled(cols, rowFrom, rowTo, codeBase, asOf, stageCount, entries, recycled);
}

/** First-touch segments of rows `[rowFrom, rowTo)`, in the arrays given or new ones; null without a segment column. */
function segmentsOf(
  cols: EventColumns,
  rowFrom: number,
  rowTo: number,
  codeBase: number,
  count: number,
  asOf: number,
  codes: Int32Array | null,
  at: Float64Array | null,
): Int32Array | null {
  if (cols.segment === null) return null;
  const segment = codes ?? new Int32Array(count);
  const segmentAt = at ?? new Float64Array(count);
  segment.fill(-1, 0, count);
  segmentAt.fill(Number.POSITIVE_INFINITY, 0, count);
  scatterSegments(cols, rowFrom, rowTo, codeBase, asOf, segmentAt, segment);
  return segment;
}

/**
 * Ordered entries of rows `[rowFrom, rowTo)`, whose leads are codes
 * `codeBase … codeBase + count − 1`: each lead's rows grouped (a counting
 * sort over the range alone), walked in time order.
 */
function groupedEntries(
  cols: EventColumns,
  rowFrom: number,
  rowTo: number,
  codeBase: number,
  count: number,
  asOf: number,
  stageCount: number,
  entries: Float64Array,
  recycled: Uint8Array,
): void {
  const lead =
    rowFrom === 0 && rowTo === cols.lead.length && codeBase === 0
      ? cols.lead
      : localCodes(cols.lead, rowFrom, rowTo, codeBase);
  const { start, order } = groupByLead(lead, count, true);
  const entry = new Float64Array(stageCount);
  const last = new Float64Array(stageCount);
  let rows = new Int32Array(16);
  for (let j = 0; j < count; j++) {
    const from = start[j]!;
    const to = start[j + 1]!;
    if (rows.length < to - from) rows = new Int32Array(2 * (to - from));
    let kept = 0;
    for (let k = from; k < to; k++) {
      const row = rowFrom + (order === null ? k : order[k]!);
      if (cols.at[row]! <= asOf && cols.stage[row]! >= 0) rows[kept++] = row;
    }
    if (kept === 0) continue;
    orderedEntries(rows, kept, cols, entry, last);
    const base = j * stageCount;
    for (let i = 0; i < stageCount; i++) {
      const t = entry[i]!;
      if (!Number.isNaN(t)) entries[base + i] = t;
      const next = i + 1 < stageCount ? entry[i + 1]! : Number.NaN;
      recycled[base + i] = !Number.isNaN(next) && last[i]! > next ? 1 : 0;
    }
  }
}

/** The lead codes of rows `[rowFrom, rowTo)` less `codeBase` (a left-out row stays −1). */
function localCodes(
  lead: Int32Array,
  rowFrom: number,
  rowTo: number,
  codeBase: number,
): Int32Array {
  const out = new Int32Array(rowTo - rowFrom);
  for (let k = 0; k < out.length; k++) {
    const j = lead[rowFrom + k]!;
    out[k] = j < 0 ? -1 : j - codeBase;
  }
  return out;
}

/** Segment keys compared as strings compare (UTF-16 code units). */
function before(a: string, b: string): boolean {
  return a < b;
}

/**
 * A lead's entries into the stages by the ordered rule, from its rows
 * `rows[0 … count)` (row indices, funnel stages only, at or before asOf):
 * entry(0) is the first event at stage 0, entry(i + 1) the first event at
 * stage i + 1 at or after entry(i); NaN when not reached. `last[i]` is its
 * latest event at stage i (−∞ for none).
 */
function orderedEntries(
  rows: Int32Array,
  count: number,
  cols: EventColumns,
  entry: Float64Array,
  last: Float64Array,
): void {
  const stageCount = entry.length;
  last.fill(Number.NEGATIVE_INFINITY);
  const { stage, at } = cols;
  for (let k = 0; k < count; k++) {
    const row = rows[k]!;
    const s = stage[row]!;
    if (at[row]! > last[s]!) last[s] = at[row]!;
  }
  // In time order, ties by stage, one walk finds them all (equal instants
  // count as in order).
  sortByTimeThenStage(rows, count, at, stage);
  entry.fill(Number.NaN);
  let next = 0;
  for (let k = 0; k < count && next < stageCount; k++) {
    const row = rows[k]!;
    if (stage[row] === next) {
      entry[next] = at[row]!;
      next++;
    }
  }
}

/** Sorts row indices by (instant, stage); a lead's rows are few, so by insertion, stable. */
function sortByTimeThenStage(
  rows: Int32Array,
  count: number,
  at: Float64Array,
  stage: Int16Array,
): void {
  for (let k = 1; k < count; k++) {
    const row = rows[k]!;
    const t = at[row]!;
    const s = stage[row]!;
    let m = k - 1;
    while (m >= 0) {
      const other = rows[m]!;
      const u = at[other]!;
      if (u < t || (u === t && stage[other]! <= s)) break;
      rows[m + 1] = other;
      m--;
    }
    rows[m + 1] = row;
  }
}

/** Scatters each lead's first instant per stage: `first[lead × S + stage]`. */
function scatterFirsts(
  cols: EventColumns,
  rowFrom: number,
  rowTo: number,
  codeBase: number,
  asOf: number,
  stageCount: number,
  first: Float64Array,
): void {
  const { lead, stage, at } = cols;
  for (let row = rowFrom; row < rowTo; row++) {
    const j = lead[row]!;
    const s = stage[row]!;
    const t = at[row]!;
    if (j < 0 || s < 0 || t > asOf) continue;
    const k = (j - codeBase) * stageCount + s;
    if (t < first[k]!) first[k] = t;
  }
}

/** Turns first instants into lifecycle entries, in place: entry(i) = min over stages ≥ i. */
function suffixMinima(first: Float64Array, leadCount: number, stageCount: number): void {
  for (let j = 0; j < leadCount; j++) {
    const base = j * stageCount;
    let min = Number.POSITIVE_INFINITY;
    for (let i = stageCount - 1; i >= 0; i--) {
      const t = first[base + i]!;
      if (t < min) min = t;
      first[base + i] = min;
    }
  }
}

/** Flags (lead, stage i) when the lead has an event at stage i later than its entry into i + 1. */
function markRecycled(
  cols: EventColumns,
  rowFrom: number,
  rowTo: number,
  codeBase: number,
  asOf: number,
  stageCount: number,
  entries: Float64Array,
  flags: Uint8Array,
): void {
  const { lead, stage, at } = cols;
  for (let row = rowFrom; row < rowTo; row++) {
    const j = lead[row]!;
    const s = stage[row]!;
    const t = at[row]!;
    if (j < 0 || s < 0 || s + 1 >= stageCount || t > asOf) continue;
    const k = (j - codeBase) * stageCount + s;
    if (t > entries[k + 1]!) flags[k] = 1;
  }
}

/** Each lead's first-touch segment: the earliest (instant, key) of its rows that have one. */
function scatterSegments(
  cols: EventColumns,
  rowFrom: number,
  rowTo: number,
  codeBase: number,
  asOf: number,
  segmentAt: Float64Array,
  segmentCode: Int32Array,
): void {
  const { lead, at } = cols;
  const segment = cols.segment!;
  const keys = cols.segments.keys;
  for (let row = rowFrom; row < rowTo; row++) {
    const lead0 = lead[row]!;
    const j = lead0 - codeBase;
    const code = segment[row]!;
    const t = at[row]!;
    if (lead0 < 0 || code < 0 || t > asOf) continue;
    const was = segmentAt[j]!;
    if (
      t < was ||
      (t === was && code !== segmentCode[j] && before(keys[code]!, keys[segmentCode[j]!]!))
    ) {
      segmentAt[j] = t;
      segmentCode[j] = code;
    }
  }
}
