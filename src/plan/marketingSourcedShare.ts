import { DEFAULT_Z, wilsonBounds } from '../_lib/stats/wilson';
import { readFields } from '../_lib/validate/options';
import { assertCount, assertNotAbove, fail } from '../errors';
import type { WilsonIntervalResult } from '../funnel/index';

/**
 * How sales works: `'field'` (field sales with inside support) or `'inside'`
 * (inside sales with lead-focused marketing).
 *
 * @category Planning
 */
export type SalesModel = 'field' | 'inside';

/**
 * Input of {@link marketingSourcedShare}.
 *
 * @category Planning
 */
export interface MarketingSourcedShareOptions {
  /** New customers whose first touch was marketing (an integer ≤ `customers`). */
  readonly marketingSourced: number;
  /** All new customers in the period (a non-negative integer). */
  readonly customers: number;
  /** Which benchmark band applies. */
  readonly salesModel: SalesModel;
}

/**
 * The usual range of a share, inclusive.
 *
 * @category Planning
 */
export interface BenchmarkBand {
  /** Lower end of the usual range. */
  readonly low: number;
  /** Upper end of the usual range. */
  readonly high: number;
}

/**
 * Result of {@link marketingSourcedShare}.
 *
 * @category Planning
 */
export interface MarketingSourcedShareResult {
  /** `marketingSourced ÷ customers`, or `null` with no customers. */
  readonly share: number | null;
  /** 95 % Wilson interval of the share; `[0, 1]` with no customers. */
  readonly interval: WilsonIntervalResult;
  /** The usual band for the sales model: field 20–40 %, inside 40–80 %. */
  readonly benchmark: BenchmarkBand;
  /** Where the share falls against the band (bounds inclusive); `null` with no customers. */
  readonly position: 'below' | 'within' | 'above' | null;
}

/** Benchmark bands of marketing-sourced share by sales model. */
const BENCHMARKS: Readonly<Record<SalesModel, BenchmarkBand>> = {
  field: { low: 0.2, high: 0.4 },
  inside: { low: 0.4, high: 0.8 },
};

/**
 * The share of new customers that marketing sourced, against the usual band
 * for the sales model: 20–40 % where field sales with inside support close
 * deals, 40–80 % for inside sales with lead-focused marketing.
 *
 * @param input - Marketing-sourced customers, all customers and the sales model.
 * @returns The share with its 95 % interval, the benchmark band and the position in it.
 * @throws {LeadMathError} `INVALID_COUNT` for a bad count.
 * @throws {LeadMathError} `INCONSISTENT_COUNTS` when `marketingSourced > customers`.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a sales model other than `'field'` or `'inside'`.
 *
 * @example
 * ```ts
 * import { marketingSourcedShare } from 'leadmath';
 *
 * const result = marketingSourcedShare({ marketingSourced: 45, customers: 150, salesModel: 'field' });
 * result.share; //=> 0.3
 * result.position; //=> 'within'
 * ```
 *
 * @category Planning
 */
export function marketingSourcedShare(
  input: MarketingSourcedShareOptions,
): MarketingSourcedShareResult {
  const fn = 'marketingSourcedShare';
  const fields = readFields(
    fn,
    input,
    ['marketingSourced', 'customers', 'salesModel'],
    'input',
    '',
  );
  const customers = assertCount(fn, 'customers', fields.customers);
  const sourced = assertCount(fn, 'marketingSourced', fields.marketingSourced);
  assertNotAbove(fn, 'marketingSourced', sourced, 'customers', customers);
  const model = fields.salesModel;
  if (model !== 'field' && model !== 'inside') {
    fail('INVALID_ARGUMENT', fn, 'salesModel', model, "'field' or 'inside'");
  }
  const benchmark = BENCHMARKS[model];
  const share = customers === 0 ? null : sourced / customers;
  const position =
    share === null
      ? null
      : share < benchmark.low
        ? 'below'
        : share > benchmark.high
          ? 'above'
          : 'within';
  return { share, interval: wilsonBounds(sourced, customers, DEFAULT_Z), benchmark, position };
}

/**
 * Former name of {@link MarketingSourcedShareOptions}.
 *
 * @deprecated Use {@link MarketingSourcedShareOptions}; this alias will be removed in the next minor version.
 * @category Planning
 */
export type MarketingSourcedShareInput = MarketingSourcedShareOptions;
