import { fail } from '../../errors';

/**
 * Relative tolerance under which a float product counts as covering its
 * target: `n × unit ≥ need × (1 − 1e-9)`. It absorbs rounding noise (0.3 / 0.1
 * is 2.9999999999999996 in binary floating point) without ever adding a lead.
 */
export const COVER_TOLERANCE = 1e-9;

/** Whether `n` units of size `unit` cover `need`, up to {@link COVER_TOLERANCE}. */
export function covers(n: number, unit: number, need: number): boolean {
  return n * unit >= need * (1 - COVER_TOLERANCE);
}

/**
 * The smallest non-negative integer `n` with `covers(n, unit, need)`.
 * `need ≥ 0` and `unit > 0` are validated by the caller; a result beyond
 * `Number.MAX_SAFE_INTEGER` throws `INVALID_NUMBER` naming `path`.
 */
export function smallestCovering(
  need: number,
  unit: number,
  fn: string,
  path: string,
  value: unknown,
): number {
  let n = Math.ceil((need * (1 - COVER_TOLERANCE)) / unit);
  if (!(n <= Number.MAX_SAFE_INTEGER)) {
    fail('INVALID_NUMBER', fn, path, value, 'small enough that the result is a safe integer');
  }
  // The division and the product round differently; settle on the product.
  while (n > 0 && covers(n - 1, unit, need)) n--;
  while (!covers(n, unit, need)) n++;
  return n;
}
