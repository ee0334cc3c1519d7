/**
 * Stage events, as objects or columns, read into one set of columns: a lead
 * code per row (ids interned once, or used as they are when they are
 * already small non-negative integers), a stage code, an instant in epoch
 * ms and, with a segment field, a segment code. Every cell is checked as it
 * is read; a bad row throws naming its index, or, when collecting, is left
 * out (lead code −1) and listed.
 */
import { groupKeyOf, KeyGroups } from '../../_lib/columns/groupByKey';
import { ID_EXPECTED, IdIndex, rowIdKey } from '../../_lib/columns/ids';
import {
  denseRanges,
  internIntegers,
  internStrings,
  PARTITIONED_FROM,
  partitionDense,
} from '../../_lib/columns/internIds';
import { columnMax } from '../../_lib/columns/typedArrays';
import {
  END_INSTANT_MS,
  epochMsOrNaN,
  INSTANT_EXPECTED,
  MIN_INSTANT_MS,
  rowInstant,
  rowObject,
  rowPath,
} from '../../_lib/validate/instants';
import { eachRow, type OnInvalid } from '../../_lib/validate/issues';
import { fail, type LeadMathIssue } from '../../errors';

/** The events as columns, row for row. */
export interface EventColumns {
  /** Lead code per row in [0, leadCount), −1 for a row left out as bad. */
  readonly lead: Int32Array;
  /** Stage code per row: index into `stages`, or −1 for an outcome (not a funnel stage). */
  readonly stage: Int16Array;
  /** Epoch ms per row. */
  readonly at: Float64Array;
  /** Segment code per row in `segments` (−1: no value), or null without a segment field. */
  readonly segment: Int32Array | null;
  /** Keys of the segment codes. */
  readonly segments: KeyGroups;
  /** Number of lead codes. */
  readonly leadCount: number;
  /** The id of each lead code, or null when the codes are the ids themselves. */
  readonly leadIds: ArrayLike<string | number> | null;
  /** The latest instant of a kept row, −∞ when there is none. */
  readonly maxAt: number;
  readonly issues: LeadMathIssue[];
  /**
   * When the rows come in hash-partition order: where each partition's rows
   * and lead codes begin (see `internIntegers`), so that leads can be
   * handled one partition at a time; null otherwise.
   */
  readonly partitions: { readonly rows: Int32Array; readonly codes: Int32Array } | null;
}

/** What reading needs to know. */
export interface ReadEventsOptions {
  readonly stages: readonly string[];
  readonly outcomes: readonly string[];
  /** The event field (or column) holding each event's segment, if any. */
  readonly segmentField: string | undefined;
  readonly onInvalid: OnInvalid;
}

/** A segment value as its key: null for missing, null or empty; a string, number or boolean as a string. */
function segmentKey(fn: string, path: () => string, value: unknown): string | null {
  const key = groupKeyOf(value);
  if (key === undefined) {
    fail('INVALID_ARGUMENT', fn, path(), value, 'a string, number or boolean (or null)');
  }
  return key;
}

/** Stage codes by name: funnel stages 0 … S − 1, outcomes −1. */
function stageCodes(options: ReadEventsOptions): Map<string, number> {
  const codes = new Map<string, number>();
  options.stages.forEach((name, i) => {
    codes.set(name, i);
  });
  for (const name of options.outcomes) codes.set(name, -1);
  return codes;
}

const STAGE_EXPECTED = (options: ReadEventsOptions): string =>
  `one of the stages or outcomes (${[...options.stages, ...options.outcomes].join(', ')})`;

