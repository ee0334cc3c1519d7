import { readFields } from '../_lib/validate/options';
import { assertNonNegative, assertRates, assertStageNames } from '../errors';

/**
 * Input of {@link forwardProjection}.
 *
 * @category Planning
 */
export interface ForwardProjectionOptions {
  /** Stage names top → bottom; non-empty and unique. */
  readonly stages: readonly string[];
  /** `rates[i]` is the share of `stages[i]` that reaches `stages[i + 1]`, in (0, 1]. */
  readonly rates: readonly number[];
  /** Leads entering the first stage, a finite number ≥ 0. */
  readonly top: number;
}

/**
 * Expected count at one stage.
 *
 * @category Planning
 */
export interface ProjectedStage {
  /** Stage name. */
  readonly stage: string;
  /** Expected leads at this stage; not rounded. */
  readonly expected: number;
}

/**
 * Result of {@link forwardProjection}.
 *
 * @category Planning
 */
export interface ForwardProjectionResult {
  /** Every stage with its expected count, top → bottom. */
  readonly stages: readonly ProjectedStage[];
}

/**
 * Projects a funnel forward: the expected count at each stage when `top` leads
 * enter the first one, `expected[i + 1] = expected[i] × rates[i]`. Nothing is
 * rounded; these are expectations, not counts.
 *
 * @param input - Stages, rates and the count entering the first stage.
 * @returns Each stage's expected count, top → bottom.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for missing, empty or repeated stage names or a
 * `rates` length other than `stages.length − 1`.
 * @throws {LeadMathError} `INVALID_RATE` when a rate is not in (0, 1].
 * @throws {LeadMathError} `INVALID_NUMBER` when `top` is negative or not finite.
 *
 * @example
 * ```ts
 * import { forwardProjection } from 'leadmath';
 *
 * forwardProjection({ stages: ['mql', 'sql', 'customer'], rates: [0.2, 0.25], top: 4000 })
 *   .stages.map((s) => s.expected);
 * //=> [4000, 800, 200]
 * ```
 *
 * @category Planning
 */
export function forwardProjection(input: ForwardProjectionOptions): ForwardProjectionResult {
  const fn = 'forwardProjection';
  const fields = readFields(fn, input, ['stages', 'rates', 'top'], 'input', '');
  const stages = assertStageNames(fn, 'stages', fields.stages);
  const rates = assertRates(fn, 'rates', fields.rates, stages.length - 1);
  let expected = assertNonNegative(fn, 'top', fields.top);
  const result: ProjectedStage[] = [];
  for (let i = 0; i < stages.length; i++) {
    result.push({ stage: stages[i]!, expected });
    expected *= rates[i] ?? 1;
  }
  return { stages: result };
}

/**
 * Former name of {@link ForwardProjectionOptions}.
 *
 * @deprecated Use {@link ForwardProjectionOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type ForwardProjectionInput = ForwardProjectionOptions;
