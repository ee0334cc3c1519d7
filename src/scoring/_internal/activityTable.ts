import { toEpochMs } from '../../_lib/validate/instants';
import { RowIssues } from '../../_lib/validate/issues';
import { assertKnownKeys, readFields } from '../../_lib/validate/options';
import { assertArray, assertNonEmptyString, assertObject, fail } from '../../errors';
import type { ColumnarActivities, PropertyColumn } from '../columnarActivities';
import type { Condition } from '../model';
import { compileCondition, leafTest } from './conditions';
import type { ActivityTable } from './engine';

/**
 * Builds a table from activity objects, validating each one. `leadOf` maps an
 * activity (and its index) to a lead index, or −1 to skip it.
 */
export function tableFromObjects(
  fn: string,
  path: string,
  value: unknown,
  leadOf: (activity: Readonly<Record<string, unknown>>, index: number) => number,
  rows: RowIssues = new RowIssues('throw'),
): ActivityTable {
  const items = assertArray(fn, path, value);
  const count = items.length;
  const lead = new Int32Array(count);
  const type = new Uint32Array(count);
  const at = new Float64Array(count);
  const properties = new Array<unknown>(count);
  const codes = new Map<string, number>();
  const types: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.read(i, () => {
      const activity = assertObject(fn, `${path}[${i}]`, items[i]);
      const name = assertNonEmptyString(fn, `${path}[${i}].type`, activity.type);
      const time = toEpochMs(fn, `${path}[${i}].at`, activity.at);
      const props = activity.properties;
      if (props !== undefined) assertObject(fn, `${path}[${i}].properties`, props);
      return { name, time, props, leadIndex: leadOf(activity, i) };
    });
    if (row === undefined) {
      lead[i] = -1; // a collected bad row: belongs to no lead
      continue;
    }
    let code = codes.get(row.name);
    if (code === undefined) {
      code = types.length;
      codes.set(row.name, code);
      types.push(row.name);
    }
    type[i] = code;
    at[i] = row.time;
    properties[i] = row.props;
    lead[i] = row.leadIndex;
  }
  return {
    count,
    lead,
    type,
    types,
    at,
    where: (condition) => {
      const test = compileCondition(condition);
      return (row) => test(properties[row]);
    },
  };
}

/** Whether an activities argument is columnar rather than an array of objects. */
export function isColumnar(value: unknown): value is ColumnarActivities {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'leadIndex' in value
  );
}

function assertIndexColumn(
  fn: string,
  path: string,
  column: unknown,
  length: number,
): ArrayLike<number> {
  const ok =
    column instanceof Int32Array ||
    column instanceof Uint32Array ||
    column instanceof Uint16Array ||
    column instanceof Uint8Array;
  if (!ok) fail('INVALID_ARGUMENT', fn, path, column, 'an integer typed array');
  if (column.length !== length) {
    fail('INVALID_ARGUMENT', fn, `${path}.length`, column.length, `${length} (one per row)`);
  }
  return column;
}

/*
 * The largest value of an index column (and −1 for a negative one). One loop
 * per common array type keeps each loop monomorphic: a single loop shared by
 * Int32Array and Uint8Array columns runs about twice as slow at 20M rows.
 */
function maxUint8(column: Uint8Array): number {
  let max = -1;
  for (let i = 0; i < column.length; i++) if (column[i]! > max) max = column[i]!;
  return max;
}

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

function maxOther(column: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < column.length; i++) if (column[i]! > max) max = column[i]!;
  return max;
}

/** Checks every index of a column is in [0, limit), naming the first that is not. */
function checkRange(
  fn: string,
  path: string,
  column: ArrayLike<number>,
  limit: number,
  limitName: string,
): void {
  const max =
    column instanceof Uint8Array
      ? maxUint8(column)
      : column instanceof Int32Array
        ? maxInt32(column)
        : maxOther(column);
  if (max < limit) return;
  for (let i = 0; i < column.length; i++) {
    const x = column[i]!;
    if (x < 0 || x >= limit) {
      fail('INVALID_ARGUMENT', fn, `${path}[${i}]`, x, `an index below ${limitName} (${limit})`);
    }
  }
}

