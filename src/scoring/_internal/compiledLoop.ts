/**
 * The scoring loop of one lead, generated for one model: the same
 * arithmetic as the engine's general loop, in the same order, but with each
 * rule's count, window and cap held in local variables and its test unrolled
 * as a bit test, as a loop written by hand for that model would be. Models
 * of up to 32 behaviour rules (one word of rule bits) are compiled; others,
 * and any environment that forbids generating code (a strict Content
 * Security Policy), use the general loop.
 *
 * The generated source contains only numbers taken from a validated model
 * (points, caps and windows, finite by validation) and rule indices, never a
 * string from the model, so no model can inject code.
 */

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
  add('  out[0] = behavior; out[1] = lastScored; out[2] = qualifiedAt;');
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

/**
 * Scores one lead's rows `[from, end)` read in place from the columns, the
 * rule bits looked up as it goes. A first pass over the rows checks their
 * cells and their time order and finds the last row at or before `asOf`;
 * `out[3]` is 0 when scored, 1 when the rows are not in time order (nothing
 * scored: the caller orders them), 2 when a cell is bad (nothing scored).
 */
export type DirectLeadLoop = (
  at: Float64Array,
  type: ArrayLike<number>,
  codes: ArrayLike<number>,
  lookup: Uint32Array,
  from: number,
  end: number,
  fit: number,
  out: Float64Array,
) => void;

/** The source of the in-place loop factory: `(asOf, threshold) => DirectLeadLoop`. */
export function directLoopSource(rules: readonly LoopRule[], reads: DirectReads): string {
  const bits = (k: string) =>
    reads.codes ? `lookup[type[${k}] * ${num(reads.width)} + codes[${k}]]` : `lookup[type[${k}]]`;
  const check = reads.checking
    ? [
        `    if (!(t >= ${num(reads.minInstant)} && t < ${num(reads.endInstant)}) || type[i] >>> 0 >= ${num(reads.typeCount)}${reads.codes ? ` || codes[i] >>> 0 >= ${num(reads.width)}` : ''}) { out[3] = 2; return; }`,
      ]
    : [];
  return [
    ...sinceSource(rules),
    'return function directLoop(at, type, codes, lookup, from, end, fit, out) {',
    '  let to = end, previous = -Infinity;',
    '  for (let i = from; i < end; i++) {',
    '    const t = at[i];',
    '    if (t < previous) { out[3] = 1; return; }',
    '    previous = t;',
    ...check,
    '    if (t > asOf && to === end) to = i;',
    '  }',
    '  out[3] = 0;',
    ...bodySource(rules, { at: (k) => `at[${k}]`, bits, first: 'from' }),
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
 * The in-place loop of a model's behaviour rules at `asOf`, or null when the
 * model has more than 32 of them or code cannot be generated here.
 */
export function compileDirectLoop(
  rules: readonly LoopRule[],
  asOf: number,
  threshold: number,
  reads: DirectReads,
): DirectLeadLoop | null {
  if (rules.length > 32) return null;
  return generate<DirectLeadLoop>(directLoopSource(rules, reads), asOf, threshold);
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
