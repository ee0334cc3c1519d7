import {
  type BetaParameters,
  betaBinomialChainUpperTail,
  chainMoments,
  WorkBudgetExceeded,
} from '../_lib/stats/betaBinomial';
import { smallestCovering } from '../_lib/stats/cover';
import { normalQuantile } from '../_lib/stats/normal';
import {
  betaBinomialLowerTail,
  binomialLowerTail,
  binomialUpperTail,
  DIRECT_ALPHA_MAX,
  DIRECT_TAIL_MAX,
} from '../_lib/stats/special';
import { readFields } from '../_lib/validate/options';

import {
  assertArray,
  assertCount,
  assertNotAbove,
  assertOpenUnit,
  assertRates,
  assertStageNames,
  fail,
} from '../errors';

/**
 * Observed counts for one step of the funnel, used as evidence for its rate.
 *
 * @category Planning
 */
export interface StepEvidence {
  /** Leads that entered the step's upper stage (a non-negative integer). */
  readonly entered: number;
  /** Leads among them that reached the next stage (an integer ≤ `entered`). */
  readonly advanced: number;
}

interface PlanWithConfidenceBase {
  /** Stage names top → bottom; non-empty and unique. */
  readonly stages: readonly string[];
  /** Count needed at the last stage (a non-negative integer). */
  readonly target: number;
  /** Probability, in (0, 1), of reaching the target that the plan must give. */
  readonly confidence: number;
}

/**
 * Input of {@link planWithConfidence} with known pass rates.
 *
 * @category Planning
 */
export interface PlanWithConfidenceRatesOptions extends PlanWithConfidenceBase {
  /** `rates[i]` is the share of `stages[i]` that reaches `stages[i + 1]`, in (0, 1]. */
  readonly rates: readonly number[];
}

/**
 * Input of {@link planWithConfidence} with observed counts per step, whose
 * rates are uncertain.
 *
 * @category Planning
 */
export interface PlanWithConfidenceEvidenceOptions extends PlanWithConfidenceBase {
  /** `evidence[i]` counts leads entering `stages[i]` and reaching `stages[i + 1]`. */
  readonly evidence: readonly StepEvidence[];
}

/**
 * Input of {@link planWithConfidence}: known rates, or evidence for them.
 *
 * @category Planning
 */
export type PlanWithConfidenceOptions =
  | PlanWithConfidenceRatesOptions
  | PlanWithConfidenceEvidenceOptions;

/**
 * One stage of a plan with confidence.
 *
 * @category Planning
 */
export interface ConfidentStage {
  /** Stage name. */
  readonly stage: string;
  /** Leads to plan for at this stage: the top count, then expected counts rounded up. */
  readonly required: number;
  /** Expected leads at this stage when `required` of the first stage enter; not rounded. */
  readonly expected: number;
  /**
   * Pass rate to the next stage used for the expectation: the given rate, or
   * the posterior mean `(1 + advanced) / (2 + entered)`; `null` at the last stage.
   */
  readonly rate: number | null;
}

/**
 * Result of {@link planWithConfidence}.
 *
 * @category Planning
 */
export interface PlanWithConfidenceResult {
  /** Count needed at the last stage. */
  readonly target: number;
  /** The confidence asked for. */
  readonly confidence: number;
  /** P(last stage ≥ target) with `stages[0].required` leads entering: at least `confidence`. */
  readonly probability: number;
  /**
   * `'binomial'` for known rates (the bottom count is Binomial(n, ∏ rates));
   * `'beta-binomial'` for evidence (each step beta-binomial, chained exactly).
   */
  readonly method: 'binomial' | 'beta-binomial';
  /** Every stage, top → bottom. */
  readonly stages: readonly ConfidentStage[];
}

/**
 * Largest number of pmf terms the exact evidence computation may compute in
 * one plan (about 1.5 s on a laptop core); larger plans are refused up front
 * when the moments show they would not fit.
 */
const EVIDENCE_WORK_BUDGET = 2e7;

