import type { Condition, Scalar } from '../model';

/** A compiled condition: a predicate over one object (a lead, or activity properties). */
export type Predicate = (subject: unknown) => boolean;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The own property `key` of `subject`, or `undefined` when it is not an
 * object or has no such own property: `constructor`, `toString` and the rest
 * of the prototype are never read as fields.
 */
export function ownField(subject: unknown, key: string): unknown {
  return typeof subject === 'object' && subject !== null && hasOwn.call(subject, key)
    ? (subject as Record<string, unknown>)[key]
    : undefined;
}

/** Reads a dot path such as `'company.employees'` (own properties only); `undefined` when any step is missing. */
export function pathGetter(path: string): (subject: unknown) => unknown {
  const keys = path.split('.');
  if (keys.length === 1) {
    const key = keys[0]!;
    return (subject) => ownField(subject, key);
  }
  return (subject) => {
    let value = subject;
    for (const key of keys) {
      value = ownField(value, key);
      if (value === undefined) return undefined;
    }
    return value;
  };
}

/** The test a leaf applies to the field's value. */
export function leafTest(condition: Condition): (value: unknown) => boolean {
  if ('equals' in condition) {
    const expected = condition.equals;
    return (value) => value === expected;
  }
  if ('in' in condition) {
    const set = new Set<unknown>(condition.in);
    return (value) => set.has(value);
  }
  if ('between' in condition) {
    const [min, max] = condition.between;
    return (value) => typeof value === 'number' && value >= min && value <= max;
  }
  if ('gte' in condition) {
    const min = condition.gte;
    return (value) => typeof value === 'number' && value >= min;
  }
  if ('lte' in condition) {
    const max = condition.lte;
    return (value) => typeof value === 'number' && value <= max;
  }
  if ('contains' in condition) {
    const needle: Scalar = condition.contains;
    return (value) =>
      typeof value === 'string'
        ? typeof needle === 'string' && value.includes(needle)
        : Array.isArray(value) && value.includes(needle);
  }
  if ('exists' in condition) {
    const wanted = condition.exists;
    return (value) => (value !== undefined && value !== null) === wanted;
  }
  if ('startsWith' in condition) {
    const prefix = condition.startsWith;
    return (value) => typeof value === 'string' && value.startsWith(prefix);
  }
  throw new Error('leafTest: not a leaf condition');
}

/**
 * A leaf over an object. A top-level field (the common case) is read inline,
 * so the predicate is one closure rather than a getter wrapped in a test.
 */
function objectLeaf(condition: Condition & { readonly field: string }): Predicate {
  const test = leafTest(condition);
  const key = condition.field;
  if (key.includes('.')) {
    const get = pathGetter(key);
    return (subject) => test(get(subject));
  }
  if ('equals' in condition) {
    const expected = condition.equals;
    return (subject) => ownField(subject, key) === expected;
  }
  return (subject) => test(ownField(subject, key));
}

/**
 * Compiles a validated condition into a predicate. `leaf` turns a leaf into
 * a predicate; by default it reads the field from the subject object, and the
 * columnar scorer passes one that looks up precomputed truth tables instead.
 */
export function compileCondition<S = unknown>(
  condition: Condition,
  leaf: (condition: Condition & { readonly field: string }) => (subject: S) => boolean = objectLeaf,
): (subject: S) => boolean {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, leaf));
    return (subject) => parts.every((part) => part(subject));
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, leaf));
    return (subject) => parts.some((part) => part(subject));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, leaf);
    return (subject) => !inner(subject);
  }
  return leaf(condition);
}

/**
 * Evaluates a validated condition on n subjects at once, column by column:
 * `leafRows` gives a leaf's truth for every subject (1 where it holds), and
 * `all` / `any` / `not` combine those columns with byte operations. The
 * recursion is on the model's nesting (at most 32 deep), never on the data.
 */
export function conditionRows(
  condition: Condition,
  n: number,
  leafRows: (leaf: Condition & { readonly field: string }) => Uint8Array,
): Uint8Array {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const parts = (isAll ? condition.all : condition.any).map((c) => conditionRows(c, n, leafRows));
    const out = parts[0]!.slice();
    for (const part of parts.slice(1)) {
      if (isAll) for (let i = 0; i < n; i++) out[i]! &= part[i]!;
      else for (let i = 0; i < n; i++) out[i]! |= part[i]!;
    }
    return out;
  }
  if ('not' in condition) {
    const out = conditionRows(condition.not, n, leafRows).slice();
    for (let i = 0; i < n; i++) out[i]! ^= 1;
    return out;
  }
  return leafRows(condition);
}

/**
 * A leaf's truth on every object of `subjects` (validated objects). For a
 * top-level field and the common operators the loop reads the field and
 * compares inline, one loop per operator, with no call per subject; only a
 * value that matches is checked to be an own property (so an inherited
 * `constructor` or `toString` is never a field).
 */
export function leafRowsOfObjects(
  leaf: Condition & { readonly field: string },
  subjects: readonly unknown[],
): Uint8Array {
  const n = subjects.length;
  const out = new Uint8Array(n);
  const key = leaf.field;
  if (!key.includes('.')) {
    const list = subjects as readonly Record<string, unknown>[];
    if ('equals' in leaf) {
      const expected = leaf.equals;
      for (let i = 0; i < n; i++) {
        const s = list[i]!;
        const value = s[key];
        out[i] = value === expected && hasOwn.call(s, key) ? 1 : 0;
      }
      return out;
    }
    if ('between' in leaf) {
      const [min, max] = leaf.between;
      for (let i = 0; i < n; i++) {
        const s = list[i]!;
        const value = s[key];
        out[i] =
          typeof value === 'number' && value >= min && value <= max && hasOwn.call(s, key) ? 1 : 0;
      }
      return out;
    }
    if ('in' in leaf) {
      const set = new Set<unknown>(leaf.in);
      for (let i = 0; i < n; i++) {
        const s = list[i]!;
        const value = s[key];
        out[i] = set.has(value) && hasOwn.call(s, key) ? 1 : 0;
      }
      return out;
    }
  }
  const test = objectLeaf(leaf);
  for (let i = 0; i < n; i++) out[i] = test(subjects[i]) ? 1 : 0;
  return out;
}
