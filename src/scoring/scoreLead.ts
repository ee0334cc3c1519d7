import { idKey, rowIdKey } from '../_lib/columns/ids';
import { RowIssues } from '../_lib/validate/issues';
import type { InstantInput } from '../calendar/index';
import { assertObject, fail, type LeadMathIssue } from '../errors';
import { tableFromObjects } from './_internal/activityTable';
import { readScoreOptions } from './_internal/batch';
import { compileModel, scoreTable } from './_internal/engine';
import { ensureValidModel } from './_internal/validation';
import type { ScoringModel } from './model';

/**
 * A lead: an object with attributes that fit conditions read by dot path.
 *
 * @category Scoring
 */
export interface Lead {
  /** The lead's id; activities refer to it as `leadId`. */
  readonly id?: string | number;
  /** Any attributes, nested objects included. */
  readonly [attribute: string]: unknown;
}

/**
 * Something a lead did.
 *
 * @category Scoring
 */
export interface Activity {
  /** The lead's id; with {@link scoreLead}, optional (but must match the lead if given). */
  readonly leadId?: string | number;
  /** Activity type, e.g. `'page_view'`. */
  readonly type: string;
  /** When: a `Date`, epoch milliseconds, or ISO string with an offset. */
  readonly at: InstantInput;
  /** Properties that `where` conditions read by dot path. */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * Options of {@link scoreLead} and {@link scoreLeads}.
 *
 * @category Scoring
 */
export interface ScoreOptions {
  /** The instant to score at; activities after it are ignored. */
  readonly asOf: InstantInput;
  /**
   * Whether to list `contributions`. Turn off for large batches when only
   * scores are needed.
   * @defaultValue true
   */
  readonly explain?: boolean;
  /**
   * What a bad activity does: `'throw'` throws on the first one, naming its
   * row; `'collect'` skips it and lists it in the result's `issues`.
   * @defaultValue 'throw'
   */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * Points one rule (or decay) added or removed.
 *
 * @category Scoring
 */
export interface ScoreContribution {
  /** The rule's id, or `'decay'`. */
  readonly ruleId: string;
  /** Fit rule, behaviour rule, or decay. */
  readonly kind: 'fit' | 'behavior' | 'decay';
  /** Points added (negative: removed). */
  readonly points: number;
  /** The activity's instant (behaviour) or `asOf` (decay); absent for fit. */
  readonly at?: Date;
}

/**
 * A lead's score with its explanation.
 *
 * @category Scoring
 */
export interface ScoreLeadResult {
  /** `fit + behavior`. */
  readonly score: number;
  /** Points from fit rules. */
  readonly fit: number;
  /** Points from behaviour rules, after decay. */
  readonly behavior: number;
  /** `score ≥ threshold` at `asOf`. */
  readonly qualified: boolean;
  /**
   * The first activity instant at which the running score reached the
   * threshold, even if it has since decayed below; `null` if it never did (or
   * the lead qualifies on fit alone with no activity to date it).
   */
  readonly qualifiedAt: Date | null;
  /** Every point explained, in order: fit rules, then activities in time order, then decay. They sum to `score`. */
  readonly contributions: readonly ScoreContribution[];
  /** With `onInvalid: 'collect'`, the activities skipped as bad, by row. */
  readonly issues?: readonly LeadMathIssue[];
}

/**
 * Scores one lead as of an instant, explaining every point.
 *
 * Fit rules award their points once when their condition holds on the lead.
 * Behaviour rules award their points per matching activity at or before
 * `asOf` (and within `withinDays` of it, if set), up to the rule's `cap`.
 * If the model has `decay`, the behaviour points decay from the lead's last
 * activity to `asOf`, and the total never drops below `min(fit + behaviour,
 * floor)` through decay (floor: the model's, or half the threshold).
 *
 * Scoring as of a past date ignores later activities: it replays the model
 * as it would have scored then.
 *
 * @param model - A scoring model (validated if it did not come from {@link validateModel}).
 * @param lead - The lead's attributes.
 * @param activities - The lead's activities, in any order.
 * @param options - `asOf` and `explain`.
 * @returns Score, fit, behaviour, qualification and contributions.
 * @throws {LeadMathError} `INVALID_MODEL` for a bad model.
 * @throws {LeadMathError} `INVALID_DATE` for a bad `asOf` or activity instant.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a malformed lead or activity, or an activity of another lead.
 *
 * @example
 * ```ts
 * import { scoreLead, validateModel } from 'leadmath';
 *
 * const model = validateModel({
 *   id: 'smb', version: 1, threshold: 50,
 *   rules: [
 *     { id: 'saas', kind: 'fit', points: 20, when: { field: 'industry', equals: 'SaaS' } },
 *     { id: 'pricing', kind: 'behavior', points: 15, when: { activity: 'page_view', where: { field: 'path', startsWith: '/pricing' } } },
 *     { id: 'careers', kind: 'behavior', points: -10, when: { activity: 'page_view', where: { field: 'path', startsWith: '/careers' } } },
 *   ],
 * });
 * const activities = [
 *   { type: 'page_view', at: '2026-03-02T10:00:00Z', properties: { path: '/pricing' } },
 *   { type: 'page_view', at: '2026-03-03T10:00:00Z', properties: { path: '/pricing/enterprise' } },
 *   { type: 'page_view', at: '2026-03-04T10:00:00Z', properties: { path: '/careers' } },
 * ];
 * const result = scoreLead(model, { id: 'L1', industry: 'SaaS' }, activities, { asOf: '2026-03-05T00:00:00Z' });
 * result.score; //=> 40
 * result.qualified; //=> false
 * result.qualifiedAt.toISOString(); //=> '2026-03-03T10:00:00.000Z'
 * result.contributions.map((c) => `${c.ruleId} ${c.points}`);
 * //=> ['saas 20', 'pricing 15', 'pricing 15', 'careers -10']
 * ```
 *
 * @category Scoring
 */
export function scoreLead(
  model: ScoringModel,
  lead: Lead,
  activities: readonly Activity[],
  options: ScoreOptions,
): ScoreLeadResult {
  const fn = 'scoreLead';
  const compiled = compileModel(ensureValidModel(model));
  const subject = assertObject(fn, 'lead', lead);
  const { asOf, explain, onInvalid } = readScoreOptions(fn, options);
  const own = subject.id === undefined ? undefined : idKey(fn, 'lead.id', subject.id);
  const rows = new RowIssues(onInvalid);
  const table = tableFromObjects(
    fn,
    'activities',
    activities,
    (activity, i) => {
      const leadId = activity.leadId;
      if (leadId === undefined || own === undefined) return 0;
      if (rowIdKey(fn, 'activities', i, 'leadId', leadId) !== own) {
        fail(
          'UNKNOWN_LEAD',
          fn,
          `activities[${i}].leadId`,
          leadId,
          `the lead's id (${own}) or absent`,
        );
      }
      return 0;
    },
    rows,
  );
  const result = scoreTable(compiled, [subject], table, asOf, explain)[0]!;
  return onInvalid === 'collect' ? { ...result, issues: rows.issues } : result;
}
