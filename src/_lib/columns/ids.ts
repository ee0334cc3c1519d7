import { fail } from '../../errors';
import { rowPath } from '../validate/instants';

/** What a lead id must be, in words. */
export const ID_EXPECTED = 'a non-empty string or a safe integer';

/**
 * The canonical key of a lead id: a safe integer and its decimal string are
 * the same id (`42` and `'42'` both give `'42'`); other strings compare
 * exactly. Anything else (NaN, 1.5, an empty string, an object) is
 * `INVALID_ARGUMENT` naming `path`.
 */
export function idKey(fn: string, path: string, value: unknown): string {
  return keyOf(value) ?? fail('INVALID_ARGUMENT', fn, path, value, ID_EXPECTED);
}

/** {@link idKey} of field `field` of row `index` of `prefix`, the path built only for a bad id. */
export function rowIdKey(
  fn: string,
  prefix: string,
  index: number,
  field: string,
  value: unknown,
): string {
  return (
    keyOf(value) ?? fail('INVALID_ARGUMENT', fn, rowPath(prefix, index, field), value, ID_EXPECTED)
  );
}

/** An id's key, or null when the value is not an id. */
function keyOf(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null;
}

/** Whether a string is the decimal form of a safe integer (`'42'`, `'-7'`, not `'042'` or `'4.0'`). */
function isCanonicalInteger(value: string): boolean {
  const n = value.length;
  if (n === 0 || n > 17) return false;
  let i = value.charCodeAt(0) === 45 ? 1 : 0; // '-'
  if (i === n) return false;
  if (value.charCodeAt(i) === 48) return n === i + 1 && i === 0; // '0' alone ('-0' is not String(-0))
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number.isSafeInteger(Number(value));
}

/**
 * Interns lead ids into dense indices 0, 1, 2, … in order of first
 * appearance, with the one id rule: a safe integer and its decimal string
 * are the same id. Numbers are keyed as numbers and strings as strings
 * (a string that is a canonical integer is keyed as its number), so that
 * numeric ids never allocate a string.
 */
export class IdIndex {
  private readonly numbers = new Map<number, number>();
  private readonly strings = new Map<string, number>();
  /** The first form in which each id was seen, by index. */
  readonly ids: (string | number)[] = [];

  get size(): number {
    return this.ids.length;
  }

  /**
   * The index of an id, or −1 when it has not been added. A value that is
   * not an id (NaN, 1.5, an empty string, an object) is −2.
   */
  find(value: unknown): number {
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) return -2;
      return this.numbers.get(value) ?? -1;
    }
    if (typeof value !== 'string' || value.length === 0) return -2;
    const byString = this.strings.get(value);
    if (byString !== undefined) return byString;
    if (this.numbers.size > 0 && isCanonicalInteger(value)) {
      return this.numbers.get(Number(value)) ?? -1;
    }
    return -1;
  }

  /** Adds an id (validated by the caller) if it is new, and returns its index. */
  add(value: string | number): number {
    const found = this.find(value);
    if (found >= 0) return found;
    const index = this.ids.length;
    this.ids.push(value);
    if (typeof value === 'number') this.numbers.set(value, index);
    else if (isCanonicalInteger(value)) this.numbers.set(Number(value), index);
    else this.strings.set(value, index);
    return index;
  }
}
