import {
  assertFloat64Column,
  assertIndexColumn,
  firstBadRow,
  firstOutOfRange,
  type IndexColumn,
} from '../../_lib/columns/typedArrays';
import {
  END_INSTANT_MS,
  INSTANT_EXPECTED,
  inSupportedRange,
  MIN_INSTANT_MS,
  rowObject,
  toEpochMs,
} from '../../_lib/validate/instants';
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
      const activity = rowObject(fn, path, i, items[i]);
      const name = assertNonEmptyString(fn, `${path}[${i}].type`, activity.type);
      const time = toEpochMs(fn, `${path}[${i}].at`, activity.at);
      const props = activity.properties;
      if (props !== undefined) rowObject(fn, path, i, props, 'properties');
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
    checked: true,
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

/** Validates columnar activities once (O(rows)) and wraps them as a table. */
export function tableFromColumns(
  fn: string,
  path: string,
  value: ColumnarActivities,
  leadCount: number,
  rows: RowIssues = new RowIssues('throw'),
): ActivityTable {
  assertKnownKeys(fn, `${path}.`, value as unknown as Readonly<Record<string, unknown>>, [
    'leadIndex',
    'type',
    'types',
    'at',
    'properties',
  ]);
  const at = assertFloat64Column(fn, `${path}.at`, value.at);
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
  const propertyCodes: { codes: IndexColumn; limit: number; name: string }[] = [];
  for (const [name, raw] of Object.entries(columns)) {
    const column = readFields(fn, raw, ['codes', 'values'], `${path}.properties.${name}`);
    const values = assertArray(fn, `${path}.properties.${name}.values`, column.values);
    const codes = assertIndexColumn(fn, `${path}.properties.${name}.codes`, column.codes, count);
    propertyCodes.push({ codes, limit: values.length, name });
  }
  /** Checks row i's cells, naming the first bad one. */
  const checkRow = (i: number): void => {
    if (!inSupportedRange(at[i]!)) {
      fail('INVALID_DATE', fn, `${path}.at[${i}]`, at[i], INSTANT_EXPECTED);
    }
    const cells = [
      { column: leadIndex, limit: leadCount, name: `${path}.leadIndex`, of: 'leads.length' },
      { column: type, limit: types.length, name: `${path}.type`, of: 'types.length' },
      ...propertyCodes.map(({ codes, limit, name }) => ({
        column: codes,
        limit,
        name: `${path}.properties.${name}.codes`,
        of: 'values.length',
      })),
    ];
    for (const { column, limit, name, of } of cells) {
      const x = column[i]!;
      if (!(x >= 0 && x < limit)) {
        fail('INVALID_ARGUMENT', fn, `${name}[${i}]`, x, `an index below ${of} (${limit})`);
      }
    }
  };
  /**
   * Checks every row: one pass over instants, lead indices, types and the
   * first property column together, then the other property columns; only
   * on a failure are the bad cells named. Throws for the first bad row, or
   * with `'collect'` returns the lead column with bad rows set to −1.
   */
  const checkAll = (): Int32Array | null => {
    const first = propertyCodes[0];
    let firstBad = firstBadRow(
      at,
      MIN_INSTANT_MS,
      END_INSTANT_MS,
      leadIndex,
      leadCount,
      type,
      types.length,
      first?.codes ?? type,
      first?.limit ?? types.length,
    );
    for (const { codes, limit } of propertyCodes.slice(1)) {
      const k = firstOutOfRange(codes, limit);
      if (k >= 0 && (firstBad < 0 || k < firstBad)) firstBad = k;
    }
    if (firstBad < 0) return null;
    if (rows.mode === 'throw') checkRow(firstBad);
    // Collecting: every bad row is reported and left out (in a copy of the column).
    const kept = Int32Array.from(leadIndex);
    for (let i = firstBad; i < count; i++) {
      const good = rows.read(i, () => {
        checkRow(i);
        return true;
      });
      if (good === undefined) kept[i] = -1;
    }
    return kept;
  };
  let lead = leadIndex instanceof Int32Array ? leadIndex : Int32Array.from(leadIndex);
  // Collecting needs every bad row before scoring. Throwing needs nothing
  // now: lead indices are checked as rows are grouped, instants, types and
  // codes as the engine reads them, and `checkAll` names the first bad row
  // when either meets one, so the columns are read once, not twice.
  let checked = false;
  if (rows.mode === 'collect') {
    lead = checkAll() ?? lead;
    checked = true;
  }
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
    checked,
    checkAll: () => {
      checkAll();
    },
    checkColumnsExcept: (used) => {
      for (const { codes, limit } of propertyCodes) {
        if (codes !== used && firstOutOfRange(codes, limit) >= 0) checkAll();
      }
    },
  };
}