/** Reads event objects `{ leadId, stage, at, ...fields }`. */
export function readEventObjects(
  fn: string,
  list: readonly unknown[],
  options: ReadEventsOptions,
): EventColumns {
  const fast = objectsAsColumns(list, options);
  if (fast !== null) return fast;
  const n = list.length;
  const lead = new Int32Array(n).fill(-1);
  const stage = new Int16Array(n);
  const at = new Float64Array(n);
  const field = options.segmentField;
  const segment = field === undefined ? null : new Int32Array(n);
  const segments = new KeyGroups();
  const ids = new IdIndex();
  const codes = stageCodes(options);
  let maxAt = Number.NEGATIVE_INFINITY;
  const issues = eachRow(n, options.onInvalid, (i) => {
    // Check every cell first, then write: a collected bad row leaves nothing behind.
    const e = rowObject(fn, 'events', i, list[i]);
    const id = e.leadId;
    const isId =
      typeof id === 'string' ? id.length > 0 : typeof id === 'number' && Number.isSafeInteger(id);
    if (!isId) rowIdKey(fn, 'events', i, 'leadId', id); // throws, naming the cell
    const name = e.stage;
    const code = typeof name === 'string' ? codes.get(name) : undefined;
    if (code === undefined) {
      fail('UNKNOWN_STAGE', fn, rowPath('events', i, 'stage'), name, STAGE_EXPECTED(options));
    }
    const t = rowInstant(fn, 'events', i, 'at', e.at);
    const key =
      field === undefined ? null : segmentKey(fn, () => rowPath('events', i, field), e[field]);
    lead[i] = ids.add(id as string | number);
    stage[i] = code;
    at[i] = t;
    if (segment !== null) segment[i] = key === null ? -1 : segments.codeOf(key);
    if (t > maxAt) maxAt = t;
  });
  return {
    lead,
    stage,
    at,
    segment,
    segments,
    leadCount: ids.size,
    leadIds: ids.ids,
    maxAt,
    issues,
    partitions: null,
  };
}

/** A column of `events`, checked to be an array or typed array of `n` cells. */
function column(fn: string, events: Readonly<Record<string, unknown>>, key: string, n: number) {
  const value = events[key];
  const ok =
    Array.isArray(value) ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView) && 'length' in value);
  if (!ok) fail('INVALID_ARGUMENT', fn, `events.${key}`, value, 'an array or a typed array');
  const cells = value as ArrayLike<unknown>;
  if (cells.length !== n) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      `events.${key}`,
      value,
      `a column of ${n} cells, as events.leadId`,
    );
  }
  return cells;
}

/**
 * Integer lead ids that can be used as codes as they are: every id a safe
 * integer in [0, 2n + 1024), so the per-lead arrays stay small. Returns the
 * number of codes, or −1 when the ids must be interned.
 */
function denseIdCount(ids: ArrayLike<unknown>): number {
  const limit = 2 * ids.length + 1024;
  if (ids instanceof Int32Array) return denseInt32(ids, limit);
  if (ids instanceof Uint32Array || ids instanceof Float64Array) return denseNumbers(ids, limit);
  return -1;
}

/** {@link denseIdCount} for `Int32Array` ids: the range alone decides (one loop per type). */
function denseInt32(ids: Int32Array, limit: number): number {
  let max = -1;
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i]!;
    // A negative id reads as 2^32 + v: out of range too. Sparse ids stop here at once.
    if (v >>> 0 >= limit) return -1;
    if (v > max) max = v;
  }
  return max + 1;
}

function denseNumbers(ids: Uint32Array | Float64Array, limit: number): number {
  let max = -1;
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i]!;
    if (!(v >= 0 && v < limit && Number.isInteger(v))) return -1;
    if (v > max) max = v;
  }
  return max + 1;
}

/**
 * Stage codes as funnel stages (codes of outcomes, at `stageCount` and
 * above, as −1), in row order, or each written at `positions[i]` when
 * given: one loop per array type and order.
 */
function stageFromUint8(
  codes: Uint8Array,
  stageCount: number,
  positions: Int32Array | null,
): Int16Array {
  const out = new Int16Array(codes.length);
  if (positions !== null) placeStageUint8(codes, stageCount, positions, out);
  else for (let i = 0; i < codes.length; i++) out[i] = codes[i]! < stageCount ? codes[i]! : -1;
  return out;
}

function placeStageUint8(
  codes: Uint8Array,
  stageCount: number,
  positions: Int32Array,
  out: Int16Array,
): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    out[positions[i]!] = c < stageCount ? c : -1;
  }
}

function stageFromUint16(
  codes: Uint16Array,
  stageCount: number,
  positions: Int32Array | null,
): Int16Array {
  const out = new Int16Array(codes.length);
  if (positions !== null) placeStageUint16(codes, stageCount, positions, out);
  else for (let i = 0; i < codes.length; i++) out[i] = codes[i]! < stageCount ? codes[i]! : -1;
  return out;
}

