import { assertObject, fail } from '../../errors';

/**
 * Edit distance between two short strings (insertions, deletions,
 * substitutions and swaps of neighbours each cost 1), compared without case.
 */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const m = x.length;
  const n = y.length;
  let previous2 = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const current = new Array<number>(n + 1);
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        d = Math.min(d, previous2[j - 2]! + 1);
      }
      current[j] = d;
    }
    previous2 = previous;
    previous = current;
  }
  return previous[n]!;
}

/**
 * The known key closest to `key`, when it is close enough to be a typo
 * (`timezone` → `timeZone`, `confidnce` → `confidence`); else `undefined`.
 */
export function closestKey(
  key: string,
  known: readonly string[],
  maxDistance = Number.POSITIVE_INFINITY,
): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.min(
    maxDistance,
    Math.max(1, Math.min(3, Math.floor(Math.max(key.length, 2) / 3))),
  );
  return bestDistance <= allowed ? best : undefined;
}

/** `INVALID_ARGUMENT` for an unknown key, naming the key meant when there is one. */
function failUnknownKey(
  fn: string,
  path: string,
  value: unknown,
  known: readonly string[],
  meant: string | undefined,
): never {
  return fail(
    'INVALID_ARGUMENT',
    fn,
    path,
    value,
    meant === undefined
      ? `absent (unknown key; known keys: ${known.join(', ')})`
      : `absent (unknown key; did you mean ${meant}?)`,
  );
}

/**
 * Rejects any own key of `fields` that is not in `known`, with
 * `INVALID_ARGUMENT` naming the key (after `prefix`, e.g. `'options.'`) and,
 * when one is close, the key meant.
 */
export function assertKnownKeys(
  fn: string,
  prefix: string,
  fields: Readonly<Record<string, unknown>>,
  known: readonly string[],
): void {
  for (const key of Object.keys(fields)) {
    if (known.includes(key)) continue;
    failUnknownKey(fn, `${prefix}${key}`, fields[key], known, closestKey(key, known));
  }
}

/**
 * Validates an optional options object: `undefined` reads as `{}`;
 * anything else must be a plain object whose keys are all in `known`.
 */
export function readOptions(
  fn: string,
  value: unknown,
  known: readonly string[],
  path = 'options',
): Readonly<Record<string, unknown>> {
  return value === undefined ? {} : readFields(fn, value, known, path);
}

/**
 * Like {@link readOptions}, for a required object (`undefined` is rejected).
 * `path` names the object; its keys are named after `keyPrefix`, by default
 * `path.` (a function's single input object names its keys bare: `''`).
 */
export function readFields(
  fn: string,
  value: unknown,
  known: readonly string[],
  path: string,
  keyPrefix = `${path}.`,
): Readonly<Record<string, unknown>> {
  const fields = assertObject(fn, path, value);
  assertKnownKeys(fn, keyPrefix, fields, known);
  return fields;
}

/**
 * For an object that is both options and a row of data (an SLA item spread
 * with its target): other keys are the row's own fields and pass, but a key
 * within a typo of a known one (`asof`, `warnat`) is `INVALID_ARGUMENT`
 * naming the key meant.
 */
export function assertNoTypos(
  fn: string,
  prefix: string,
  fields: Readonly<Record<string, unknown>>,
  known: readonly string[],
): void {
  for (const key of Object.keys(fields)) {
    if (known.includes(key)) continue;
    // One edit at most (a case slip, a swap, a letter): `started` is a field, not `start`.
    const meant = closestKey(key, known, 1);
    if (meant !== undefined) failUnknownKey(fn, `${prefix}${key}`, fields[key], known, meant);
  }
}
