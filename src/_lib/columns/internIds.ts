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
  /** The code of each row, or, when `positions` is not null, of row i at `positions[i]`. */
  readonly codes: Int32Array;
  /**
   * The id of each code: for integer columns a typed array of the column's
   * own type (no array of numbers is built), for a large column a view of
   * the same buffer the rows were sorted into (no second copy).
   */
  readonly ids: ArrayLike<string | number>;
  /**
   * For a column interned by partitions: each row's place in partition
   * order (each partition's rows in row order), so that a caller can carry
   * its other columns into that order (`out[positions[i]] = column[i]`: a
   * sequential read and 256 streams of writes) and find each lead's rows
   * close together.
   */
  readonly positions: Int32Array | null;
  /**
   * With `positions`: where each partition's rows begin in partition order
   * (`rows[p] … rows[p + 1]`), and where its codes begin (`codes[p] …
   * codes[p + 1]`): a partition's rows carry only its own codes.
   */
  readonly partitions: { readonly rows: Int32Array; readonly codes: Int32Array } | null;
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

/** Rows up to which one table for the whole column stays in cache anyway: no partitions. */
const SMALL = 1 << 15;
/** Columns longer than this are put into partitions (see {@link internIntegers}, {@link partitionDense}). */
export const PARTITIONED_FROM = SMALL;
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
  if (n <= SMALL) {
    const keys = emptyLike(values, n);
    const count = internRows(values, 0, n, codes, keys, 0, new Int32Array(tableSize(n)));
    return { codes, ids: keys.subarray(0, count), positions: null, partitions: null };
  }
  // Scatter the rows by the top bits of their hash (a stable counting sort;
  // the hash is computed again rather than kept, to save a column).
  const partitions = 1 << PARTITION_BITS;
  const start = new Int32Array(partitions + 1);
  countPartitions(values, start);
  for (let p = 0; p < partitions; p++) start[p + 1]! += start[p]!;
  // The values themselves are scattered, so that each partition is then
  // read in one sequential run.
  const positions = new Int32Array(n);
  const sorted = emptyLike(values, n);
  scatterRows(values, start, positions, sorted);
  let largest = 0;
  for (let p = 0; p < partitions; p++) largest = Math.max(largest, start[p + 1]! - start[p]!);
  const slots = new Int32Array(tableSize(largest));
  const codeStart = new Int32Array(partitions + 1);
  let count = 0;
  // The ids are written over the sorted rows already read: a new id gets
  // code `count`, and fewer codes than rows have been given before any row.
  for (let p = 0; p < partitions; p++) {
    codeStart[p] = count;
    count = internRows(sorted, start[p]!, start[p + 1]!, codes, sorted, count, slots);
  }
  codeStart[partitions] = count;
  return {
    codes,
    ids: sorted.subarray(0, count),
    positions,
    partitions: { rows: start, codes: codeStart },
  };
}

