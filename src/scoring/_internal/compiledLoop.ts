/**
 * The scoring loop of one lead, generated for one model: the same
 * arithmetic as the engine's general loop, in the same order, but with each
 * rule's count, window and cap held in local variables and its test unrolled
 * as a bit test, as a loop written by hand for that model would be. Models
 * of up to 32 behaviour rules (one word of rule bits) are compiled; others,
 * and any environment that forbids generating code (a strict Content
 * Security Policy), use the general loop.
 *
 * Where a lead's rows are already grouped and in time order, one generated
 * loop scores the whole batch in place, decay included.
 *
 * The generated source contains only numbers taken from a validated model
 * (points, caps, windows and the decay policy's numbers, finite by
 * validation) and rule indices, never a string from the model, so no model
 * can inject code.
 */

import type { DecayPolicy } from '../model';

const DAY_MS = 86_400_000;

/** A compiled rule: its points, cap (+∞ for none) and window in ms (+∞ for none). */
export interface LoopRule {
  readonly points: number;
  readonly cap: number;
  readonly withinMs: number;
}

/**
 * Scores one lead's rows `[0, to)` (instants `at[base + k]`, ascending; one
 * word of rule bits `bits[k]` per row) from `fit` points; writes behaviour points before decay,
 * the last scored instant (NaN for none) and qualifiedAt (NaN for never)
 * into `out[0..2]`.
 */
export type LeadLoop = (
  at: Float64Array,
  base: number,
  bits: Uint32Array,
  to: number,
  fit: number,
  out: Float64Array,
) => void;

/** A number as JavaScript source, exactly (validated: finite, or +∞ for none). */
function num(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (!Number.isFinite(x)) throw new Error(`compiledLoop: not a number of a validated model: ${x}`);
  return Object.is(x, -0) ? '-0' : String(x);
}

/** `capped(points × n, cap)` of the engine, as source. */
function cappedSource(rule: LoopRule, n: string): string {
  const product = `${num(rule.points)} * ${n}`;
  if (rule.cap === Number.POSITIVE_INFINITY) return product;
  return rule.points >= 0
    ? `Math.min(${product}, ${num(rule.cap)})`
    : `Math.max(${product}, ${num(-rule.cap)})`;
}

/** How the generated loop reads a row's instant and rule bits (k is a row index expression). */
interface Reads {
  readonly at: (k: string) => string;
  readonly bits: (k: string) => string;
  /** The first row. */
  readonly first: string;
}

/** The scoring loop over rows [first, to), as source lines (shared by both variants). */
function bodySource(rules: readonly LoopRule[], reads: Reads): string[] {
  const r = rules.map((_, i) => i);
  const windowed = r.filter((i) => Number.isFinite(rules[i]!.withinMs));
  const lines: string[] = [];
  const add = (line: string) => lines.push(line);
  for (const i of r) add(`  let c${i} = 0, n${i} = 0, v${i} = 0;`);
  for (const i of windowed) add(`  let tail${i} = ${reads.first};`);
  add(`  let running = fit, qualifiedAt = NaN, lastScored = NaN, k = ${reads.first};`);
  add('  for (; k < to; k++) {');
  add(`    const t = ${reads.at('k')};`);
  add(`    const m = ${reads.bits('k')};`);
  add('    if (m !== 0) {');
  add('      lastScored = t;');
  for (const i of r) {
    const count = windowed.includes(i) ? `if (t >= since${i}) c${i}++;` : `c${i}++;`;
    add(`      if ((m & ${num(2 ** i)}) !== 0) {`);
    add(`        ${count} n${i}++;`);
    add(`        const x = ${cappedSource(rules[i]!, `n${i}`)};`);
    add(`        running += x - v${i}; v${i} = x;`);
    add('      }');
  }
  add('    }');
  add(`    if (k + 1 < to && ${reads.at('k + 1')} === t) continue;`);
  for (const i of windowed) {
    const bit = num(2 ** i);
    add(`    if (n${i} === 0) tail${i} = k + 1;`);
    add('    else {');
    add(`      const oldest = t - ${num(rules[i]!.withinMs)};`);
    add('      let dropped = false;');
    add(`      for (; tail${i} <= k; tail${i}++) {`);
    add(`        if (${reads.at(`tail${i}`)} >= oldest) break;`);
    add(`        if ((${reads.bits(`tail${i}`)} & ${bit}) !== 0) { n${i}--; dropped = true; }`);
    add('      }');
    add('      if (dropped) {');
    add(`        const x = ${cappedSource(rules[i]!, `n${i}`)};`);
    add(`        running += x - v${i}; v${i} = x;`);
    add('      }');
    add('    }');
  }
  add('    if (running >= threshold) { qualifiedAt = t; k++; break; }');
  add('  }');
  // Once qualified, only the counts at asOf are left to take.
  add('  for (; k < to; k++) {');
  add(`    const m = ${reads.bits('k')};`);
  add('    if (m === 0) continue;');
  add(`    const t = ${reads.at('k')};`);
  add('    lastScored = t;');
  for (const i of r) {
    const count = windowed.includes(i) ? `if (t >= since${i}) c${i}++;` : `c${i}++;`;
    add(`    if ((m & ${num(2 ** i)}) !== 0) { ${count} }`);
  }
  add('  }');
  add('  let behavior = 0;');
  for (const i of r) add(`  behavior += ${cappedSource(rules[i]!, `c${i}`)};`);
  return lines;
}

