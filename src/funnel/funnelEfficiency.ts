import { readFields } from '../_lib/validate/options';
import { assertArray, assertCount, assertNotAbove, assertStageName } from '../errors';
import { efficiency, readConfidence } from './_internal/efficiency';
import type { StageEfficiencyOptions, StageEfficiencyResult } from './stageEfficiency';

/**
 * The count of leads at one stage of a funnel.
 *
 * @category Funnel
 */
export interface StageCount {
  /** Stage name, e.g. `'mql'`. */
  readonly stage: string;
  /** Leads that reached the stage (a non-negative integer). */
  readonly count: number;
}

/**
 * Options of {@link funnelEfficiency}.
 *
 * @category Funnel
 */
export type FunnelEfficiencyOptions = StageEfficiencyOptions;

/**
 * Efficiency of the step from one stage to another.
 *
 * @category Funnel
 */
export interface FunnelStep extends StageEfficiencyResult {
  /** The stage leads entered. */
  readonly from: string;
  /** The stage they advanced to. */
  readonly to: string;
}

/**
 * Result of {@link funnelEfficiency}.
 *
 * @category Funnel
 */
export interface FunnelEfficiencyResult {
  /** One step per adjacent pair of stages, top → bottom. */
  readonly steps: readonly FunnelStep[];
  /** From the first stage straight to the last (e.g. lead → customer). */
  readonly overall: FunnelStep;
}

/**
 * Efficiency of every step of a funnel, from counts per stage ordered top →
 * bottom, plus the overall rate from the first stage to the last.
 *
 * Counts must not increase down the funnel: a stage cannot have more leads
 * than the stage above it (count leads that skipped a stage as having reached
 * it).
 *
 * @param counts - At least two `{ stage, count }` items, top → bottom, with unique names.
 * @param options - See {@link StageEfficiencyOptions}.
 * @returns `steps` (one per adjacent pair) and `overall`.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for fewer than two stages or a missing, empty or repeated stage name.
 * @throws {LeadMathError} `INVALID_COUNT` when a count is not a non-negative safe integer.
 * @throws {LeadMathError} `INCONSISTENT_COUNTS` when a stage has more leads than the one above it.
 * @throws {LeadMathError} `INVALID_RATE` when `options.confidence` is not in (0, 1).
 *
 * @example
 * ```ts
 * import { funnelEfficiency } from 'leadmath';
 *
 * const { steps, overall } = funnelEfficiency([
 *   { stage: 'lead', count: 8000 },
 *   { stage: 'mql', count: 2000 },
 *   { stage: 'sql', count: 400 },
 *   { stage: 'customer', count: 100 },
 * ]);
 * steps.map((s) => `${s.from}→${s.to} ${s.rate}`);
 * //=> ['lead→mql 0.25', 'mql→sql 0.2', 'sql→customer 0.25']
 * overall.rate; //=> 0.0125
 * ```
 *
 * @category Funnel
 */
export function funnelEfficiency(
  counts: readonly StageCount[],
  options?: FunnelEfficiencyOptions,
): FunnelEfficiencyResult {
  const fn = 'funnelEfficiency';
  const items = assertArray(fn, 'counts', counts, 2);
  const { confidence, z } = readConfidence(fn, options);
  const names = new Set<string>();
  const stages: string[] = [];
  const values: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = readFields(fn, items[i], ['stage', 'count'], `counts[${i}]`);
    const stage = assertStageName(fn, `counts[${i}].stage`, item.stage, names);
    const count = assertCount(fn, `counts[${i}].count`, item.count);
    const above = values[i - 1];
    if (above !== undefined)
      assertNotAbove(fn, `counts[${i}].count`, count, `counts[${i - 1}].count`, above);
    stages.push(stage);
    values.push(count);
  }
  const step = (from: number, to: number): FunnelStep => ({
    from: stages[from]!,
    to: stages[to]!,
    ...efficiency(values[from]!, values[to]!, confidence, z),
  });
  const steps: FunnelStep[] = [];
  for (let i = 0; i + 1 < stages.length; i++) steps.push(step(i, i + 1));
  return { steps, overall: step(0, stages.length - 1) };
}