/** A zeroed typed array of the same type as `values`. */
function emptyLike(
  values: Int32Array | Uint32Array | Float64Array,
  n: number,
): Int32Array | Uint32Array | Float64Array {
  return values instanceof Float64Array
    ? new Float64Array(n)
    : values instanceof Uint32Array
      ? new Uint32Array(n)
      : new Int32Array(n);
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

/** Each row's place in partition order, and the values in that order. */
function scatterRows(
  values: Int32Array | Uint32Array | Float64Array,
  start: Int32Array,
  positions: Int32Array,
  sorted: Int32Array | Uint32Array | Float64Array,
): void {
  const fill = start.slice(0, start.length - 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const place = fill[hashOf(v) >>> (32 - PARTITION_BITS)]!++;
    positions[i] = place;
    sorted[place] = v;
  }
}

/**
 * Interns `values[from, to)` (one partition, or the whole column) with an
 * open-addressing table of codes (`slots`, cleared here), giving new ids
 * the next codes: the code of `values[k]` goes to `codes[k]`, and each new
 * id to `keys[code]` (a typed array: no boxing, no growth; it may be
 * `values` itself, as a code never exceeds its row). Returns the number of
 * codes given so far.
 */
function internRows(
  values: Int32Array | Uint32Array | Float64Array,
  from: number,
  to: number,
  codes: Int32Array,
  keys: Int32Array | Uint32Array | Float64Array,
  count: number,
  slots: Int32Array,
): number {
  const size = tableSize(to - from);
  const mask = size - 1;
  slots.fill(EMPTY, 0, size);
  let next = count;
  for (let k = from; k < to; k++) {
    const v = values[k]!;
    let slot = hashOf(v) & mask;
    for (;;) {
      const code = slots[slot]!;
      if (code === EMPTY) {
        keys[next] = v;
        slots[slot] = next;
        codes[k] = next++;
        break;
      }
      if (keys[code] === v) {
        codes[k] = code;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return next;
}

/**
 * A 32-bit hash of a string's UTF-16 code units: FNV-1a over pairs of code
 * units (half the multiplications of one per unit), the length mixed in,
 * then a final avalanche so that the top bits (the partition) and the low
 * bits (the slot) both depend on every unit.
 */
export function hashString(v: string): number {
  const n = v.length;
  let h = (0x811c9dc5 ^ n) | 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    h = Math.imul(h ^ (v.charCodeAt(i) | (v.charCodeAt(i + 1) << 16)), 0x01000193);
  }
  if (i < n) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return Math.imul(h, 0x846ca68b);
}

/**
 * Interns a column of strings; null when some value is not a non-empty
 * string (the caller's row-by-row path names it, or handles a mixed column).
 * A large column is interned by hash partitions, as integers are, each
 * string hashed once. A row whose id equals the row before it (a lead's
 * rows exported together, a duplicated row) is found by comparing it with
 * that row while both are in cache: it is not hashed, and takes the code
 * of the row before it without a table lookup (in partition order that row
 * comes right before it too, as both are in the same partition and the
 * scatter keeps row order).
 */
export function internStrings(values: readonly unknown[]): InternedIds | null {
  const n = values.length;
  const hashes = new Int32Array(n);
  const repeats = new Uint8Array(n);
  const partitions = 1 << PARTITION_BITS;
  const start = new Int32Array(partitions + 1);
  if (!hashStrings(values, hashes, repeats, start)) return null;
  const codes = new Int32Array(n);
  if (n <= SMALL) {
    const ids: string[] = [];
    const size = tableSize(n);
    const count = internStringRows(values as readonly string[], hashes, repeats, 0, n, {
      codes,
      keys: ids,
      count: 0,
      slots: new Int32Array(size),
      slotHashes: new Int32Array(size),
    });
    ids.length = count;
    return { codes, ids, positions: null, partitions: null };
  }
  for (let p = 0; p < partitions; p++) start[p + 1]! += start[p]!;
  const positions = new Int32Array(n);
  const sorted: string[] = new Array(n);
  const sortedHashes = new Int32Array(n);
  const sortedRepeats = new Uint8Array(n);
  scatterStrings(values as readonly string[], hashes, repeats, start, positions, {
    sorted,
    hashes: sortedHashes,
    repeats: sortedRepeats,
  });
  let largest = 0;
  for (let p = 0; p < partitions; p++) largest = Math.max(largest, start[p + 1]! - start[p]!);
  const size = tableSize(largest);
  // As for integers, the ids are written over the sorted rows already read.
  const table = {
    codes,
    keys: sorted,
    count: 0,
    slots: new Int32Array(size),
    slotHashes: new Int32Array(size),
  };
  const codeStart = new Int32Array(partitions + 1);
  for (let p = 0; p < partitions; p++) {
    codeStart[p] = table.count;
    table.count = internStringRows(
      sorted,
      sortedHashes,
      sortedRepeats,
      start[p]!,
      start[p + 1]!,
      table,
    );
  }
  codeStart[partitions] = table.count;
  sorted.length = table.count;
  return { codes, ids: sorted, positions, partitions: { rows: start, codes: codeStart } };
}

/**
 * Each string's hash, whether it repeats the row before it (then with that
 * row's hash), and the rows per partition (`counts[p + 1]`); false when a
 * value is not a non-empty string.
 */
function hashStrings(
  values: readonly unknown[],
  hashes: Int32Array,
  repeats: Uint8Array,
  counts: Int32Array,
): boolean {
  let previous: unknown;
  let h = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // `previous` is a string already checked (never at row 0).
    if (i > 0 && v === previous) {
      repeats[i] = 1;
    } else {
      if (typeof v !== 'string' || v.length === 0) return false;
      h = hashString(v);
      previous = v;
    }
    hashes[i] = h;
    counts[(h >>> (32 - PARTITION_BITS)) + 1]!++;
  }
  return true;
}

/** Each row's place in partition order, and the strings, hashes and repeat flags in that order. */
function scatterStrings(
  values: readonly string[],
  hashes: Int32Array,
  repeats: Uint8Array,
  start: Int32Array,
  positions: Int32Array,
  out: { readonly sorted: string[]; readonly hashes: Int32Array; readonly repeats: Uint8Array },
): void {
  const fill = start.slice(0, start.length - 1);
  const { sorted, hashes: sortedHashes, repeats: sortedRepeats } = out;
  for (let i = 0; i < values.length; i++) {
    const h = hashes[i]!;
    const place = fill[h >>> (32 - PARTITION_BITS)]!++;
    positions[i] = place;
    sorted[place] = values[i]!;
    sortedHashes[place] = h;
    sortedRepeats[place] = repeats[i]!;
  }
}

/** The state of interning strings, carried from partition to partition. */
interface StringTable {
  /** The code of each row (in the order interned). */
  readonly codes: Int32Array;
  /** The id of each code, written as codes are given. */
  readonly keys: string[];
  /** The number of codes given before this partition. */
  count: number;
  /** Open-addressing slots of codes, and each slot's hash (cleared per partition). */
  readonly slots: Int32Array;
  readonly slotHashes: Int32Array;
}

/**
 * {@link internRows} for strings, with their hashes computed once; a slot
 * keeps its string's hash next to its code, so that a probe reads another
 * string only when the hashes agree, and a row that repeats the row before
 * it takes that row's code. Returns the number of codes given so far.
 */
function internStringRows(
  values: readonly string[],
  hashes: Int32Array,
  repeats: Uint8Array,
  from: number,
  to: number,
  table: StringTable,
): number {
  const { codes, keys, slots, slotHashes } = table;
  const size = tableSize(to - from);
  const mask = size - 1;
  slots.fill(EMPTY, 0, size);
  let next = table.count;
  for (let k = from; k < to; k++) {
    if (repeats[k] === 1) {
      codes[k] = codes[k - 1]!;
      continue;
    }
    const v = values[k]!;
    const h = hashes[k]!;
    let slot = h & mask;
    for (;;) {
      const code = slots[slot]!;
      if (code === EMPTY) {
        keys[next] = v;
        slots[slot] = next;
        slotHashes[slot] = h;
        codes[k] = next++;
        break;
      }
      if (slotHashes[slot] === h && keys[code] === v) {
        codes[k] = code;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return next;
}

/** Rows of a column of dense ids put into partitions by id range. */
export interface DensePartitions {
  /** The id (the code) of each row in partition order. */
  readonly codes: Int32Array;
  /** Each row's place in partition order (see {@link InternedIds.positions}). */
  readonly positions: Int32Array;
  /** Where each partition's rows and codes begin (see {@link InternedIds.partitions}). */
  readonly partitions: { readonly rows: Int32Array; readonly codes: Int32Array };
}

/**
 * Puts the rows of a column of ids already dense (`0 … count − 1`) into at
 * most 256 partitions of consecutive ids, by a stable counting sort: the
 * same order as {@link internIntegers} gives sparse ids, without a hash,
 * so that per-lead arrays can be made one partition at a time. Every value
 * must be in `[0, count)` (the caller has checked).
 */
export function partitionDense(values: Int32Array, count: number): DensePartitions {
  const n = values.length;
  const { shift, partitions } = denseRanges(values, count);
  const positions = new Int32Array(n);
  const codes = new Int32Array(n);
  scatterRanges(values, shift, partitions.rows, positions, codes);
  return { codes, positions, partitions };
}

/**
 * The ranges of {@link partitionDense} without moving any row: each
 * partition holds ids `codes[p] … codes[p + 1] − 1`, which are
 * `id >>> shift === p`, and where its rows begin in partition order
 * (`rows`), for a caller that carries its columns into that order itself.
 */
export function denseRanges(
  values: Int32Array,
  count: number,
): { readonly shift: number; readonly partitions: DensePartitions['partitions'] } {
  let shift = 0;
  while (count > 2 ** (shift + PARTITION_BITS)) shift++;
  const partitions = Math.max(1, Math.ceil(count / 2 ** shift));
  const start = new Int32Array(partitions + 1);
  countRanges(values, shift, start);
  for (let p = 0; p < partitions; p++) start[p + 1]! += start[p]!;
  const codeStart = new Int32Array(partitions + 1);
  for (let p = 0; p <= partitions; p++) codeStart[p] = Math.min(p * 2 ** shift, count);
  return { shift, partitions: { rows: start, codes: codeStart } };
}

/** The number of rows per id range, in `counts[p + 1]`. */
function countRanges(values: Int32Array, shift: number, counts: Int32Array): void {
  for (let i = 0; i < values.length; i++) counts[(values[i]! >>> shift) + 1]!++;
}

/** Each row's place in range order, and the ids in that order. */
function scatterRanges(
  values: Int32Array,
  shift: number,
  start: Int32Array,
  positions: Int32Array,
  sorted: Int32Array,
): void {
  const fill = start.slice(0, start.length - 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const place = fill[v >>> shift]!++;
    positions[i] = place;
    sorted[place] = v;
  }
}
