// @ts-nocheck
import * as v from 'valibot';
import { readFields } from '../_lib/options';
import { assertFinite, assertNonNegative, fail } from '../errors';
import { type DecayPolicy, DecaySchema } from './model';

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

/** Decays a positive amount with a validated policy; no floor. */
export function applyDecay(score: number, elapsedDays: number, policy: DecayPolicy): number {
  const active = Math.max(0, elapsedDays - (policy.afterDays ?? 0));
  switch (policy.kind) {
    case 'percent':
      return score * (1 - policy.rate) ** Math.floor(active / policy.everyDays);
    case 'points':
      return score - policy.points * Math.floor(active / policy.everyDays);
    case 'halfLife':
      return score * 2 ** (-active / policy.halfLifeDays);
  }
}

/** Validates a decay policy with the model schema, naming the path on failure. */
export function assertDecayPolicy(fn: string, path: string, value: unknown): DecayPolicy {
  let result: ReturnType<typeof v.safeParse<typeof DecaySchema>>;
  try {
    result = v.safeParse(DecaySchema, value);
  } catch {
    // A hostile object (a Proxy whose traps throw) is not a policy.
    return fail('INVALID_ARGUMENT', fn, path, value, 'a decay policy object');
  }
  if (result.success) return result.output as DecayPolicy;
  const issue = result.issues[0]!;
  let where = path;
  for (const { key } of (issue.path ?? []) as readonly { key: unknown }[])
    where += `.${String(key)}`;
  const expected =
    issue.type === 'strict_object'
      ? issue.expected === 'never'
        ? 'absent (unknown key)'
        : 'an object'
      : issue.message;
  return fail('INVALID_ARGUMENT', fn, where, issue.input, expected);
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
