import { twoSidedZ } from '../_lib/stats/normal';
import { DEFAULT_Z, wilsonBounds } from '../_lib/stats/wilson';
import { rowFinite, rowObject } from '../_lib/validate/instants';
import { eachRow, readOnInvalid } from '../_lib/validate/issues';
import { readFields } from '../_lib/validate/options';
import { assertArray, assertFinite, assertOpenUnit, fail, type LeadMathIssue } from '../errors';
import type { WilsonIntervalResult } from '../funnel/index';

/**
 * A scored lead and whether it converted (e.g. became an opportunity).
 *
 * @category Scoring
 */
export interface ScoredOutcome {
  /** The lead's score. */
  readonly score: number;
  /** Whether it converted. */
  readonly converted: boolean;
}

/**
 * Options of {@link evaluateModel}.
 *
 * @category Scoring
 */
export interface EvaluateModelOptions {
  /** Scores at or above this are sales-ready. */
  readonly threshold: number;
  /**
   * Ascending band edges for conversion by score band.
   * @defaultValue `[threshold × 0.5, threshold, threshold × 1.5]`, or `[threshold]` when it is not positive
   */
  readonly bands?: readonly number[];
  /**
   * Confidence of the Wilson intervals.
   * @defaultValue 0.95
   */
  readonly confidence?: number;
  /**
   * What a bad row does: `'throw'` throws on the first one, naming its row;
   * `'collect'` leaves it out of every figure and lists it in `issues`.
   * @defaultValue 'throw'
   */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * Conversion among a group of leads.
 *
 * @category Scoring
 */
export interface ConversionGroup {
  /** Leads in the group. */
  readonly count: number;
  /** Converted leads in the group. */
  readonly converted: number;
  /** `converted ÷ count`, or `null` for an empty group. */
  readonly rate: number | null;
  /** Wilson interval of the rate. */
  readonly interval: WilsonIntervalResult;
}

/**
 * Conversion among leads with scores in `[from, to)`.
 *
 * @category Scoring
 */
export interface ScoreBand extends ConversionGroup {
  /** Lowest score in the band (inclusive); `null` for the lowest band. */
  readonly from: number | null;
  /** Score where the next band starts (exclusive); `null` for the highest band. */
  readonly to: number | null;
}

/**
 * Result of {@link evaluateModel}.
 *
 * @category Scoring
 */
export interface EvaluateModelResult {
  /** Area under the ROC curve (Mann–Whitney, ties count half); `null` without both outcomes. */
  readonly auc: number | null;
  /** Sales-ready leads that converted ÷ sales-ready leads; `null` with none sales-ready. */
  readonly precision: number | null;
  /** Converted leads that were sales-ready ÷ converted leads; `null` with none converted. */
  readonly recall: number | null;
  /** Conversion rate at or above the threshold (equal to precision). */
  readonly conversionAboveThreshold: number | null;
  /** Conversion rate below the threshold. */
  readonly conversionBelow: number | null;
  /** Conversion above the threshold ÷ overall conversion; `null` when undefined. */
  readonly lift: number | null;
  /** Sales-ready leads: how many, how many converted, the rate and its interval. */
  readonly salesReady: ConversionGroup;
  /** Leads below the threshold. */
  readonly belowThreshold: ConversionGroup;
  /** Conversion by score band, lowest band first. */
  readonly bands: readonly ScoreBand[];
  /** With `onInvalid: 'collect'`, the rows left out as bad. */
  readonly issues?: readonly LeadMathIssue[];
}

function group(count: number, converted: number, z: number): ConversionGroup {
  return {
    count,
    converted,
    rate: count === 0 ? null : converted / count,
    interval: wilsonBounds(converted, count, z),
  };
}

/**
 * AUC by the Mann–Whitney U statistic: the probability that a random
 * converted lead outscores a random non-converted one, ties counting half.
 * Sorts a copy once: O(n log n).
 */
function areaUnderCurve(
  scores: Float64Array,
  converted: Uint8Array,
  positives: number,
): number | null {
  const n = scores.length;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1; // average rank of the tie group (1-based)
    for (let k = i; k <= j; k++) if (converted[order[k]!]) rankSum += midRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Measures a scoring model against outcomes: how well scores separate leads
 * that converted from those that did not (AUC), and what the threshold does
 * (precision, recall, conversion above and below it, lift), with conversion
 * by score band. Use it to refine the model by how many sales-ready leads
 * became opportunities.
 *
 * @param scored - One `{ score, converted }` per lead.
 * @param options - The threshold, and optionally band edges and confidence.
 * @returns AUC, precision, recall, conversion above and below, lift, groups and bands.
 * @throws {LeadMathError} `INVALID_NUMBER` for a non-finite score or threshold.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a non-boolean `converted` or unsorted band edges.
 * @throws {LeadMathError} `INVALID_RATE` for a confidence outside (0, 1).
 *
 * @example
 * ```ts
 * import { evaluateModel } from 'leadmath';
 *
 * const result = evaluateModel(
 *   [
 *     { score: 90, converted: true },
 *     { score: 70, converted: true },
 *     { score: 60, converted: false },
 *     { score: 30, converted: true },
 *     { score: 20, converted: false },
 *   ],
 *   { threshold: 50 },
 * );
 * result.auc; //=> 0.8333...
 * result.precision; //=> 0.6666...
 * result.recall; //=> 0.6666...
 * result.lift; //=> 1.1111...
 * ```
 *
 * @category Scoring
 */
export function evaluateModel(
  scored: readonly ScoredOutcome[],
  options: EvaluateModelOptions,
): EvaluateModelResult {
  const fn = 'evaluateModel';
  const items = assertArray(fn, 'scored', scored);
  const fields = readFields(
    fn,
    options,
    ['threshold', 'confidence', 'bands', 'onInvalid'],
    'options',
  );
  const onInvalid = readOnInvalid(fn, 'options.onInvalid', fields.onInvalid);
  const threshold = assertFinite(fn, 'options.threshold', fields.threshold);
  const z =
    fields.confidence === undefined
      ? DEFAULT_Z
      : twoSidedZ(assertOpenUnit(fn, 'options.confidence', fields.confidence));
  // Default bands around a positive threshold; a threshold of 0 or below splits at it alone.
  const defaultEdges = threshold > 0 ? [threshold * 0.5, threshold, threshold * 1.5] : [threshold];
  const edges = (fields.bands ?? defaultEdges) as readonly unknown[];
  assertArray(fn, 'options.bands', edges);
  // A plain loop: forEach skips the holes of a sparse array, which would pass unchecked.
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i];
    assertFinite(fn, `options.bands[${i}]`, edge);
    if (i > 0 && !((edge as number) > (edges[i - 1] as number))) {
      fail(
        'INVALID_ARGUMENT',
        fn,
        `options.bands[${i}]`,
        edge,
        `a number above options.bands[${i - 1}]`,
      );
    }
  }