/** The windows' cut-offs at asOf, hoisted out of the loop. */
function sinceSource(rules: readonly LoopRule[]): string[] {
  return rules.flatMap((rule, i) =>
    Number.isFinite(rule.withinMs) ? [`const since${i} = asOf - ${num(rule.withinMs)};`] : [],
  );
}

/** The source of the loop factory over local rule bits: `(asOf, threshold) => LeadLoop`. */
export function loopSource(rules: readonly LoopRule[]): string {
  return [
    ...sinceSource(rules),
    'return function leadLoop(at, base, bits, to, fit, out) {',
    ...bodySource(rules, { at: (k) => `at[base + ${k}]`, bits: (k) => `bits[${k}]`, first: '0' }),
    '  out[0] = behavior; out[1] = lastScored; out[2] = qualifiedAt;',
    '};',
  ].join('\n');
}

/** How rows are read in place: the table's columns and limits. */
export interface DirectReads {
  /** Whether rows carry a property code column (rule bits by (type, code)). */
  readonly codes: boolean;
  /** Values per type in the lookup table (1 without codes). */
  readonly width: number;
  readonly typeCount: number;
  /** Whether to check each cell (tables not checked up front). */
  readonly checking: boolean;
  readonly minInstant: number;
  readonly endInstant: number;
}

/** What the batch loop does after the behaviour points: decay (numbers of a validated policy) and the floor. */
export interface LoopDecay {
  readonly policy: DecayPolicy | undefined;
  readonly floor: number;
}

/**
 * Scores leads `j, j + 1, …` of a batch whose rows are grouped by lead
 * (lead j's rows are `[start[j], start[j + 1])`), reading the columns in
 * place and looking the rule bits up as it goes, and writes each lead's
 * score, decayed behaviour points and qualifiedAt. A first pass over a
 * lead's rows checks their cells and time order and finds the last row at
 * or before `asOf`. Returns the index of the first lead it did not score
 * (`leadCount` when done), with `halt[0]` 1 when that lead's rows are not
 * in time order (the caller orders them and goes on from the next lead) or
 * 2 when a cell is bad.
 */
export type DirectBatchLoop = (
  at: Float64Array,
  type: ArrayLike<number>,
  codes: ArrayLike<number>,
  lookup: Uint32Array,
  start: Int32Array,
  fitPoints: Float64Array,
  score: Float64Array,
  behavior: Float64Array,
  qualifiedAt: Float64Array,
  halt: Int32Array,
  j: number,
  leadCount: number,
) => number;

/**
 * The engine's decay of `behavior` points (from `lastScored` to asOf, never
 * below the floor) as source, the same operations in the same order as
 * `applyDecay` and the engine, the policy's numbers written in.
 */
