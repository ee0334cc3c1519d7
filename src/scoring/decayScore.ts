import { readFields } from '../_lib/validate/options';
import { assertFinite, assertNonNegative } from '../errors';
import { applyDecay, assertDecayPolicy } from './_internal/decay';
import type { DecayPolicy } from './model';

/**
 * Options of {@link decayScore}.
 *
 * @category Scoring
 */
export interface DecayScoreOptions {
  /** Days of inactivity, a finite number ≥ 0 (fractions allowed). */
  readonly elapsedDays: number;
  /** How the score decays. */
  readonly policy: DecayPolicy;
  /**
   * The score never decays below this, a finite number ≥ 0; a score already
   * at or below it is returned unchanged.
   * @defaultValue 0
   */
  readonly floor?: number;
}

/**
 * Decays the score of an inactive lead, never below a floor.
 *
 * - `percent`: loses `rate` of the score per whole `everyDays` period.
 * - `points`: loses `points` per whole `everyDays` period.
 * - `halfLife`: halves continuously every `halfLifeDays`.
 *
 * Periods count only after the grace `afterDays`. The result is
 * `max(floor, decayed)`; a score already at or below the floor is returned
 * unchanged. Decay is non-increasing in time, never goes below
 * `min(score, floor)`, and half-lives compose: decaying by t₁ and then t₂ is
 * decaying by t₁ + t₂.
 *
 * @param score - The score before decay, a finite number.
 * @param options - Elapsed days, the policy and the floor.
 * @returns The decayed score.
 * @throws {LeadMathError} `INVALID_NUMBER` for a non-finite score, or negative or non-finite
 * `elapsedDays` or `floor`.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a malformed policy, naming its field.
 *
 * @example
 * ```ts
 * import { decayScore } from 'leadmath';
 *
 * const policy = { kind: 'percent', rate: 0.1, everyDays: 30 } as const;
 * decayScore(80, { elapsedDays: 65, policy, floor: 25 }); //=> 64.8...
 * decayScore(80, { elapsedDays: 365, policy: { kind: 'points', points: 10, everyDays: 30 }, floor: 25 }); //=> 25
 * decayScore(80, { elapsedDays: 14, policy: { kind: 'halfLife', halfLifeDays: 14 } }); //=> 40
 * ```
 *
 * @category Scoring
 */
export function decayScore(score: number, options: DecayScoreOptions): number {
  const fn = 'decayScore';
  assertFinite(fn, 'score', score);
  const fields = readFields(fn, options, ['elapsedDays', 'policy', 'floor'], 'options');
  const elapsedDays = assertNonNegative(fn, 'options.elapsedDays', fields.elapsedDays);
  const policy = assertDecayPolicy(fn, 'options.policy', fields.policy);
  const floor =
    fields.floor === undefined ? 0 : assertNonNegative(fn, 'options.floor', fields.floor);
  if (score <= floor) return score;
  return Math.max(floor, applyDecay(score, elapsedDays, policy));
}
