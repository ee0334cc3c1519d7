/**
 * A model's fit rules as one loop over the leads, generated for the model:
 * each lead object is read once, every rule's condition tested on it in
 * turn, as a loop written by hand (`if (lead.industry === 'SaaS') fit +=
 * 20; …`) would. The column-by-column evaluation reads every lead once per
 * condition, and at a million leads the objects do not stay in cache.
 *
 * Only conditions the engine can test inline are compiled: `equals`,
 * `between` and `in` on a top-level field, and `all`, `any` and `not` of
 * them; a model with any other condition, a small batch, and an environment
 * that forbids generating code (a strict Content Security Policy) use the
 * column-by-column evaluation, with the same result.
 *
 * The source holds only rule points (finite numbers of a validated model)
 * and leaf indices. Field names and compared values are passed in as
 * arguments, never written into the source, so no model can inject code;
 * each leaf has its own property load in the source, which the engine
 * specialises for that one field.
 */

import type { Condition } from '../model';

/** A fit rule as the engine holds it. */
export interface FitRuleSource {
  readonly points: number;
  readonly when: Condition;
}

/** Writes each lead's fit points (rule points added in rule order from 0) into `points`. */
export type FitLoop = (leads: readonly unknown[], points: Float64Array) => void;

/** Batches smaller than this are not worth compiling a loop for. */
export const COMPILED_FIT_MIN = 1024;

/** `in` lists up to this long are tested by a chain of comparisons rather than a Set. */
const IN_CHAIN_MAX = 8;

/** One leaf's operands, passed to the generated factory by index. */
interface Leaf {
  readonly key: string;
  readonly a: unknown;
  readonly b: unknown;
}

/** A number as JavaScript source, exactly (validated points are finite). */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`compiledFit: not a number of a validated model: ${x}`);
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * The condition as a boolean expression over the current lead `s`, pushing
 * its leaves; null when some part cannot be compiled.
 */
function expression(condition: Condition, leaves: Leaf[], reads: string[]): string | null {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const compiled: string[] = [];
    for (const part of parts) {
      const e = expression(part, leaves, reads);
      if (e === null) return null;
      compiled.push(e);
    }
    return `(${compiled.join('all' in condition ? ' && ' : ' || ')})`;
  }
  if ('not' in condition) {
    const e = expression(condition.not, leaves, reads);
    return e === null ? null : `!${e}`;
  }
  if (!('field' in condition) || condition.field.includes('.')) return null;
  const i = leaves.length;
  const own = `hasOwn.call(s, k${i})`;
  let test: string;
  if ('equals' in condition) {
    leaves.push({ key: condition.field, a: condition.equals, b: undefined });
    test = `v${i} === a${i}`;
  } else if ('between' in condition) {
    leaves.push({ key: condition.field, a: condition.between[0], b: condition.between[1] });
    test = `typeof v${i} === 'number' && v${i} >= a${i} && v${i} <= b${i}`;
  } else if ('in' in condition) {
    const list = condition.in;
    if (list.length <= IN_CHAIN_MAX && !list.some((x) => Number.isNaN(x))) {
      // A short list as a chain of comparisons, as written by hand (the
      // same as a Set's test for every value but NaN, which a Set matches).
      leaves.push({ key: condition.field, a: list, b: undefined });
      const chain = list.map((_, n) => `v${i} === a${i}[${n}]`).join(' || ');
      test = list.length === 0 ? 'false' : `(${chain})`;
    } else {
      leaves.push({ key: condition.field, a: new Set<unknown>(list), b: undefined });
      test = `a${i}.has(v${i})`;
    }
  } else {
    return null;
  }
  reads.push(`    const v${i} = s[k${i}];`);
  // Only a value that matches is checked to be an own property, as in the
  // column-by-column loops: an inherited `constructor` is never a field.
  return `(${test} && ${own})`;
}

/** The source of the factory `(leaves, hasOwn) => FitLoop`, or null when a condition cannot be compiled. */
export function fitLoopSource(
  rules: readonly FitRuleSource[],
): { source: string; leaves: readonly Leaf[] } | null {
  const leaves: Leaf[] = [];
  const reads: string[] = [];
  const tests: string[] = [];
  for (const rule of rules) {
    const e = expression(rule.when, leaves, reads);
    if (e === null) return null;
    tests.push(`    if (${e}) p += ${num(rule.points)};`);
  }
  const operands = leaves.map(
    (_, i) => `const k${i} = leaves[${i}].key, a${i} = leaves[${i}].a, b${i} = leaves[${i}].b;`,
  );
  const source = [
    ...operands,
    'return function fitLoop(list, points) {',
    '  for (let j = 0; j < points.length; j++) {',
    '    const s = list[j];',
    ...reads,
    '    let p = 0;',
    ...tests,
    '    points[j] = p;',
    '  }',
    '};',
  ].join('\n');
  return { source, leaves };
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The fit loop of a model's fit rules, or null when a condition cannot be
 * compiled or code cannot be generated here.
 */
export function compileFit(rules: readonly FitRuleSource[]): FitLoop | null {
  const compiled = fitLoopSource(rules);
  if (compiled === null) return null;
  try {
    const factory = new Function('leaves', 'hasOwn', compiled.source) as (
      leaves: readonly Leaf[],
      own: typeof hasOwn,
    ) => FitLoop;
    return factory(compiled.leaves, hasOwn);
  } catch {
    return null; // code generation forbidden here: the column-by-column evaluation scores the same
  }
}