function decaySource(decay: LoopDecay): string[] {
  const { policy, floor } = decay;
  if (policy === undefined) return ['    const decayed = behavior;'];
  const active = `Math.max(0, (asOf - lastScored) / ${num(DAY_MS)} - ${num(policy.afterDays ?? 0)})`;
  const decayed =
    policy.kind === 'percent'
      ? `behavior * (${num(1 - policy.rate)}) ** Math.floor(active / ${num(policy.everyDays)})`
      : policy.kind === 'points'
        ? `behavior - (${num(policy.points)}) * Math.floor(active / ${num(policy.everyDays)})`
        : `behavior * 2 ** (-active / (${num(policy.halfLifeDays)}))`;
  return [
    '    let decayed = behavior;',
    `    if (behavior > 0 && fit + behavior > ${num(floor)}) {`,
    `      const active = ${active};`,
    `      decayed = Math.min(behavior, Math.max(${num(floor)}, fit + ${decayed}) - fit);`,
    '    }',
  ];
}

/** The source of the in-place batch loop factory: `(asOf, threshold) => DirectBatchLoop`. */
export function directLoopSource(
  rules: readonly LoopRule[],
  reads: DirectReads,
  decay: LoopDecay,
): string {
  const bits = (k: string) =>
    reads.codes ? `lookup[type[${k}] * ${num(reads.width)} + codes[${k}]]` : `lookup[type[${k}]]`;
  const check = reads.checking
    ? [
        `      if (!(t >= ${num(reads.minInstant)} && t < ${num(reads.endInstant)}) || type[i] >>> 0 >= ${num(reads.typeCount)}${reads.codes ? ` || codes[i] >>> 0 >= ${num(reads.width)}` : ''}) { halt[0] = 2; return j; }`,
      ]
    : [];
  const body = bodySource(rules, { at: (k) => `at[${k}]`, bits, first: 'from' });
  return [
    ...sinceSource(rules),
    'return function directBatch(at, type, codes, lookup, start, fitPoints, score, behaviorOut, qualifiedOut, halt, j, leadCount) {',
    '  for (; j < leadCount; j++) {',
    '    const from = start[j], end = start[j + 1], fit = fitPoints[j];',
    '    let to = end, previous = -Infinity;',
    '    for (let i = from; i < end; i++) {',
    '      const t = at[i];',
    '      if (t < previous) { halt[0] = 1; return j; }',
    '      previous = t;',
    ...check,
    '      if (t > asOf && to === end) to = i;',
    '    }',
    ...body.map((line) => `  ${line}`),
    ...decaySource(decay),
    '    score[j] = fit + decayed; behaviorOut[j] = decayed; qualifiedOut[j] = qualifiedAt;',
    '  }',
    '  return leadCount;',
    '};',
  ].join('\n');
}

/** Runs a factory's source, or null where code cannot be generated (a strict CSP). */
function generate<T>(source: string, asOf: number, threshold: number): T | null {
  try {
    const factory = new Function('asOf', 'threshold', source) as (a: number, t: number) => T;
    return factory(asOf, threshold);
  } catch {
    return null; // code generation forbidden here: the general loop scores the same
  }
}

/**
 * The in-place batch loop of a model's behaviour rules and decay at `asOf`,
 * or null when the model has more than 32 behaviour rules or code cannot be
 * generated here.
 */
export function compileDirectLoop(
  rules: readonly LoopRule[],
  asOf: number,
  threshold: number,
  reads: DirectReads,
  decay: LoopDecay,
): DirectBatchLoop | null {
  if (rules.length > 32) return null;
  return generate<DirectBatchLoop>(directLoopSource(rules, reads, decay), asOf, threshold);
}

/**
 * The generated loop of a model's behaviour rules at `asOf`, or null when
 * the model has more than 32 of them or code cannot be generated here.
 */
export function compileLoop(
  rules: readonly LoopRule[],
  asOf: number,
  threshold: number,
): LeadLoop | null {
  if (rules.length > 32) return null;
  return generate<LeadLoop>(loopSource(rules), asOf, threshold);
}
