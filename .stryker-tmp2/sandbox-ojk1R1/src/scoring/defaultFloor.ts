// @ts-nocheck
import { assertNonNegative } from '../errors';

/**
 * The default decay floor of a model: half its sales-readiness threshold.
 * Decay alone then never takes a lead that was sales-ready below half the
 * threshold.
 *
 * @param threshold - The model's threshold, a finite number ≥ 0.
 * @returns `threshold × 0.5`.
 * @throws {LeadMathError} `INVALID_NUMBER` for a negative or non-finite threshold.
 *
 * @example
 * ```ts
 * import { defaultFloor } from 'leadmath';
 *
 * defaultFloor(50); //=> 25
 * ```
 *
 * @category Scoring
 */
export function defaultFloor(threshold: number): number {
  return assertNonNegative('defaultFloor', 'threshold', threshold) * 0.5;
}