/** Validates columnar activities once (O(rows)) and wraps them as a table. */
export function tableFromColumns(
  fn: string,
  path: string,
  value: ColumnarActivities,
  leadCount: number,
): ActivityTable {
  assertKnownKeys(fn, `${path}.`, value as unknown as Readonly<Record<string, unknown>>, [
    'leadIndex',
    'type',
    'types',
    'at',
    'properties',
  ]);
  const at = value.at;
  if (!(at instanceof Float64Array))
    fail('INVALID_ARGUMENT', fn, `${path}.at`, at, 'a Float64Array');
  const count = at.length;
  const types = assertArray(fn, `${path}.types`, value.types) as readonly string[];
  const seenTypes = new Set<string>();
  types.forEach((name, i) => {
    assertNonEmptyString(fn, `${path}.types[${i}]`, name);
    if (seenTypes.has(name))
      fail('INVALID_ARGUMENT', fn, `${path}.types[${i}]`, name, 'a type not listed before');
    seenTypes.add(name);
  });
  const leadIndex = assertIndexColumn(fn, `${path}.leadIndex`, value.leadIndex, count);
  const type = assertIndexColumn(fn, `${path}.type`, value.type, count);
  const columns =
    value.properties === undefined ? {} : assertObject(fn, `${path}.properties`, value.properties);
  const propertyCodes: { codes: ArrayLike<number>; limit: number; name: string }[] = [];
  for (const [name, raw] of Object.entries(columns)) {
    const column = readFields(fn, raw, ['codes', 'values'], `${path}.properties.${name}`);
    const values = assertArray(fn, `${path}.properties.${name}.values`, column.values);
    const codes = assertIndexColumn(fn, `${path}.properties.${name}.codes`, column.codes, count);
    propertyCodes.push({ codes, limit: values.length, name });
  }
  // Tight scans: the range of each index column, and whether any instant is
  // NaN or infinite (x × 0 is NaN exactly then). Only on a failure is the
  // first bad cell searched for, to name it.
  let poison = 0;
  for (let i = 0; i < count; i++) poison += at[i]! * 0;
  if (poison !== 0) {
    const bad = at.findIndex((x) => !Number.isFinite(x));
    fail('INVALID_DATE', fn, `${path}.at[${bad}]`, at[bad], 'finite epoch milliseconds');
  }
  checkRange(fn, `${path}.leadIndex`, leadIndex, leadCount, 'leads.length');
  checkRange(fn, `${path}.type`, type, types.length, 'types.length');
  for (const { codes, limit, name } of propertyCodes) {
    checkRange(fn, `${path}.properties.${name}.codes`, codes, limit, 'values.length');
  }
  const lead = leadIndex instanceof Int32Array ? leadIndex : Int32Array.from(leadIndex);
  // Own columns only: a field named `constructor` is not Object.prototype's.
  const table = new Map<string, PropertyColumn>(
    Object.entries(columns as Record<string, PropertyColumn>),
  );
  /** Leaf truth per distinct value of its column (a constant without the column). */
  const leafTruth = (leaf: Condition & { readonly field: string }) => {
    const test = leafTest(leaf);
    const column = table.get(leaf.field);
    return column === undefined
      ? { constant: test(undefined), truth: null, codes: null }
      : {
          constant: false,
          truth: Uint8Array.from(column.values, (v) => (test(v) ? 1 : 0)),
          codes: column.codes,
        };
  };
  const whereRows = (condition: Condition): Uint8Array => {
    if ('all' in condition || 'any' in condition) {
      const parts = ('all' in condition ? condition.all : condition.any).map(whereRows);
      const out = parts[0]!.slice();
      const isAll = 'all' in condition;
      for (const part of parts.slice(1)) {
        for (let i = 0; i < count; i++) out[i] = isAll ? out[i]! & part[i]! : out[i]! | part[i]!;
      }
      return out;
    }
    if ('not' in condition) {
      const out = whereRows(condition.not);
      for (let i = 0; i < count; i++) out[i] = out[i]! ^ 1;
      return out;
    }
    const { constant, truth, codes } = leafTruth(condition);
    const out = new Uint8Array(count);
    if (truth === null || codes === null) return out.fill(constant ? 1 : 0);
    for (let i = 0; i < count; i++) out[i] = truth[codes[i]!]!;
    return out;
  };
  return {
    count,
    lead,
    type,
    types,
    at,
    whereRows,
    column: (field) => table.get(field),
  };
}
