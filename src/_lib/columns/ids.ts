import { fail } from '../../errors';

/** What a lead id must be, in words. */
export const ID_EXPECTED = 'a non-empty string or a safe integer';

/**
 * The canonical key of a lead id: a safe integer and its decimal string are
 * the same id (`42` and `'42'` both give `'42'`); other strings compare
 * exactly. Anything else (NaN, 1.5, an empty string, an object) is
 * `INVALID_ARGUMENT` naming `path`.
 */
export function idKey(fn: string, path: string, value: unknown): string {
  if (typeof value === 'string') {
    if (value.length > 0) return value;
  } else if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return String(value);
  }
  return fail('INVALID_ARGUMENT', fn, path, value, ID_EXPECTED);
}
