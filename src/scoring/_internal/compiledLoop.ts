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

/** The source of the loop factory: `(asOf, threshold) => LeadLoop`. */
export function loopSource(rules: readonly LoopRule[]): string {
  const r = rules.map((_, i) => i);
  const windowed = r.filter((i) => Number.isFinite(rules[i]!.withinMs));
  const lines: string[] = [];
  const add = (line: string) => lines.push(line);
  for (const i of windowed) add(`const since${i} = asOf - ${num(rules[i]!.withinMs)};`);
  add('return function leadLoop(at, base, bits, to, fit, out) {');
  for (const i of r) add(`  let c${i} = 0, n${i} = 0, v${i} = 0;`);
  for (const i of windowed) add(`  let tail${i} = 0;`);
  add('  let running = fit, qualifiedAt = NaN, lastScored = NaN, k = 0;');
  add('  for (; k < to; k++) {');
  add('    const t = at[base + k];');
  add('    const m = bits[k];');
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
  add('    if (k + 1 < to && at[base + k + 1] === t) continue;');
  for (const i of windowed) {
    const bit = num(2 ** i);
    add(`    if (n${i} === 0) tail${i} = k + 1;`);
    add('    else {');
    add(`      const oldest = t - ${num(rules[i]!.withinMs)};`);
    add('      let dropped = false;');
    add(`      for (; tail${i} <= k; tail${i}++) {`);
    add(`        if (at[base + tail${i}] >= oldest) break;`);
    add(`        if ((bits[tail${i}] & ${bit}) !== 0) { n${i}--; dropped = true; }`);
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
  add('    const m = bits[k];');
  add('    if (m === 0) continue;');
  add('    const t = at[base + k];');
  add('    lastScored = t;');
  for (const i of r) {
    const count = windowed.includes(i) ? `if (t >= since${i}) c${i}++;` : `c${i}++;`;
    add(`    if ((m & ${num(2 ** i)}) !== 0) { ${count} }`);
  }
  add('  }');
  add('  let behavior = 0;');
  for (const i of r) add(`  behavior += ${cappedSource(rules[i]!, `c${i}`)};`);
  add('  out[0] = behavior; out[1] = lastScored; out[2] = qualifiedAt;');
  add('};');
  return lines.join('\n');
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
  try {
    const factory = new Function('asOf', 'threshold', loopSource(rules)) as (
      asOf: number,
      threshold: number,
    ) => LeadLoop;
    return factory(asOf, threshold);
  } catch {
    return null; // code generation forbidden here (CSP): the general loop scores the same
  }
}
