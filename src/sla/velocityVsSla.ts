import { readFields } from '../_lib/validate/options';
import { assertNonNegative, assertPositive } from '../errors';

/**
 * Input of {@link velocityVsSla}.
 *
 * @category SLA
 */
export interface VelocityVsSlaOptions {
  /** Average days leads spend in the stage (the velocity report), ≥ 0. */
  readonly averageDaysInStage: number;
  /** The agreed days for the stage, > 0. */
  readonly slaDays: number;
}

/**
 * Result of {@link velocityVsSla}.
 *
 * @category SLA
 */
export interface VelocityVsSlaResult {
  /** Whether the average exceeds the SLA. */
  readonly breached: boolean;
  /** Days over the SLA, 0 when within it. */
  readonly overByDays: number;
}

/**
 * Compares a velocity report with the SLA: an average of 3 days in the MQL
 * stage against a 2-day SLA is breached by 1 day. An average can hide
 * individual breaches either way; use {@link slaReport} for the items.
 *
 * @param input - Average days in the stage and the SLA in days.
 * @returns Whether it is breached, and by how many days.
 * @throws {LeadMathError} `INVALID_NUMBER` for a negative average or a non-positive SLA.
 *
 * @example
 * ```ts
 * import { velocityVsSla } from 'leadmath';
 *
 * velocityVsSla({ averageDaysInStage: 3, slaDays: 2 }); //=> { breached: true, overByDays: 1 }
 * ```
 *
 * @category SLA
 */
export function velocityVsSla(input: VelocityVsSlaOptions): VelocityVsSlaResult {
  const fn = 'velocityVsSla';
  const fields = readFields(fn, input, ['averageDaysInStage', 'slaDays'], 'input', '');
  const average = assertNonNegative(fn, 'averageDaysInStage', fields.averageDaysInStage);
  const sla = assertPositive(fn, 'slaDays', fields.slaDays);
  return { breached: average > sla, overByDays: Math.max(0, average - sla) };
}

/**
 * Former name of {@link VelocityVsSlaOptions}.
 *
 * @deprecated Use {@link VelocityVsSlaOptions}; this alias will be removed in the next minor version.
 * @category SLA
 */
export type VelocityVsSlaInput = VelocityVsSlaOptions;
