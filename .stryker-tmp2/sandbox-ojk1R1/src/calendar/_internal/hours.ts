// @ts-nocheck
import { assertObject, fail } from '../../errors';

/** The weekday keys of opening hours, Monday first (ISO order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Minutes of a day: 1440. */
export const DAY_MINUTES = 1440;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Opening hours of one weekday as `[start, end)` minutes after local
 * midnight, in order and not overlapping; an end may be 1440 (`'24:00'`).
 */
export type DaySpans = readonly (readonly [number, number])[];

function minutes(fn: string, path: string, value: unknown, end: boolean): number {
  if (end && value === '24:00') return DAY_MINUTES;
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (match === null)
    fail(
      'INVALID_CALENDAR',
      fn,
      path,
      value,
      end ? "a time 'HH:MM' (or '24:00')" : "a time 'HH:MM'",
    );
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Parses opening hours per weekday (`{ mon: [['09:00', '17:00']], … }`) into
 * minute spans, Monday first. Throws `INVALID_CALENDAR` naming the bad entry
 * for an unknown weekday key, a malformed time, an end not after its start,
 * spans out of order or overlapping, or no opening hours at all.
 */
export function parseHours(fn: string, path: string, value: unknown): DaySpans[] {
  const hours = assertObject(fn, path, value);
  for (const key of Object.keys(hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      fail(
        'INVALID_CALENDAR',
        fn,
        `${path}.${key}`,
        hours[key],
        `a weekday key (${WEEKDAYS.join(', ')})`,
      );
    }
  }
  let anyOpen = false;
  const days = WEEKDAYS.map((day): DaySpans => {
    const raw = hours[day];
    if (raw === undefined) return [];
    if (!Array.isArray(raw))
      fail('INVALID_CALENDAR', fn, `${path}.${day}`, raw, 'an array of [start, end] pairs');
    const spans: [number, number][] = [];
    for (let i = 0; i < raw.length; i++) {
      const pair: unknown = raw[i];
      const at = `${path}.${day}[${i}]`;
      if (!Array.isArray(pair) || pair.length !== 2)
        fail('INVALID_CALENDAR', fn, at, pair, "a pair ['HH:MM', 'HH:MM']");
      const [start, end] = pair as unknown[];
      const from = minutes(fn, `${at}[0]`, start, false);
      const to = minutes(fn, `${at}[1]`, end, true);
      if (from >= to)
        fail('INVALID_CALENDAR', fn, `${at}[1]`, end, `a time after ${String(start)}`);
      const previous = spans.at(-1);
      if (previous !== undefined && from < previous[1]) {
        fail(
          'INVALID_CALENDAR',
          fn,
          `${at}[0]`,
          start,
          'a time at or after the previous end, in order and not overlapping',
        );
      }
      spans.push([from, to]);
    }
    if (spans.length > 0) anyOpen = true;
    return spans;
  });
  if (!anyOpen) fail('INVALID_CALENDAR', fn, path, value, 'opening hours on at least one weekday');
  return days;
}
