/**
 * The Kaplan–Meier estimator of the share of subjects that had an event by
 * a time h, from right-censored observations, as `scipy.stats.ecdf` computes
 * it on censored data: at equal times events come before censorings (a
 * subject censored at t is still at risk at t), and beyond the last
 * observation the estimate holds its last value. The interval is the
 * log-log ("exponential Greenwood") one, as scipy's
 * `confidence_interval(method='log-log')`.
 */
import { firstAtOrAfter, lastAtOrBefore } from '../columns/search';
import { twoSidedZ } from './normal';

/** The estimate at one horizon. */
export interface KaplanMeierPoint {
  /** 1 − S(h): the share with an event by h. */
  readonly share: number;
  /** Lower bound of its interval; `null` where the log-log interval is undefined. */
  readonly low: number | null;
  /** Upper bound; `null` where undefined. */
  readonly high: number | null;
  /** Subjects whose observed time (event or censoring) is ≥ h. */
  readonly atRisk: number;
}

/** The step function: its jumps, and what the interval needs at each. */
export interface KaplanMeierCurve {
  /** Distinct event times, ascending. */
  readonly times: Float64Array;
  /** S just after each event time. */
  readonly survival: Float64Array;
  /** Greenwood's sum Σ d / (n (n − d)) up to each event time (+∞ once n = d). */
  readonly greenwood: Float64Array;
  /** Observed times (events and censorings), ascending: for the number at risk. */
  readonly observed: Float64Array;
}

/**
 * The curve of `n` observations: `durations[i]` is subject i's observed
 * time, `events[i]` 1 when it is an event, 0 when censored. O(n log n).
 */
export function kaplanMeier(
  durations: Float64Array,
  events: Uint8Array,
  n: number,
): KaplanMeierCurve {
  // Sort by time, events before censorings at equal times.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => durations[a]! - durations[b]! || events[b]! - events[a]!,
  );
  const observed = Float64Array.from(order, (i) => durations[i]!);
  const times: number[] = [];
  const survival: number[] = [];
  const greenwood: number[] = [];
  let s = 1;
  let sum = 0;
  let k = 0;
  while (k < n) {
    const t = observed[k]!;
    const atRisk = n - k;
    let d = 0;
    let m = k;
    while (m < n && observed[m] === t) {
      d += events[order[m]!]!;
      m++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      sum += d / (atRisk * (atRisk - d)); // +∞ once every subject at risk has the event
      times.push(t);
      survival.push(s);
      greenwood.push(sum);
    }
    k = m;
  }
  return {
    times: Float64Array.from(times),
    survival: Float64Array.from(survival),
    greenwood: Float64Array.from(greenwood),
    observed,
  };
}

/** A bound, or null when it is not a number (the formula is undefined there). */
function bound(x: number): number | null {
  return Number.isNaN(x) ? null : Math.min(1, Math.max(0, x));
}

/** The estimate at horizon h, with its log-log interval at `confidence`. */
export function kaplanMeierAt(
  curve: KaplanMeierCurve,
  h: number,
  confidence: number,
): KaplanMeierPoint {
  const atRisk = curve.observed.length - firstAtOrAfter(curve.observed, h);
  const i = lastAtOrBefore(curve.times, h);
  if (i < 0) return { share: 0, low: null, high: null, atRisk };
  const s = curve.survival[i]!;
  const z = twoSidedZ(confidence);
  // As scipy: var = Σ / log(S)², bounds exp(−exp(log(−log S) ± z se)).
  const se = Math.sqrt(curve.greenwood[i]! / Math.log(s) ** 2);
  const center = Math.log(-Math.log(s));
  const sfLow = Math.exp(-Math.exp(center + z * se));
  const sfHigh = Math.exp(-Math.exp(center - z * se));
  return { share: 1 - s, low: bound(1 - sfHigh), high: bound(1 - sfLow), atRisk };
}
