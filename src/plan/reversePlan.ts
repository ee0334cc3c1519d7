import { smallestCovering } from '../_lib/stats/cover';
import { readFields } from '../_lib/validate/options';
import {
  assertCount,
  assertNonNegative,
  assertPositive,
  assertRates,
  assertStageNames,
  fail,
} from '../errors';

/**
 * Input of {@link reversePlan} with a count target at the last stage.
 *
 * @category Planning
 */
export interface ReversePlanTargetOptions {
  /** Stage names top → bottom, e.g. `['mql', 'sql', 'customer']`; non-empty and unique. */
  readonly stages: readonly string[];
  /** `rates[i]` is the share of `stages[i]` that reaches `stages[i + 1]`, in (0, 1]. */
  readonly rates: readonly number[];
  /** Count needed at the last stage (a non-negative integer). */
  readonly target: number;
  /** Not with `target`: give one kind of goal. */
  readonly revenue?: never;
  /** Not with `target`: give one kind of goal. */
  readonly averageDealSize?: never;
}

/**
 * Input of {@link reversePlan} with a revenue target; the last stage is the
 * deals (customers) stage.
 *
 * @category Planning
 */
export interface ReversePlanRevenueOptions {
  /** Stage names top → bottom, ending with the deals stage; non-empty and unique. */
  readonly stages: readonly string[];
  /** `rates[i]` is the share of `stages[i]` that reaches `stages[i + 1]`, in (0, 1]. */
  readonly rates: readonly number[];
  /** Revenue target, a finite number ≥ 0. */
  readonly revenue: number;
  /** Average revenue per deal, a finite number > 0. */
  readonly averageDealSize: number;
  /** Not with `revenue`: give one kind of goal. */
  readonly target?: never;
}

/**
 * Input of {@link reversePlan}: a count target, or revenue and deal size.
 *
 * @category Planning
 */
export type ReversePlanOptions = ReversePlanTargetOptions | ReversePlanRevenueOptions;

/**
 * One stage of a plan.
 *
 * @category Planning
 */
export interface PlannedStage {
  /** Stage name. */
  readonly stage: string;
  /** Leads needed at this stage (an integer). */
  readonly required: number;
  /** Share of this stage expected to reach the next; `null` at the last stage. */
  readonly rate: number | null;
}

/**
 * Result of {@link reversePlan}.
 *
 * @category Planning
 */
export interface ReversePlanResult {
  /** Count needed at the last stage (for a revenue input, the deals needed). */
  readonly target: number;
  /** Every stage with its required count, top → bottom. */
  readonly stages: readonly PlannedStage[];
}

/**
 * Plans a funnel backwards from its target: how many leads each stage needs
 * so that, at the given pass rates, the last stage reaches the target.
 *
 * From revenue, the target is `dealsForRevenue(revenue, averageDealSize)`.
 * Going up, each stage needs the smallest integer `n` whose expected output
 * `n × rate` covers the next stage's requirement, with a relative tolerance of
 * 1e-9 so that float noise never adds a lead (3 deals at a 10 % close rate
 * need 30 SQLs, not 31).
 *
 * Guarantees: projecting the plan forward reaches the target; lowering any
 * stage by one lead breaks it; every count is non-decreasing in the target
 * and non-increasing in each rate. The plan meets the target on average; see
 * the planning guide for what that means for the odds of hitting it.
 *
 * @param input - Stages, rates, and a `target` or `revenue` + `averageDealSize`.
 * @returns The target and each stage's required count, top → bottom.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for missing, empty or repeated stage names, a
 * `rates` length other than `stages.length − 1`, or neither / both kinds of target.
 * @throws {LeadMathError} `INVALID_RATE` when a rate is not in (0, 1].
 * @throws {LeadMathError} `INVALID_COUNT` when `target` is not a non-negative safe integer.
 * @throws {LeadMathError} `INVALID_NUMBER` for a bad `revenue` or `averageDealSize`, or a plan
 * whose counts exceed `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * import { reversePlan } from 'leadmath';
 *
 * // $10M at $50k a deal is 200 deals (not 400).
 * const plan = reversePlan({
 *   stages: ['mql', 'sql', 'customer'],
 *   rates: [0.2, 0.25],
 *   revenue: 10_000_000,
 *   averageDealSize: 50_000,
 * });
 * plan.target; //=> 200
 * plan.stages.map((s) => [s.stage, s.required]);
 * //=> [['mql', 4000], ['sql', 800], ['customer', 200]]
 * ```
 *
 * @category Planning
 */
export function reversePlan(input: ReversePlanOptions): ReversePlanResult {
  const fn = 'reversePlan';
  const fields = readFields(
    fn,
    input,
    ['stages', 'rates', 'target', 'revenue', 'averageDealSize'],
    'input',
    '',
  );
  const stages = assertStageNames(fn, 'stages', fields.stages);
  const rates = assertRates(fn, 'rates', fields.rates, stages.length - 1);
  const target = readTarget(fn, fields);

  const required = new Array<number>(stages.length);
  required[stages.length - 1] = target;
  for (let i = stages.length - 2; i >= 0; i--) {
    required[i] = smallestCovering(required[i + 1]!, rates[i]!, fn, 'target', target);
  }
  return {
    target,
    stages: stages.map((stage, i) => ({ stage, required: required[i]!, rate: rates[i] ?? null })),
  };
}

function readTarget(fn: string, fields: Readonly<Record<string, unknown>>): number {
  const hasTarget = fields.target !== undefined;
  const hasRevenue = fields.revenue !== undefined || fields.averageDealSize !== undefined;
  if (hasTarget && hasRevenue) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      'input',
      fields,
      'either target or revenue with averageDealSize, not both',
    );
  }
  if (hasTarget) return assertCount(fn, 'target', fields.target);
  if (!hasRevenue) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      'target',
      fields.target,
      'a count, or give revenue and averageDealSize',
    );
  }
  const revenue = assertNonNegative(fn, 'revenue', fields.revenue);
  const averageDealSize = assertPositive(fn, 'averageDealSize', fields.averageDealSize);
  return smallestCovering(revenue, averageDealSize, fn, 'revenue', revenue);
}

/**
 * Former name of {@link ReversePlanTargetOptions}.
 *
 * @deprecated Use {@link ReversePlanTargetOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type ReversePlanTargetInput = ReversePlanTargetOptions;

/**
 * Former name of {@link ReversePlanRevenueOptions}.
 *
 * @deprecated Use {@link ReversePlanRevenueOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type ReversePlanRevenueInput = ReversePlanRevenueOptions;

/**
 * Former name of {@link ReversePlanOptions}.
 *
 * @deprecated Use {@link ReversePlanOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type ReversePlanInput = ReversePlanOptions;
