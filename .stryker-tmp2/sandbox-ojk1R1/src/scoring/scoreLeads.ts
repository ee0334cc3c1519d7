// @ts-nocheck
import {
  type ColumnarActivities,
  isColumnar,
  tableFromColumns,
  tableFromObjects,
} from '../_lib/activityTable';
import { idKey } from '../_lib/ids';
import { RowIssues } from '../_lib/issues';
import {
  type ActivityTable,
  type CompiledModel,
  compileModel,
  scoreTable,
} from '../_lib/scoringEngine';
import { assertArray, assertObject, fail, type LeadMathIssue } from '../errors';
import type { ScoringModel } from './model';
import {
  type Activity,
  type Lead,
  readScoreOptions,
  type ScoreLeadResult,
  type ScoreOptions,
} from './scoreLead';
import { ensureValidModel } from './validateModel';

/**
 * One lead's result in a batch.
 *
 * @category Scoring
 */
export interface ScoredLead extends ScoreLeadResult {
  /** The lead's id. */
  readonly leadId: string | number;
}

/**
 * The result of {@link scoreLeads} with `onInvalid: 'collect'`: the scores,
 * and the activities skipped as bad.
 *
 * @category Scoring
 */
export interface ScoreLeadsCollectedResult {
  /** One result per lead, in the order of `leads`. */
  readonly results: ScoredLead[];
  /** The bad activities, by row (unknown lead ids, bad instants, missing types). */
  readonly issues: readonly LeadMathIssue[];
}

/**
 * Scores many leads at once, with the same results as {@link scoreLead} for
 * each. Activities are interned into integer columns once (types, and for
 * columnar input the property values), so the inner loop compares integers;
 * pass {@link ColumnarActivities} to skip the conversion altogether.
 *
 * With activity objects, each activity's `leadId` must be the `id` of one of
 * the leads, compared as ids are everywhere: `42` and `'42'` are the same
 * lead. An activity whose id matches no lead is `UNKNOWN_LEAD` naming its row
 * (never silently dropped); with `onInvalid: 'collect'` such rows, and any
 * other bad activity, are skipped and returned as `issues` beside the
 * `results`.
 *
 * @param model - A scoring model (validated if it did not come from {@link validateModel}).
 * @param leads - Leads with unique `id`s (non-empty strings or safe integers).
 * @param activities - Activity objects with `leadId`, or columns indexed by lead position.
 * @param options - `asOf`, `explain` and `onInvalid`.
 * @returns One result per lead, in the order of `leads` (with `onInvalid: 'collect'`,
 * `{ results, issues }`).
 * @throws {LeadMathError} `INVALID_MODEL` for a bad model.
 * @throws {LeadMathError} `UNKNOWN_LEAD` for an activity whose `leadId` is no lead's id.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a lead without an id, a repeated id, or malformed
 * activities or columns, or an unknown option key.
 * @throws {LeadMathError} `INVALID_DATE` for a bad `asOf` or activity instant.
 *
 * @example
 * ```ts
 * import { scoreLeads, validateModel } from 'leadmath';
 *
 * const model = validateModel({
 *   id: 'smb', version: 1, threshold: 30,
 *   rules: [{ id: 'demo', kind: 'behavior', points: 30, when: { activity: 'demo_request' } }],
 * });
 * const results = scoreLeads(
 *   model,
 *   [{ id: 'a' }, { id: 42 }],
 *   [{ leadId: '42', type: 'demo_request', at: '2026-03-01T09:00:00Z' }],
 *   { asOf: '2026-03-02T00:00:00Z', explain: false },
 * );
 * results.map((r) => [r.leadId, r.score, r.qualified]); //=> [['a', 0, false], [42, 30, true]]
 *
 * const { issues } = scoreLeads(
 *   model,
 *   [{ id: 'a' }],
 *   [{ leadId: 'b', type: 'demo_request', at: '2026-03-01T09:00:00Z' }],
 *   { asOf: '2026-03-02T00:00:00Z', onInvalid: 'collect' },
 * );
 * issues.map((i) => [i.code, i.row, i.field]); //=> [['UNKNOWN_LEAD', 0, 'leadId']]
 * ```
 *
 * @category Scoring
 */
export function scoreLeads(
  model: ScoringModel,
  leads: readonly Lead[],
  activities: readonly Activity[] | ColumnarActivities,
  options: ScoreOptions & { readonly onInvalid: 'collect' },
): ScoreLeadsCollectedResult;
export function scoreLeads(
  model: ScoringModel,
  leads: readonly Lead[],
  activities: readonly Activity[] | ColumnarActivities,
  options: ScoreOptions & { readonly onInvalid?: 'throw' | undefined },
): ScoredLead[];
export function scoreLeads(
  model: ScoringModel,
  leads: readonly Lead[],
  activities: readonly Activity[] | ColumnarActivities,
  options: ScoreOptions,
): ScoredLead[] | ScoreLeadsCollectedResult;
export function scoreLeads(
  model: ScoringModel,
  leads: readonly Lead[],
  activities: readonly Activity[] | ColumnarActivities,
  options: ScoreOptions,
): ScoredLead[] | ScoreLeadsCollectedResult {
  const batch = prepareBatch('scoreLeads', model, leads, activities, options);
  const results = scoreTable(
    batch.model,
    batch.leads,
    batch.table,
    batch.asOf,
    batch.explain,
    batch.ids,
  ) as ScoredLead[];
  return batch.onInvalid === 'collect' ? { results, issues: batch.issues } : results;
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
  const index = new Map<string, number>();
  const ids: (string | number)[] = [];
  for (let i = 0; i < items.length; i++) {
    const lead = assertObject(fn, `leads[${i}]`, items[i]);
    // With columns and no ids wanted, leads are identified by position alone.
    if (columnar && !withIds) continue;
    const id = lead.id;
    const key = idKey(fn, `leads[${i}].id`, id);
    if (!columnar) {
      if (index.has(key))
        fail('INVALID_ARGUMENT', fn, `leads[${i}].id`, id, 'an id not used by an earlier lead');
      index.set(key, i);
    }
    ids.push(id as string | number);
  }
  const rows = new RowIssues(onInvalid);
  const table = columnar
    ? tableFromColumns(fn, 'activities', activities, items.length)
    : tableFromObjects(
        fn,
        'activities',
        activities,
        (activity, i) => {
          const path = `activities[${i}].leadId`;
          const lead = index.get(idKey(fn, path, activity.leadId));
          if (lead === undefined) {
            fail('UNKNOWN_LEAD', fn, path, activity.leadId, 'the id of one of the leads');
          }
          return lead;
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