function placeStageUint16(
  codes: Uint16Array,
  stageCount: number,
  positions: Int32Array,
  out: Int16Array,
): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    out[positions[i]!] = c < stageCount ? c : -1;
  }
}

/** Stage codes from names; false at the first unknown name. */
function stageFromNames(
  names: ArrayLike<unknown>,
  codes: Map<string, number>,
  out: Int16Array,
): boolean {
  for (let i = 0; i < names.length; i++) {
    const code = codes.get(names[i] as string);
    if (code === undefined) return false;
    out[i] = code;
  }
  return true;
}

/** The latest instant of a column of epoch ms (−∞ when empty), NaN when a cell is not a whole ms in range. */
function maxInstant(at: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < at.length; i++) {
    const t = at[i]!;
    if (!(t >= MIN_INSTANT_MS && t < END_INSTANT_MS) || Math.floor(t) !== t) return Number.NaN;
    if (t > max) max = t;
  }
  return max;
}

/**
 * Event objects taken apart into columns in one pass, for the fast column
 * path, when every object is simply good and its ids are all numbers or
 * all strings; null otherwise (the row-by-row path then reads them, naming
 * or collecting the bad ones, and lets `42` meet `'42'`).
 */
function objectsAsColumns(
  list: readonly unknown[],
  options: ReadEventsOptions,
): EventColumns | null {
  const n = list.length;
  const ids: unknown[] = new Array(n);
  const stages: unknown[] = new Array(n);
  const at = new Float64Array(n);
  const field = options.segmentField;
  const segments: unknown[] | null = field === undefined ? null : new Array(n);
  let numbers = 0;
  for (let i = 0; i < n; i++) {
    const e = list[i];
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return null;
    const event = e as Readonly<Record<string, unknown>>;
    const id = event.leadId;
    if (typeof id === 'number') numbers++;
    ids[i] = id;
    stages[i] = event.stage;
    const t = epochMsOrNaN(event.at);
    if (Number.isNaN(t)) return null;
    at[i] = t;
    if (segments !== null) segments[i] = event[field!];
  }
  if (numbers > 0 && numbers < n) return null; // mixed: the one id rule needs IdIndex
  const idColumn = numbers > 0 ? Float64Array.from(ids as number[]) : ids;
  return readGoodColumns(idColumn, stages, at, segments, options);
}

/**
 * The fast path for columns in which every cell is good, as a database or a
 * file reader usually hands them over: each column checked in one tight
 * loop and the ids interned in one pass, with no call per row. Returns null
 * at the first cell that is not simply good (a bad stage code, instant or
 * id, a mixed id column), and the row-by-row path then reads the columns,
 * naming the bad cell or collecting it.
 */