  const scores = new Float64Array(items.length);
  const converted = new Uint8Array(items.length);
  const bandCounts = new Float64Array(edges.length + 1);
  const bandConverted = new Float64Array(edges.length + 1);
  let n = 0;
  let positives = 0;
  let ready = 0;
  let readyConverted = 0;
  const issues = eachRow(items.length, onInvalid, (i) => {
    const item = rowObject(fn, 'scored', i, items[i]);
    const score = rowFinite(fn, 'scored', i, 'score', item.score);
    if (typeof item.converted !== 'boolean') {
      fail('INVALID_ARGUMENT', fn, `scored[${i}].converted`, item.converted, 'true or false');
    }
    const yes = item.converted ? 1 : 0;
    scores[n] = score;
    converted[n] = yes;
    n++;
    positives += yes;
    if (score >= threshold) {
      ready++;
      readyConverted += yes;
    }
    let band = 0;
    while (band < edges.length && score >= (edges[band] as number)) band++;
    bandCounts[band]!++;
    bandConverted[band]! += yes;
  });

  const salesReady = group(ready, readyConverted, z);
  const belowThreshold = group(n - ready, positives - readyConverted, z);
  const overall = n === 0 ? null : positives / n;
  return {
    auc: areaUnderCurve(scores.subarray(0, n), converted.subarray(0, n), positives),
    precision: salesReady.rate,
    recall: positives === 0 ? null : readyConverted / positives,
    conversionAboveThreshold: salesReady.rate,
    conversionBelow: belowThreshold.rate,
    lift: salesReady.rate === null || !overall ? null : salesReady.rate / overall,
    salesReady,
    belowThreshold,
    bands: Array.from(bandCounts, (count, b) => ({
      from: b === 0 ? null : (edges[b - 1] as number),
      to: b === edges.length ? null : (edges[b] as number),
      ...group(count, bandConverted[b]!, z),
    })),
    ...(onInvalid === 'collect' ? { issues } : {}),
  };
}
