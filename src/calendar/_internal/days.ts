import { daysFromCivil, parseIsoDay } from '../../_lib/time/civil';
import { fail } from '../../errors';

/** 1900-01-01 and 2200-01-01 as day counts since 1970-01-01: the supported dates. */
export const FIRST_DAY = daysFromCivil(1900, 1, 1);
export const END_DAY = daysFromCivil(2200, 1, 1);

/** Reads an ISO date `'YYYY-MM-DD'` in 1900–2199 as a local day count. */
export function readIsoDay(
  fn: string,
  path: string,
  value: unknown,
  code: 'INVALID_CALENDAR' | 'INVALID_DATE',
): number {
  const day = parseIsoDay(value);
  if (day === null || day < FIRST_DAY || day >= END_DAY) {
    fail(code, fn, path, value, "an ISO date 'YYYY-MM-DD' from 1900-01-01 to 2199-12-31");
  }
  return day;
}