/**
 * Plans a funnel for a chance of hitting its target, not just for the
 * average: the smallest number of leads `n` entering the first stage with
 * `P(last stage ≥ target) ≥ confidence`.
 *
 * With `rates`, every lead passes each step independently, so the count at the
 * last stage is Binomial(n, ∏ rates); its tail is the regularized incomplete
 * beta function, evaluated in log space in O(√n) steps, and `n` is found by an
 * exponential then binary search (O(log n) evaluations).
 *
 * With `evidence` (what was observed at each step), each rate is uncertain:
 * a Beta(1 + advanced, 1 + entered − advanced) posterior (uniform prior). Given
 * the count entering a step, the count leaving it is beta-binomial, and the
 * chain of steps is computed exactly. Plans from little evidence need more
 * leads; as evidence grows, the plan approaches the one for known rates.
 *
 * At confidence 0.5 the plan is close to {@link reversePlan}'s; it grows with
 * confidence.
 *
 * @param input - Stages, `rates` or `evidence`, the target and the confidence.
 * @returns The plan per stage, the probability it achieves and the method.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for bad stage names, a `rates` or `evidence`
 * length other than `stages.length − 1`, both or neither of `rates` and `evidence`, or an
 * evidence plan too large for the exact method (over 10⁸ pmf terms in all).
 * @throws {LeadMathError} `INVALID_RATE` for a rate outside (0, 1] or a confidence outside (0, 1).
 * @throws {LeadMathError} `INVALID_COUNT` for a bad target or evidence count.
 * @throws {LeadMathError} `INCONSISTENT_COUNTS` when evidence has more advanced than entered.
 * @throws {LeadMathError} `INVALID_NUMBER` when the plan would exceed `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * import { planWithConfidence } from 'leadmath';
 *
 * // 200 deals at 20 % MQL→SQL and 25 % close: the average plan needs 4,000 MQLs.
 * const plan = planWithConfidence({
 *   stages: ['mql', 'sql', 'customer'],
 *   rates: [0.2, 0.25],
 *   target: 200,
 *   confidence: 0.9,
 * });
 * plan.stages[0].required; //=> 4357
 * plan.probability >= 0.9; //=> true
 * plan.method; //=> 'binomial'
 * ```
 *
 * @category Planning
 */
export function planWithConfidence(input: PlanWithConfidenceOptions): PlanWithConfidenceResult {
  const fn = 'planWithConfidence';
  const fields = readFields(
    fn,
    input,
    ['stages', 'rates', 'evidence', 'target', 'confidence'],
    'input',
    '',
  );
  const stages = assertStageNames(fn, 'stages', fields.stages);
  const steps = stages.length - 1;
  const hasRates = fields.rates !== undefined;
  const hasEvidence = fields.evidence !== undefined;
  if (hasRates === hasEvidence) {
    fail('INVALID_ARGUMENT', fn, 'input', fields, 'an object with either rates or evidence');
  }
  const target = assertCount(fn, 'target', fields.target);
  const confidence = assertOpenUnit(fn, 'confidence', fields.confidence);

  let rates: readonly number[];
  let probabilityAt: (n: number) => number;
  let moments: (n: number) => { mean: number; variance: number };
  let method: PlanWithConfidenceResult['method'];
  if (hasRates) {
    rates = assertRates(fn, 'rates', fields.rates, steps);
    let product = 1;
    for (const rate of rates) product *= rate;
    // Small targets: the lower tail term by term, exact to a few ulps; large
    // ones: the incomplete beta, whose terms no sum could afford.
    probabilityAt =
      target <= DIRECT_TAIL_MAX
        ? (n) => (n < target ? 0 : 1 - binomialLowerTail(target, n, product))
        : (n) => binomialUpperTail(target, n, product);
    moments = (n) => ({ mean: n * product, variance: n * product * (1 - product) });
    method = 'binomial';
  } else {
    const posteriors = readEvidence(fn, fields.evidence, steps);
    rates = posteriors.map(({ alpha, beta }) => alpha / (alpha + beta));
    const budget = { remaining: EVIDENCE_WORK_BUDGET };
    const single = posteriors.length === 1 ? posteriors[0]! : null;
    // Named in a refusal: the step with the least evidence widens the posterior most.
    let weakest = 0;
    posteriors.forEach((p, i) => {
      const w = posteriors[weakest]!;
      if (p.alpha + p.beta < w.alpha + w.beta) weakest = i;
    });
    const tooBig = () =>
      fail(
        'INVALID_ARGUMENT',
        fn,
        `evidence[${weakest}]`,
        (fields.evidence as readonly unknown[])[weakest],
        'evidence narrow enough for the exact evidence-based method (at most 2e7 pmf terms); add observations or plan with rates instead',
      );
    probabilityAt = (n) => {
      if (n < target) return 0;
      // One step with a small target: the lower tail term by term, O(target)
      // whatever n, so wide posteriors (few observations) cost nothing.
      if (single !== null && target <= DIRECT_TAIL_MAX && single.alpha <= DIRECT_ALPHA_MAX) {
        return 1 - betaBinomialLowerTail(target, n, single.alpha, single.beta);
      }
      // Refuse at once what the budget could not finish, before any pmf is built.
      if (chainMoments(n, posteriors).work > EVIDENCE_WORK_BUDGET) tooBig();
      try {
        return betaBinomialChainUpperTail(n, posteriors, target, budget);
      } catch (error) {
        if (error instanceof WorkBudgetExceeded) tooBig();
        throw error;
      }
    };
    moments = (n) => chainMoments(n, posteriors);
    method = 'beta-binomial';
  }

  const top = smallestTopCount(target, confidence, probabilityAt, moments, fn);
  const probability = target === 0 ? 1 : probabilityAt(top);
  const result: ConfidentStage[] = [];
  let expected = top;
  for (let i = 0; i < stages.length; i++) {
    const required = i === 0 ? top : smallestCovering(expected, 1, fn, 'target', target);
    result.push({ stage: stages[i]!, required, expected, rate: rates[i] ?? null });
    expected *= rates[i] ?? 1;
  }
  return { target, confidence, probability, method, stages: result };
}

