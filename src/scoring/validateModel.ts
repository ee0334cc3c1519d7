import { checkModel, modelError } from './_internal/validation';
import type { ScoringModel } from './model';

/**
 * One problem found in a model.
 *
 * @category Scoring
 */
export interface ModelIssue {
  /** Always `'INVALID_MODEL'`. */
  readonly code: 'INVALID_MODEL';
  /** JSON path of the problem, e.g. `'rules[3].when.between'`; `'model'` for the root. */
  readonly path: string;
  /** What was expected there, in words. */
  readonly expected: string;
  /** What was found, rendered briefly. */
  readonly received: string;
  /** `path must be expected, got received`. */
  readonly message: string;
}

/**
 * A model that validated.
 *
 * @category Scoring
 */
export interface ModelValidationSuccess {
  /** Always `true`. */
  readonly success: true;
  /** The model, typed and frozen. */
  readonly model: ScoringModel;
  /** Always empty. */
  readonly issues: readonly [];
}

/**
 * A model that did not validate.
 *
 * @category Scoring
 */
export interface ModelValidationFailure {
  /** Always `false`. */
  readonly success: false;
  /** Always `null`. */
  readonly model: null;
  /** Every problem found, with its JSON path. */
  readonly issues: readonly ModelIssue[];
}

/**
 * Result of {@link safeValidateModel}.
 *
 * @category Scoring
 */
export type SafeValidateModelResult = ModelValidationSuccess | ModelValidationFailure;

/**
 * Validates a scoring model and lists every problem, without throwing.
 *
 * @param json - Anything, typically parsed JSON.
 * @returns `{ success: true, model }` with a frozen copy of the model, or
 * `{ success: false, issues }` with every problem found and its JSON path.
 *
 * @example
 * ```ts
 * import { safeValidateModel } from 'leadmath';
 *
 * const result = safeValidateModel({ id: 'm', version: 1, threshold: 0, rules: [] });
 * result.success; //=> false
 * result.issues.map((i) => i.path); //=> ['threshold']
 * ```
 *
 * @category Scoring
 */
export function safeValidateModel(json: unknown): SafeValidateModelResult {
  return checkModel(json);
}

/**
 * Validates a scoring model (plain JSON) and returns it typed, as a frozen
 * copy. Checks the shape (with valibot), that every condition has exactly one
 * operator, `between` ranges, positive caps and periods, unique rule ids and
 * `floor ≤ threshold`.
 *
 * @param json - Anything, typically parsed JSON.
 * @returns The model, typed and frozen.
 * @throws {LeadMathError} `INVALID_MODEL` naming the JSON path of the first problem, e.g.
 * `rules[3].when.between`; `details.issues` lists all of them.
 *
 * @example
 * ```ts
 * import { validateModel } from 'leadmath';
 *
 * const model = validateModel({
 *   id: 'smb-inbound',
 *   version: '2026-03',
 *   threshold: 50,
 *   rules: [
 *     { id: 'saas', kind: 'fit', points: 20, when: { field: 'industry', equals: 'SaaS' } },
 *     { id: 'pricing', kind: 'behavior', points: 10, cap: 30, when: { activity: 'page_view', where: { field: 'path', startsWith: '/pricing' } } },
 *   ],
 * });
 * model.rules.length; //=> 2
 * ```
 *
 * @category Scoring
 */
export function validateModel(json: unknown): ScoringModel {
  const result = safeValidateModel(json);
  if (result.success) return result.model;
  throw modelError(json, result.issues);
}