function readGoodColumns(
  ids: ArrayLike<unknown>,
  stages: ArrayLike<unknown>,
  ats: ArrayLike<unknown>,
  segmentColumn: ArrayLike<unknown> | null,
  options: ReadEventsOptions,
): EventColumns | null {
  if (!(ats instanceof Float64Array)) return null;
  const n = ats.length;
  const names = [...options.stages, ...options.outcomes];
  const stageCount = options.stages.length;
  // Stages: codes below the number of names, or names (read into codes here).
  let named: Int16Array | null = null;
  // Stage codes are checked against the names as they are carried, on the
  // path that carries them in one pass; here on every other path.
  const scattered = n > PARTITIONED_FROM && stages instanceof Uint8Array && segmentColumn === null;
  if (stages instanceof Uint8Array || stages instanceof Uint16Array) {
    if (!scattered && columnMax(stages) >= names.length) return null;
  } else {
    named = new Int16Array(n);
    if (!stageFromNames(stages, stageCodes(options), named)) return null;
  }
  // Ids: codes as they are when already dense, else interned once. A large
  // column is put into partitions (by id range, or by hash when interned),
  // and every other column is carried into that order as it is read, so
  // that every later pass over the rows touches one partition's leads at a
  // time (no row index leaves this path: every cell was good).
  let lead: Int32Array;
  let leadCount: number;
  let leadIds: ArrayLike<string | number> | null;
  let positions: Int32Array | null = null;
  let partitions: EventColumns['partitions'] = null;
  const dense = denseIdCount(ids);
  if (dense >= 0) {
    // Read only from here on: an Int32Array is used as it is.
    const codes = ids instanceof Int32Array ? ids : Int32Array.from(ids as ArrayLike<number>);
    leadCount = dense;
    leadIds = null;
    if (scattered) {
      // The usual columns: every one carried into partition order in one pass.
      const { shift, partitions: ranges } = denseRanges(codes, dense);
      const placed = scatterDense(
        codes,
        shift,
        ranges.rows,
        stages as Uint8Array,
        stageCount,
        names.length,
        ats,
      );
      if (placed === null) return null;
      return {
        ...placed,
        segment: null,
        segments: new KeyGroups(),
        leadCount,
        leadIds,
        issues: [],
        partitions: ranges,
      };
    }
    if (n > PARTITIONED_FROM) {
      const placed = partitionDense(codes, dense);
      lead = placed.codes;
      positions = placed.positions;
      partitions = placed.partitions;
    } else {
      lead = codes;
    }
  } else {
    if (scattered && columnMax(stages as Uint8Array) >= names.length) return null;
    const interned =
      ids instanceof Int32Array || ids instanceof Uint32Array || ids instanceof Float64Array
        ? internIntegers(ids)
        : Array.isArray(ids)
          ? internStrings(ids)
          : null;
    if (interned === null) return null;
    lead = interned.codes;
    leadCount = interned.ids.length;
    leadIds = interned.ids;
    positions = interned.positions;
    partitions = interned.partitions;
  }
  // Instants: whole milliseconds in the supported range, checked as they are
  // carried (one pass).
  let at = ats;
  let maxAt: number;
  if (positions === null) {
    maxAt = maxInstant(ats);
  } else {
    at = new Float64Array(n);
    maxAt = placeInstants(ats, positions, at);
  }
  if (Number.isNaN(maxAt)) return null;
  const stage =
    named !== null
      ? positions === null
        ? named
        : placeInt16(named, positions)
      : stages instanceof Uint8Array
        ? stageFromUint8(stages, stageCount, positions)
        : stageFromUint16(stages as Uint16Array, stageCount, positions);
  // Segments: strings, numbers, booleans, or nothing.
  const segments = new KeyGroups();
  let segment: Int32Array | null = null;
  if (segmentColumn !== null) {
    segment = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = groupKeyOf(segmentColumn[i]);
      if (key === undefined) return null;
      segment[positions === null ? i : positions[i]!] = key === null ? -1 : segments.codeOf(key);
    }
  }
  return {
    lead,
    stage,
    at,
    segment,
    segments,
    leadCount,
    leadIds,
    maxAt,
    issues: [],
    partitions,
  };
}

/** `out[positions[i]] = column[i]`: a column carried into another row order. */
function placeInt16(column: Int16Array, positions: Int32Array): Int16Array {
  const out = new Int16Array(positions.length);
  for (let i = 0; i < positions.length; i++) out[positions[i]!] = column[i]!;
  return out;
}

/**
 * Dense ids, `Uint8Array` stage codes and instants carried into the
 * partition order of {@link denseRanges} in one pass, the instants and
 * the codes checked on the way; null at an instant that is not a whole
 * millisecond in the supported range, or a code not below `codeCount`.
 */
function scatterDense(
  ids: Int32Array,
  shift: number,
  start: Int32Array,
  stages: Uint8Array,
  stageCount: number,
  codeCount: number,
  ats: Float64Array,
): { lead: Int32Array; stage: Int16Array; at: Float64Array; maxAt: number } | null {
  const n = ids.length;
  const lead = new Int32Array(n);
  const stage = new Int16Array(n);
  const at = new Float64Array(n);
  const fill = start.slice(0, start.length - 1);
  let maxAt = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = ats[i]!;
    if (!(t >= MIN_INSTANT_MS && t < END_INSTANT_MS) || Math.floor(t) !== t) return null;
    if (t > maxAt) maxAt = t;
    const v = ids[i]!;
    const place = fill[v >>> shift]!++;
    const c = stages[i]!;
    if (c >= codeCount) return null;
    lead[place] = v;
    stage[place] = c < stageCount ? c : -1;
    at[place] = t;
  }
  return { lead, stage, at, maxAt };
}

