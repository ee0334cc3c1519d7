import { readFields } from '../_lib/validate/options';
import type { InstantInput } from '../calendar/index';
import type { LeadMathIssue } from '../errors';
import { prepareBatch } from './_internal/batch';
import { scoreColumns } from './_internal/engine';
import type { ColumnarActivities } from './columnarActivities';
import type { ScoringModel } from './model';
import type { Activity, Lead } from './scoreLead';

/**
 * Options of {@link scoreLeadsColumns}.
 *
 * @category Scoring
 */
export interface ScoreLeadsColumnsOptions {
  /** The instant to score at; activities after it are ignored. */
  readonly asOf: InstantInput;
  /**
   * What a bad activity (row) does: `'throw'` throws on the first one,
   * naming its cell; `'collect'` leaves the row out and lists it in the
   * result's `issues`.
   * @defaultValue 'throw'
   */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * Scores of many leads as columns: entry i belongs to `leads[i]`.
 *
 * @category Scoring
 */
export interface ScoreLeadsColumnsResult {
  /** `fit + behavior` per lead. */
  readonly score: Float64Array;
  /** Points from fit rules. */
  readonly fit: Float64Array;
  /** Points from behaviour rules, after decay. */
  readonly behavior: Float64Array;
  /** 1 when `score ≥ threshold`, else 0. */
  readonly qualified: Uint8Array;
  /** Epoch ms of the first instant the running score reached the threshold; `NaN` if never. */
  readonly qualifiedAt: Float64Array;
  /** With `onInvalid: 'collect'`, the activities left out as bad, by row. */
  readonly issues?: readonly LeadMathIssue[];
}

/**
 * {@link scoreLeads} for very large batches: the same scores, written into
 * typed arrays instead of one object per lead, and without contributions.
 * At a million leads, building a million result objects costs about as much
 * as the scoring itself; columns avoid that and go straight into a database
 * or file writer.
 *
 * @param model - A scoring model (validated if it did not come from {@link validateModel}).
 * @param leads - Leads with `id`s (unique when activities are objects).
 * @param activities - Activity objects with `leadId`, or columns indexed by lead position.
 * @param options - `asOf`.
 * @returns One entry per lead in each column, in the order of `leads`.
 * @throws {LeadMathError} As {@link scoreLeads}.
 *
 * @example
 * ```ts
 * import { scoreLeadsColumns, validateModel } from 'leadmath';
 *
 * const model = validateModel({
 *   id: 'smb', version: 1, threshold: 30,
 *   rules: [{ id: 'demo', kind: 'behavior', points: 30, when: { activity: 'demo_request' } }],
 * });
 * const columns = scoreLeadsColumns(
 *   model,
 *   [{ id: 'a' }, { id: 'b' }],
 *   { leadIndex: Int32Array.of(1), type: Uint8Array.of(0), types: ['demo_request'], at: Float64Array.of(Date.UTC(2026, 2, 1)) },
 *   { asOf: '2026-03-02T00:00:00Z' },
 * );
 * Array.from(columns.score); //=> [0, 30]
 * Array.from(columns.qualified); //=> [0, 1]
 * ```
 *
 * @category Scoring
 */
export function scoreLeadsColumns(
  model: ScoringModel,
  leads: readonly Lead[],
  activities: readonly Activity[] | ColumnarActivities,
  options: ScoreLeadsColumnsOptions,
): ScoreLeadsColumnsResult {
  const fn = 'scoreLeadsColumns';
  const fields = readFields(fn, options, ['asOf', 'onInvalid'], 'options');
  const batch = prepareBatch(
    fn,
    model,
    leads,
    activities,
    { asOf: fields.asOf, explain: false, onInvalid: fields.onInvalid },
    false,
  );
  const out = scoreColumns(batch.model, batch.leads, batch.table, batch.asOf, false);
  const threshold = batch.model.threshold;
  const qualified = new Uint8Array(batch.leads.length);
  for (let j = 0; j < qualified.length; j++) qualified[j] = out.score[j]! >= threshold ? 1 : 0;
  const columns: ScoreLeadsColumnsResult = {
    score: out.score,
    fit: out.fit,
    behavior: out.behavior,
    qualified,
    qualifiedAt: out.qualifiedAt,
  };
  return batch.onInvalid === 'collect' ? { ...columns, issues: batch.issues } : columns;
}

/**
 * Former name of {@link ScoreLeadsColumnsResult}.
 *
 * @deprecated Use {@link ScoreLeadsColumnsResult}; this alias will be removed in the next minor version.
 * @category Scoring
 */
export type ScoreColumns = ScoreLeadsColumnsResult;

/**
 * Former name of {@link ScoreLeadsColumnsOptions}.
 *
 * @deprecated Use {@link ScoreLeadsColumnsOptions}; this alias will be removed in the next minor version.
 * @category Scoring
 */
export type ScoreColumnsOptions = ScoreLeadsColumnsOptions;
