import { twoSidedZ } from './normal';

/** Lower and upper bounds of an interval (the public `WilsonIntervalResult`). */
export interface Bounds {
  readonly low: number;
  readonly high: number;
}

/** Default confidence level of every interval in leadmath. */
export const DEFAULT_CONFIDENCE = 0.95;

/** The two-sided critical value of the default confidence, z ≈ 1.96. */
export const DEFAULT_Z = twoSidedZ(DEFAULT_CONFIDENCE);

/**
 * Bounds of the Wilson score interval, the roots of
 * (n + z²)p² − (2x + z²)p + x²/n = 0, computed without cancellation: the
 * upper root directly (a sum of positive terms), the lower one from the
 * product of the roots, x² / (n (n + z²)). The naive centre ± half-width
 * loses about half the digits of a small lower bound.
 * Callers have validated the arguments.
 */
export function wilsonBounds(successes: number, trials: number, z: number): Bounds {
  if (trials === 0) return { low: 0, high: 1 };
  const x = successes;
  const n = trials;
  const z2 = z * z;
  const upper = (2 * x + z2 + z * Math.sqrt(z2 + (4 * x * (n - x)) / n)) / (2 * (n + z2));
  const lower = x === 0 ? 0 : ((x / n) * (x / (n + z2))) / upper;
  const rate = x / n;
  // The interval always contains the observed rate, and reaches 1 exactly
  // when every trial succeeded; clamp away rounding.
  return { low: Math.min(lower, rate), high: x === n ? 1 : Math.max(upper, rate) };
}
