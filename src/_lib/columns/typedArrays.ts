/**
 * Checks of typed-array columns, one monomorphic loop per array type: a
 * single loop shared by `Int32Array` and `Uint8Array` columns runs about
 * twice as slow at 20M rows, because its element loads cannot be
 * specialised. Each check is a tight scan; only on a failure is the first
 * bad cell searched for, to name it.
 */
import { fail } from '../../errors';

/** An integer column: codes or indices. */
export type IndexColumn = Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** Whether `value` is one of the integer typed arrays accepted as a column. */
export function isIndexColumn(value: unknown): value is IndexColumn {
  return (
    value instanceof Int32Array ||
    value instanceof Uint32Array ||
    value instanceof Uint16Array ||
    value instanceof Uint8Array
  );
}

/** An integer typed array of `length` cells (`INVALID_ARGUMENT` naming `path` otherwise). */
export function assertIndexColumn(
  fn: string,
  path: string,
  column: unknown,
  length: number,
): IndexColumn {
  if (!isIndexColumn(column)) fail('INVALID_ARGUMENT', fn, path, column, 'an integer typed array');
  if (column.length !== length) {
    fail('INVALID_ARGUMENT', fn, `${path}.length`, column.length, `${length} (one per row)`);
  }
  return column;
}

/** A `Float64Array` (`INVALID_ARGUMENT` naming `path` otherwise). */
export function assertFloat64Column(fn: string, path: string, column: unknown): Float64Array {
  if (!(column instanceof Float64Array))
    fail('INVALID_ARGUMENT', fn, path, column, 'a Float64Array');
  return column;
}

function maxUint8(column: Uint8Array): number {
  let max = -1;
  for (let i = 0; i < column.length; i++) if (column[i]! > max) max = column[i]!;
  return max;
}

function maxUint16(column: Uint16Array): number {
  let max = -1;
  for (let i = 0; i < column.length; i++) if (column[i]! > max) max = column[i]!;
  return max;
}

function maxUint32(column: Uint32Array): number {
  let max = -1;
  for (let i = 0; i < column.length; i++) if (column[i]! > max) max = column[i]!;
  return max;
}

/** The largest value, or +∞ when some value is negative. */
function maxInt32(column: Int32Array): number {
  let max = -1;
  let min = 0;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x > max) max = x;
    if (x < min) min = x;
  }
  return min < 0 ? Number.POSITIVE_INFINITY : max;
}

/** The largest value of an index column (+∞ when one is negative), −1 when empty. */
export function columnMax(column: IndexColumn): number {
  if (column instanceof Uint8Array) return maxUint8(column);
  if (column instanceof Int32Array) return maxInt32(column);
  if (column instanceof Uint16Array) return maxUint16(column);
  return maxUint32(column);
}

/** The first row whose index is not in [0, limit), or −1. */
export function firstOutOfRange(column: IndexColumn, limit: number): number {
  if (columnMax(column) < limit) return -1;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x < 0 || x >= limit) return i;
  }
  return -1;
}

/**
 * The first row of a table whose instant is outside the supported range
 * (or not finite) or whose index in `a`, `b` or `c` is not below its limit;
 * −1 when every row is good. One pass over the four columns together (the
 * table's checks fused), each read at its own site so that each stays
 * monomorphic; pass `b` again as `c` when there is no third column.
 */
export function firstBadRow(
  at: Float64Array,
  minInstant: number,
  endInstant: number,
  a: IndexColumn,
  aLimit: number,
  b: IndexColumn,
  bLimit: number,
  c: IndexColumn,
  cLimit: number,
): number {
  const n = at.length;
  // Blocks of rows without a branch per row; a failing block is searched.
  for (let from = 0; from < n; from += 4096) {
    const to = Math.min(n, from + 4096);
    let ok = 1;
    for (let i = from; i < to; i++) {
      const t = at[i]!;
      ok &=
        (t >= minInstant ? 1 : 0) &
        (t < endInstant ? 1 : 0) &
        (a[i]! >>> 0 < aLimit ? 1 : 0) &
        (b[i]! >>> 0 < bLimit ? 1 : 0) &
        (c[i]! >>> 0 < cLimit ? 1 : 0);
    }
    if (ok === 1) continue;
    for (let i = from; i < to; i++) {
      const t = at[i]!;
      if (
        !(t >= minInstant && t < endInstant) ||
        a[i]! >>> 0 >= aLimit ||
        b[i]! >>> 0 >= bLimit ||
        c[i]! >>> 0 >= cLimit
      ) {
        return i;
      }
    }
  }
  return -1;
}
