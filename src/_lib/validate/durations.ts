import { fail } from '../../errors';

const DAY_MS = 86_400_000;

/** A whole number of days ≥ `min`, as lags and review intervals are counted. */
export function assertWholeDays(fn: string, path: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    fail('INVALID_DURATION', fn, path, value, `a whole number of days ≥ ${min}`);
  }
  return value;
}

/**
 * Reads a business duration: milliseconds, `{ days, hours, minutes }` (summed
 * to milliseconds of open time, a day being 24 hours), or `{ businessDays }`.
 * With `positive`, a zero duration is refused too.
 */
export function readDuration(
  fn: string,
  path: string,
  value: unknown,
  positive = false,
): number | { businessDays: number } {
  const min = positive ? '> 0' : '≥ 0';
  const bad = (): never =>
    fail(
      'INVALID_DURATION',
      fn,
      path,
      value,
      `milliseconds ${min}, { days, hours, minutes } ${min}, or { businessDays: n }`,
    );
  if (typeof value === 'number') {
    return Number.isFinite(value) && (positive ? value > 0 : value >= 0) ? value : bad();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad();
  const fields = value as Record<string, unknown>;
  const keys = Object.keys(fields);
  if ('businessDays' in fields) {
    const n = fields.businessDays;
    if (
      keys.length !== 1 ||
      typeof n !== 'number' ||
      !Number.isSafeInteger(n) ||
      n < (positive ? 1 : 0)
    )
      return bad();
    return { businessDays: n };
  }
  if (keys.length === 0 || keys.some((k) => k !== 'days' && k !== 'hours' && k !== 'minutes'))
    return bad();
  let ms = 0;
  for (const [key, unit] of [
    ['days', DAY_MS],
    ['hours', 3_600_000],
    ['minutes', 60_000],
  ] as const) {
    const x = fields[key];
    if (x === undefined) continue;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) return bad();
    ms += x * unit;
  }
  return positive && ms === 0 ? bad() : ms;
}
