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
