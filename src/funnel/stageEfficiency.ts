import { assertCount, assertNotAbove } from '../errors';
import { efficiency, readConfidence } from './_internal/efficiency';
import type { WilsonIntervalResult } from './wilsonInterval';

/**
 * Options of {@link stageEfficiency} and {@link funnelEfficiency}.
 *
 * @category Funnel
 */
export interface StageEfficiencyOptions {
  /**
   * Two-sided confidence level of the interval, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidence?: number;
}

/**
 * A confidence interval for a stage's pass rate.
 *
 * @category Funnel
 */
export interface RateInterval extends WilsonIntervalResult {
  /** The confidence level the bounds were computed for. */
  readonly confidence: number;
  /** How the bounds were computed: the Wilson score interval. */
  readonly method: 'wilson';
}

/**
 * The efficiency (pass rate) of one stage.
 *
 * @category Funnel
 */
export interface StageEfficiencyResult {
  /** Leads that entered the stage. */
  readonly entered: number;
  /** Leads that advanced to the next stage. */
  readonly advanced: number;
  /** `advanced ÷ entered`, or `null` when no lead entered. */
  readonly rate: number | null;
  /** Wilson interval for the rate; `[0, 1]` when no lead entered. */
  readonly interval: RateInterval;
}

/**
 * Stage efficiency, or pass rate: the share of leads that entered a stage and
 * advanced to the next, `advanced ÷ entered` (e.g. SQLs ÷ MQLs), with a
 * Wilson confidence interval.
 *
 * The ratio is at most 1. Articles that divide the other way round (MQLs ÷
 * SQLs, "closer to 100 % is better") have it inverted; see the funnel guide.
 *
 * @param entered - Leads that entered the stage (a non-negative integer).
 * @param advanced - Leads among them that advanced (an integer ≤ `entered`).
 * @param options - See {@link StageEfficiencyOptions}.
 * @returns Counts, `rate` (`null` when `entered` is 0) and its interval.
 * @throws {LeadMathError} `INVALID_COUNT` when a count is not a non-negative safe integer.
 * @throws {LeadMathError} `INCONSISTENT_COUNTS` when `advanced > entered`.
 * @throws {LeadMathError} `INVALID_RATE` when `options.confidence` is not in (0, 1).
 *
 * @example
 * ```ts
 * import { stageEfficiency } from 'leadmath';
 *
 * // 1,000 MQLs, 200 of which became SQLs
 * const mqlToSql = stageEfficiency(1000, 200);
 * mqlToSql.rate; //=> 0.2
 * mqlToSql.interval;
 * //=> { low: 0.1763..., high: 0.2259..., confidence: 0.95, method: 'wilson' }
 *
 * stageEfficiency(0, 0).rate; //=> null
 * ```
 *
 * @category Funnel
 */
export function stageEfficiency(
  entered: number,
  advanced: number,
  options?: StageEfficiencyOptions,
): StageEfficiencyResult {
  const fn = 'stageEfficiency';
  assertCount(fn, 'entered', entered);
  assertCount(fn, 'advanced', advanced);
  assertNotAbove(fn, 'advanced', advanced, 'entered', entered);
  const { confidence, z } = readConfidence(fn, options);
  return efficiency(entered, advanced, confidence, z);
}
