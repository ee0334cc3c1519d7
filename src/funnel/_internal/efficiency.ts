import { twoSidedZ } from '../../_lib/stats/normal';
import { DEFAULT_CONFIDENCE, wilsonBounds } from '../../_lib/stats/wilson';
import { readOptions } from '../../_lib/validate/options';
import { assertOpenUnit } from '../../errors';
import type { StageEfficiencyResult } from '../stageEfficiency';

/** Builds a result for validated counts at a precomputed z. */
export function efficiency(
  entered: number,
  advanced: number,
  confidence: number,
  z: number,
): StageEfficiencyResult {
  const { low, high } = wilsonBounds(advanced, entered, z);
  return {
    entered,
    advanced,
    rate: entered === 0 ? null : advanced / entered,
    interval: { low, high, confidence, method: 'wilson' },
  };
}

/** Reads and validates `options.confidence`, returning it with its z value. */
export function readConfidence(fn: string, options: unknown): { confidence: number; z: number } {
  const raw = readOptions(fn, options, ['confidence']).confidence;
  const confidence =
    raw === undefined ? DEFAULT_CONFIDENCE : assertOpenUnit(fn, 'options.confidence', raw);
  return { confidence, z: twoSidedZ(confidence) };
}