/** {@link maxInstant} of `at`, each instant written at `out[positions[i]]` as it is checked. */
function placeInstants(at: Float64Array, positions: Int32Array, out: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < at.length; i++) {
    const t = at[i]!;
    if (!(t >= MIN_INSTANT_MS && t < END_INSTANT_MS) || Math.floor(t) !== t) return Number.NaN;
    if (t > max) max = t;
    out[positions[i]!] = t;
  }
  return max;
}

/**
 * Reads columnar events `{ leadId, stage, at, ...columns }`: ids as an
 * integer typed array or an array of ids; stages as `Uint8Array` /
 * `Uint16Array` codes indexing `[...stages, ...outcomes]` or an array of
 * names; instants as a `Float64Array` of epoch ms or an array of instants;
 * the segment column an array of strings (or null).
 */
export function readEventColumns(
  fn: string,
  events: Readonly<Record<string, unknown>>,
  options: ReadEventsOptions,
): EventColumns {
  const leadIdColumn = events.leadId;
  if (!Array.isArray(leadIdColumn) && !ArrayBuffer.isView(leadIdColumn)) {
    fail('INVALID_ARGUMENT', fn, 'events.leadId', leadIdColumn, 'an array or a typed array');
  }
  const n = (leadIdColumn as ArrayLike<unknown>).length;
  const ids = column(fn, events, 'leadId', n);
  const stages = column(fn, events, 'stage', n);
  const ats = column(fn, events, 'at', n);
  const field = options.segmentField;
  const segmentColumn = field === undefined ? null : column(fn, events, field, n);
  const stageByCode = stages instanceof Uint8Array || stages instanceof Uint16Array;
  if (ArrayBuffer.isView(stages) && !stageByCode) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      'events.stage',
      stages,
      'a Uint8Array or Uint16Array of codes, or an array of names',
    );
  }
  if (ArrayBuffer.isView(ats) && !(ats instanceof Float64Array)) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      'events.at',
      ats,
      'a Float64Array of epoch ms, or an array of instants',
    );
  }
  const fast = readGoodColumns(ids, stages, ats, segmentColumn, options);
  if (fast !== null) return fast;
  const names = [...options.stages, ...options.outcomes];
  const stageCount = options.stages.length;
  const codes = stageCodes(options);
  const dense = denseIdCount(ids);
  const index = dense >= 0 ? null : new IdIndex();
  const lead = new Int32Array(n).fill(-1);
  const stage = new Int16Array(n);
  const at = new Float64Array(n);
  const segment = segmentColumn === null ? null : new Int32Array(n);
  const segments = new KeyGroups();
  let maxAt = Number.NEGATIVE_INFINITY;
  const issues = eachRow(n, options.onInvalid, (i) => {
    const id = ids[i];
    if (index !== null && index.find(id) === -2) {
      fail('INVALID_ARGUMENT', fn, `events.leadId[${i}]`, id, ID_EXPECTED);
    }
    const s = stages[i];
    let code: number | undefined;
    if (stageByCode) {
      const c = s as number;
      if (c >= names.length) {
        fail(
          'UNKNOWN_STAGE',
          fn,
          `events.stage[${i}]`,
          s,
          `a code below ${names.length} (${names.join(', ')})`,
        );
      }
      code = c < stageCount ? c : -1;
    } else {
      code = typeof s === 'string' ? codes.get(s) : undefined;
      if (code === undefined) {
        fail('UNKNOWN_STAGE', fn, `events.stage[${i}]`, s, STAGE_EXPECTED(options));
      }
    }
    const raw = ats[i];
    const t = epochMsOrNaN(raw);
    if (Number.isNaN(t)) fail('INVALID_DATE', fn, `events.at[${i}]`, raw, INSTANT_EXPECTED);
    const key =
      segmentColumn === null
        ? null
        : segmentKey(fn, () => `events.${field}[${i}]`, segmentColumn[i]);
    lead[i] = index === null ? (id as number) : index.add(id as string | number);
    stage[i] = code;
    at[i] = t;
    if (segment !== null) segment[i] = key === null ? -1 : segments.codeOf(key);
    if (t > maxAt) maxAt = t;
  });
  return {
    lead,
    stage,
    at,
    segment,
    segments,
    leadCount: index === null ? dense : index.size,
    leadIds: index === null ? null : index.ids,
    maxAt,
    issues,
    partitions: null,
  };
}