function readEvidence(fn: string, value: unknown, steps: number): BetaParameters[] {
  const items = assertArray(fn, 'evidence', value);
  if (items.length !== steps) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      'evidence.length',
      items.length,
      `${steps} (one item per step between stages)`,
    );
  }
  return items.map((raw, i) => {
    const item = readFields(fn, raw, ['entered', 'advanced'], `evidence[${i}]`);
    const entered = assertCount(fn, `evidence[${i}].entered`, item.entered);
    const advanced = assertCount(fn, `evidence[${i}].advanced`, item.advanced);
    assertNotAbove(fn, `evidence[${i}].advanced`, advanced, `evidence[${i}].entered`, entered);
    return { alpha: 1 + advanced, beta: 1 + entered - advanced };
  });
}

/**
 * Smallest n ≥ target with probabilityAt(n) ≥ confidence, for a probability
 * non-decreasing in n. The search starts from the normal approximation
 * n·m − z·sd(n) = target (m the mean pass-through, sd including rate
 * uncertainty) with steps of one standard deviation in top-of-funnel units,
 * doubling until the answer is bracketed, then bisects: O(log n) evaluations,
 * and usually a handful.
 */
function smallestTopCount(
  target: number,
  confidence: number,
  probabilityAt: (n: number) => number,
  moments: (n: number) => { mean: number; variance: number },
  fn: string,
): number {
  if (target === 0) return 0;
  const passThrough = moments(1).mean;
  const z = normalQuantile(confidence);
  // Start from the normal approximation when its fixed point converges; with
  // a wide posterior (sd growing as fast as the mean) it diverges, and the
  // search starts from the target instead.
  let guess = target / passThrough;
  let converged = false;
  for (let i = 0; i < 50 && Number.isFinite(guess); i++) {
    const next = (target + z * Math.sqrt(moments(guess).variance)) / passThrough;
    if (Math.abs(next - guess) < 0.5) {
      converged = true;
      break;
    }
    guess = Math.max(target, next);
  }
  guess = converged ? Math.max(target, Math.ceil(guess)) : target;
  if (!(guess <= Number.MAX_SAFE_INTEGER)) tooLarge(fn, target);
  let step = Math.max(1, Math.ceil(Math.sqrt(moments(guess).variance) / passThrough / 4));
  // Invariant: probabilityAt(low) < confidence ≤ probabilityAt(high).
  let low: number;
  let high: number;
  if (probabilityAt(guess) >= confidence) {
    high = guess;
    low = Math.max(target - 1, high - step);
    while (low >= target && probabilityAt(low) >= confidence) {
      high = low;
      step *= 2;
      low = Math.max(target - 1, high - step);
    }
  } else {
    low = guess;
    high = low + step;
    while (probabilityAt(high) < confidence) {
      low = high;
      step *= 2;
      high = low + step;
      if (high > Number.MAX_SAFE_INTEGER) tooLarge(fn, target);
    }
  }
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2);
    if (probabilityAt(mid) >= confidence) high = mid;
    else low = mid;
  }
  return high;
}

function tooLarge(fn: string, target: number): never {
  fail('INVALID_NUMBER', fn, 'target', target, 'small enough that the plan is a safe integer');
}

/**
 * Former name of {@link PlanWithConfidenceRatesOptions}.
 *
 * @deprecated Use {@link PlanWithConfidenceRatesOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type PlanWithConfidenceRatesInput = PlanWithConfidenceRatesOptions;

/**
 * Former name of {@link PlanWithConfidenceEvidenceOptions}.
 *
 * @deprecated Use {@link PlanWithConfidenceEvidenceOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type PlanWithConfidenceEvidenceInput = PlanWithConfidenceEvidenceOptions;

/**
 * Former name of {@link PlanWithConfidenceOptions}.
 *
 * @deprecated Use {@link PlanWithConfidenceOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type PlanWithConfidenceInput = PlanWithConfidenceOptions;
