/**
 * Lead ids of a whole column interned at once, into dense codes: integer
 * typed arrays through open-addressing tables of codes (no `Map`), string
 * arrays through one `Map` lookup per row, in order of first appearance. Both keep the one id rule: in a column of numbers
 * or a column of strings, equal ids are equal values. A column that mixes
 * numbers and strings (where `42` and `'42'` must meet) goes through
 * `IdIndex` instead.
 */

/** Codes per row and the id of each code. */
export interface InternedIds {
  readonly codes: Int32Array;
  readonly ids: (string | number)[];
}

const EMPTY = -1;

/** A 32-bit hash of a safe integer (both halves mixed). */
function hashOf(v: number): number {
  const low = v | 0;
  const high = v >= 0 && v < 2147483648 ? 0 : Math.floor(v / 4294967296) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return h;
}

/** Rows per partition below which one table for the whole column stays in cache anyway. */
const SMALL = 1 << 15;
const PARTITION_BITS = 8;

/**
 * Interns an integer column; null when some value is not a safe integer
 * (the caller's row-by-row path names it). A large column is interned in
 * 256 partitions by hash: rows are first scattered by the top bits of
 * their hash, then each partition is interned with a table small enough to
 * stay in cache, so that a million distinct ids cost a few passes over
 * memory instead of a cache miss per row. Codes are dense but, across
 * partitions, not in order of first appearance.
 */
export function internIntegers(
  values: Int32Array | Uint32Array | Float64Array,
): InternedIds | null {
  const n = values.length;
  if (values instanceof Float64Array && !allSafeIntegers(values)) return null;
  const codes = new Int32Array(n);
  const ids: number[] = [];
  if (n <= SMALL) {
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    internRows(values, rows, 0, n, codes, ids, new Int32Array(tableSize(n)));
    return { codes, ids };
  }
  // Scatter the rows by the top bits of their hash (a stable counting sort;
  // the hash is computed again rather than kept, to save a column).
  const partitions = 1 << PARTITION_BITS;
  const start = new Int32Array(partitions + 1);
  countPartitions(values, start);
  for (let p = 0; p < partitions; p++) start[p + 1]! += start[p]!;
  const rows = new Int32Array(n);
  scatterRows(values, start, rows);
  let largest = 0;
  for (let p = 0; p < partitions; p++) largest = Math.max(largest, start[p + 1]! - start[p]!);
  const slots = new Int32Array(tableSize(largest));
  for (let p = 0; p < partitions; p++) {
    internRows(values, rows, start[p]!, start[p + 1]!, codes, ids, slots);
  }
  return { codes, ids };
}

/** Whether every value is a safe integer. */
function allSafeIntegers(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isSafeInteger(values[i]!)) return false;
  return true;
}

/** A power of two at least twice `count` (a table at most half full). */
function tableSize(count: number): number {
  let size = 16;
  while (size < 2 * count) size *= 2;
  return size;
}

/** The number of rows per partition, in `counts[p + 1]`. */
function countPartitions(
  values: Int32Array | Uint32Array | Float64Array,
  counts: Int32Array,
): void {
  for (let i = 0; i < values.length; i++)
    counts[(hashOf(values[i]!) >>> (32 - PARTITION_BITS)) + 1]!++;
}

/** Row indices in partition order, rows of one partition in row order. */
function scatterRows(
  values: Int32Array | Uint32Array | Float64Array,
  start: Int32Array,
  rows: Int32Array,
): void {
  const fill = start.slice(0, start.length - 1);
  for (let i = 0; i < values.length; i++) {
    rows[fill[hashOf(values[i]!) >>> (32 - PARTITION_BITS)]!++] = i;
  }
}

/**
 * Interns the rows `rows[from, to)` (one partition, or the whole column)
 * with an open-addressing table of codes (`slots`, cleared here), giving new
 * ids the next codes.
 */
function internRows(
  values: Int32Array | Uint32Array | Float64Array,
  rows: Int32Array,
  from: number,
  to: number,
  codes: Int32Array,
  ids: number[],
  slots: Int32Array,
): void {
  const size = tableSize(to - from);
  const mask = size - 1;
  slots.fill(EMPTY, 0, size);
  for (let k = from; k < to; k++) {
    const row = rows[k]!;
    const v = values[row]!;
    let slot = hashOf(v) & mask;
    for (;;) {
      const code = slots[slot]!;
      if (code === EMPTY) {
        const next = ids.length;
        ids.push(v);
        slots[slot] = next;
        codes[row] = next;
        break;
      }
      if (ids[code] === v) {
        codes[row] = code;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
}

/**
 * Interns a column of strings; null when some value is not a non-empty
 * string (the caller's row-by-row path names it, or handles a mixed column).
 */
export function internStrings(values: readonly unknown[]): InternedIds | null {
  const n = values.length;
  const map = new Map<string, number>();
  const ids: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'string' || v.length === 0) return null;
    let code = map.get(v);
    if (code === undefined) {
      code = ids.length;
      ids.push(v);
      map.set(v, code);
    }
    codes[i] = code;
  }
  return { codes, ids };
}
