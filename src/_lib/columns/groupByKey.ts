/**
 * Groups by a string key: each distinct key gets a dense code in order of
 * first appearance (one map lookup per row), and `sortedKeys` lists the
 * codes in key order at the end, so results come out sorted without
 * sorting the rows. `null` (no key) is a group of its own, last.
 */
export class KeyGroups {
  private readonly codes = new Map<string, number>();
  /** The key of each code; `null` for the group of rows without one. */
  readonly keys: (string | null)[] = [];
  private nullCode = -1;

  /** The code of a key, new keys getting the next code. */
  codeOf(key: string | null): number {
    if (key === null) {
      if (this.nullCode < 0) {
        this.nullCode = this.keys.length;
        this.keys.push(null);
      }
      return this.nullCode;
    }
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.codes.set(key, code);
      this.keys.push(key);
    }
    return code;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Codes in the order of their keys (UTF-16 code units, as `<` compares strings), `null` last. */
  sortedCodes(): number[] {
    const keys = this.keys;
    return keys
      .map((_, code) => code)
      .sort((a, b) => {
        const x = keys[a]!;
        const y = keys[b]!;
        if (x === null) return 1;
        if (y === null) return -1;
        return x < y ? -1 : x > y ? 1 : 0;
      });
  }
}

/**
 * The group key of a field's value, by the one rule every report groups by:
 * a string as it is, a number or boolean as its string, `null` for a
 * missing, null or empty value, and `undefined` for anything else (the
 * caller reports it).
 */
export function groupKeyOf(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
