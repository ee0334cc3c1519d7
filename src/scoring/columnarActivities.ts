import type { Scalar } from './model';

/**
 * A column of activity property values, interned: row i has value
 * `values[codes[i]]`.
 *
 * @category Scoring
 */
export interface PropertyColumn {
  /** Index into `values` for each row. */
  readonly codes: Uint8Array | Uint16Array | Uint32Array | Int32Array;
  /** The distinct values. */
  readonly values: readonly Scalar[];
}

/**
 * Activities of many leads as columns: the fast input of
 * {@link scoreLeads}. Row i is an activity of lead `leadIndex[i]` (an index
 * into the leads array), of type `types[type[i]]`, at epoch milliseconds
 * `at[i]`. A `where` condition on field `f` reads `properties[f]` (the field
 * name is the column name, dots included).
 *
 * @category Scoring
 */
export interface ColumnarActivities {
  /** Lead index of each row. */
  readonly leadIndex: Int32Array | Uint32Array;
  /** Type code of each row, an index into `types`. */
  readonly type: Uint8Array | Uint16Array | Uint32Array | Int32Array;
  /** The distinct activity types. */
  readonly types: readonly string[];
  /** Instant of each row, epoch milliseconds. */
  readonly at: Float64Array;
  /** Property columns by field name. */
  readonly properties?: Readonly<Record<string, PropertyColumn>>;
}
