/**
 * Proleptic Gregorian calendar arithmetic on plain dates, without `Date`
 * (whose `Date.UTC` reads years 0–99 as 1900–1999). Algorithms from Howard
 * Hinnant's "chrono-compatible low-level date algorithms".
 */

/** Milliseconds in a 24-hour day. */
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the date `year-month-day` (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date `[year, month, day]` of a day count since 1970-01-01. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** ISO weekday of a day count since 1970-01-01: 0 = Monday … 6 = Sunday. */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Parses `'YYYY-MM-DD'` strictly into a day count since 1970-01-01; `null` if malformed. */
export function parseIsoDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // A month or day out of range (13, 00, 02-30) comes back as another month.
  const days = daysFromCivil(year, month, day);
  const [y, m] = civilFromDays(days);
  return y === year && m === month ? days : null;
}
