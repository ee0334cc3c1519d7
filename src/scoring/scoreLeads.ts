import type { LeadMathIssue } from '../errors';
import { prepareBatch } from './_internal/batch';
import { scoreTable } from './_internal/engine';
import type { ColumnarActivities } from './columnarActivities';
import type { ScoringModel } from './model';
import type { Activity, Lead, ScoreLeadResult, ScoreOptions } from './scoreLead';

/**
 * One lead's result in a batch.
 *
 * @category Scoring
 */
export interface ScoredLeadResult extends ScoreLeadResult {
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
  readonly results: ScoredLeadResult[];
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
): ScoredLeadResult[];
export function scoreLeads(
  model: ScoringModel,
  leads: readonly Lead[],
  activities: readonly Activity[] | ColumnarActivities,
  options: ScoreOptions,
): ScoredLeadResult[] | ScoreLeadsCollectedResult;
export function scoreLeads(
  model: ScoringModel,
  leads: readonly Lead[],
  activities: readonly Activity[] | ColumnarActivities,
  options: ScoreOptions,
): ScoredLeadResult[] | ScoreLeadsCollectedResult {
  const batch = prepareBatch('scoreLeads', model, leads, activities, options);
  const results = scoreTable(
    batch.model,
    batch.leads,
    batch.table,
    batch.asOf,
    batch.explain,
    batch.ids,
  ) as ScoredLeadResult[];
  return batch.onInvalid === 'collect' ? { results, issues: batch.issues } : results;
}

/**
 * Former name of {@link ScoredLeadResult}.
 *
 * @deprecated Use {@link ScoredLeadResult}; this alias will be removed in the next minor version.
 * @category Scoring
 */
export type ScoredLead = ScoredLeadResult;
