import { Temporal } from 'temporal-polyfill';
import { fail } from '../../errors';

export { Temporal };

/** First supported instant: 1900-01-01T00:00Z. */
export const MIN_INSTANT_MS = Date.UTC(1900, 0, 1);
/** First instant after the supported range: 2200-01-01T00:00Z. */
export const END_INSTANT_MS = Date.UTC(2200, 0, 1);

/** What every instant argument must be, in words. */
export const INSTANT_EXPECTED =
  'a valid Date, epoch milliseconds or an ISO 8601 string with an offset or Z, from 1900-01-01T00:00Z up to (not including) 2200-01-01T00:00Z';

/** Whether `ms` lies in the supported range [1900-01-01T00:00Z, 2200-01-01T00:00Z). */
export function inSupportedRange(ms: number): boolean {
  return ms >= MIN_INSTANT_MS && ms < END_INSTANT_MS;
}

/** `value instanceof Date`, false for a hostile object whose traps throw. */
function isDate(value: unknown): value is Date {
  try {
    return value instanceof Date && !Number.isNaN(Date.prototype.getTime.call(value));
  } catch {
    return false;
  }
}

/**
 * Reads an instant given as a Date, epoch milliseconds or an ISO 8601 string
 * with an offset or Z, returning epoch milliseconds. A string without an
 * offset names no instant and is rejected, and so is any instant outside
 * 1900-01-01T00:00Z ≤ t < 2200-01-01T00:00Z: that range catches epoch
 * seconds or microseconds passed as milliseconds and keeps every calendar
 * bounded.
 */
export function toEpochMs(fn: string, path: string, value: unknown): number {
  const ms = epochMsOrNaN(value);
  if (Number.isNaN(ms)) fail('INVALID_DATE', fn, path, value, INSTANT_EXPECTED);
  return ms;
}

/** What {@link toEpochMs} reads, or NaN where it would throw; allocates nothing for numbers and Dates. */
export function epochMsOrNaN(value: unknown): number {
  let ms = Number.NaN;
  if (typeof value === 'number') ms = Number.isInteger(value) ? value : Number.NaN;
  else if (typeof value === 'string') {
    try {
      ms = Temporal.Instant.from(value).epochMilliseconds;
    } catch {
      // not an instant
    }
  } else if (isDate(value)) ms = Date.prototype.getTime.call(value);
  return inSupportedRange(ms) ? ms : Number.NaN;
}

/**
 * {@link toEpochMs} for field `field` of row `index` of `prefix` (see
 * `rowPath`): the path is only built when the value is bad, so reading a
 * million valid rows allocates no path strings.
 */
export function rowInstant(
  fn: string,
  prefix: string,
  index: number,
  field: string,
  value: unknown,
): number {
  const ms = epochMsOrNaN(value);
  if (Number.isNaN(ms))
    fail('INVALID_DATE', fn, rowPath(prefix, index, field), value, INSTANT_EXPECTED);
  return ms;
}

/**
 * The path of a field of row `index` of `prefix`: `items[3].start`; with
 * index −1, of an argument itself: `start` (prefix `''`) or `input.start`.
 */
export function rowPath(prefix: string, index: number, field: string): string {
  if (index < 0) return prefix === '' ? field : `${prefix}.${field}`;
  return field === '' ? `${prefix}[${index}]` : `${prefix}[${index}].${field}`;
}

/**
 * Row `index` of `prefix` (or its field `field`) as an object, the path
 * built only when it is not one: a row loop must not build a string per
 * valid row.
 */
export function rowObject(
  fn: string,
  prefix: string,
  index: number,
  value: unknown,
  field = '',
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('INVALID_ARGUMENT', fn, rowPath(prefix, index, field), value, 'an object');
  }
  return value as Readonly<Record<string, unknown>>;
}

/** Field `field` of row `index` as a non-empty string, the path built only when it is not one. */
export function rowNonEmptyString(
  fn: string,
  prefix: string,
  index: number,
  field: string,
  value: unknown,
  expected = 'a non-empty string',
): string {
  if (typeof value !== 'string' || value.length === 0) {
    fail('INVALID_ARGUMENT', fn, rowPath(prefix, index, field), value, expected);
  }
  return value;
}

/** Field `field` of row `index` as a finite number, the path built only when it is not one. */
export function rowFinite(
  fn: string,
  prefix: string,
  index: number,
  field: string,
  value: unknown,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail('INVALID_NUMBER', fn, rowPath(prefix, index, field), value, 'a finite number');
  }
  return value;
}

/** Validates an IANA time zone name (or a fixed offset such as `+05:30`). */
export function assertTimeZone(fn: string, path: string, value: unknown): string {
  if (typeof value === 'string' && value.length > 0) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(value);
      return value;
    } catch {
      // fall through to the error below
    }
  }
  return fail('INVALID_TIME_ZONE', fn, path, value, 'an IANA time zone name such as "Europe/Oslo"');
}

/**
 * The instant `days` calendar days before `epochMs` in `timeZone` (wall clock
 * kept), or `null` when that falls outside the supported range.
 */
export function minusCalendarDays(epochMs: number, days: number, timeZone: string): number | null {
  // Past the range's length, the answer is outside it whatever the zone.
  if (days > 120_000) return null;
  const ms = Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(timeZone)
    .subtract({ days })
    .toInstant().epochMilliseconds;
  return inSupportedRange(ms) ? ms : null;
}
