import { IdIndex, idKey } from '../../_lib/columns/ids';
import { rowObject, toEpochMs } from '../../_lib/validate/instants';
import { type OnInvalid, RowIssues, readOnInvalid } from '../../_lib/validate/issues';
import { readFields } from '../../_lib/validate/options';
import { assertArray, fail, type LeadMathIssue } from '../../errors';
import { isColumnar, tableFromColumns, tableFromObjects } from './activityTable';
import { type ActivityTable, type CompiledModel, compileModel } from './engine';
import { ensureValidModel } from './validation';

/** Validates the options shared by both scoring functions. */
export function readScoreOptions(
  fn: string,
  options: unknown,
): { asOf: number; explain: boolean; onInvalid: OnInvalid } {
  const fields = readFields(fn, options, ['asOf', 'explain', 'onInvalid'], 'options');
  const asOf = toEpochMs(fn, 'options.asOf', fields.asOf);
  const explain = fields.explain ?? true;
  if (typeof explain !== 'boolean')
    fail('INVALID_ARGUMENT', fn, 'options.explain', explain, 'true or false');
  const onInvalid = readOnInvalid(fn, 'options.onInvalid', fields.onInvalid);
  return { asOf, explain, onInvalid };
}

/** A validated batch: compiled model, leads, their ids, the activity table and options. */
export interface PreparedBatch {
  readonly model: CompiledModel;
  readonly leads: readonly unknown[];
  readonly ids: readonly (string | number)[];
  readonly table: ActivityTable;
  readonly asOf: number;
  readonly explain: boolean;
  readonly issues: readonly LeadMathIssue[];
  readonly onInvalid: 'throw' | 'collect';
}

/** Validates and converts the arguments shared by the batch scoring functions. */
export function prepareBatch(
  fn: string,
  model: unknown,
  leads: unknown,
  activities: unknown,
  options: unknown,
  withIds = true,
): PreparedBatch {
  const compiled = compileModel(ensureValidModel(model));
  const items = assertArray(fn, 'leads', leads);
  const { asOf, explain, onInvalid } = readScoreOptions(fn, options);
  const columnar = isColumnar(activities);
  // Activity objects join leads by id, so ids must be unique; columns refer to
  // leads by position, and ids only label the results (when there are any).
  // Ids compare by their canonical key: 42 and '42' are one lead.
  const index = new IdIndex();
  const n = items.length;
  const ids: (string | number)[] = columnar && !withIds ? [] : new Array(n);
  for (let i = 0; i < n; i++) {
    const lead = items[i];
    // Paths are built only for a bad lead: a million leads allocate none.
    if (typeof lead !== 'object' || lead === null || Array.isArray(lead)) {
      rowObject(fn, 'leads', i, lead);
    }
    // With columns and no ids wanted, leads are identified by position alone.
    if (columnar && !withIds) continue;
    const id = (lead as { id?: unknown }).id;
    if (index.find(id) === -2) idKey(fn, `leads[${i}].id`, id); // not an id: throws
    if (!columnar) {
      const size = index.size;
      index.add(id as string | number);
      if (index.size === size)
        fail('INVALID_ARGUMENT', fn, `leads[${i}].id`, id, 'an id not used by an earlier lead');
    }
    ids[i] = id as string | number;
  }
  const rows = new RowIssues(onInvalid);
  const table = columnar
    ? tableFromColumns(fn, 'activities', activities, items.length, rows)
    : tableFromObjects(
        fn,
        'activities',
        activities,
        (activity, i) => {
          const lead = index.find(activity.leadId);
          if (lead >= 0) return lead;
          const path = `activities[${i}].leadId`;
          if (lead === -2) idKey(fn, path, activity.leadId); // not an id: throws
          return fail('UNKNOWN_LEAD', fn, path, activity.leadId, 'the id of one of the leads');
        },
        rows,
      );
  return {
    model: compiled,
    leads: items,
    ids,
    table,
    asOf,
    explain,
    issues: rows.issues,
    onInvalid,
  };
}
