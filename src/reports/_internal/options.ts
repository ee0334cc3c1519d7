/** Options and inputs shared by the reports. */
import { readDuration } from '../../_lib/validate/durations';
import { assertArray, assertNonEmptyString, assertObject, fail } from '../../errors';
import {
  type EventColumns,
  type ReadEventsOptions,
  readEventColumns,
  readEventObjects,
} from './events';

/** An elapsed duration in ms (business days have no meaning without a calendar). */
export function elapsedMs(fn: string, path: string, value: unknown): number {
  const ms = readDuration(fn, path, value);
  if (typeof ms !== 'number') {
    fail(
      'INVALID_DURATION',
      fn,
      path,
      value,
      'milliseconds or { days, hours, minutes }, not business days',
    );
  }
  return ms;
}

export function readChoice<T extends string>(
  fn: string,
  path: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (value === undefined) return choices[0]!;
  if (!choices.includes(value as T)) {
    fail('INVALID_ARGUMENT', fn, path, value, choices.map((c) => `'${c}'`).join(' or '));
  }
  return value as T;
}

/** Outcome names: non-empty, unique, and none of them a stage. */
export function readOutcomes(
  fn: string,
  stages: readonly string[],
  value: unknown,
): readonly string[] {
  const outcomes = value === undefined ? [] : assertArray(fn, 'options.outcomes', value);
  const seen = new Set(stages);
  outcomes.forEach((name, i) => {
    assertNonEmptyString(fn, `options.outcomes[${i}]`, name);
    if (seen.has(name as string)) {
      fail(
        'INVALID_ARGUMENT',
        fn,
        `options.outcomes[${i}]`,
        name,
        'a name that is not a stage or an earlier outcome',
      );
    }
    seen.add(name as string);
  });
  return outcomes as readonly string[];
}

/** Events as objects (an array) or columns (an object of columns). */
export function readEvents(fn: string, events: unknown, read: ReadEventsOptions): EventColumns {
  return Array.isArray(events)
    ? readEventObjects(fn, events, read)
    : readEventColumns(fn, assertObject(fn, 'events', events), read);
}
