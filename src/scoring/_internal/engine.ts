/**
 * The one scoring engine behind scoreLead and scoreLeads. Activities arrive as
 * a table (typed arrays of lead index, interned type code and instant, with a
 * way to test `where` conditions by row), so the inner loop compares integers.
 */

import { groupByLead, sortRowsByTime } from '../../_lib/columns/groupByLead';
import { END_INSTANT_MS, MIN_INSTANT_MS } from '../../_lib/validate/instants';
import type { Condition, DecayPolicy, ScoringModel } from '../model';
import { COMPILED_FIT_MIN, compileFit } from './compiledFit';
import { compileDirectLoop, compileLoop } from './compiledLoop';
import { compileCondition, conditionRows, leafRowsOfObjects, leafTest } from './conditions';
import { applyDecay } from './decay';

const DAY_MS = 86_400_000;

/** A lead's score and its explanation. Shapes are documented on the public types. */
export interface EngineContribution {
  readonly ruleId: string;
  readonly kind: 'fit' | 'behavior' | 'decay';
  readonly points: number;
  readonly at?: Date;
}

export interface EngineResult {
  readonly leadId?: string | number;
  readonly score: number;
  readonly fit: number;
  readonly behavior: number;
  readonly qualified: boolean;
  readonly qualifiedAt: Date | null;
  readonly contributions: EngineContribution[];
}

/** Activities as columns. `lead[i]` is an index into the leads, or −1 to skip the row. */
export interface ActivityTable {
  readonly count: number;
  readonly lead: Int32Array;
  readonly type: ArrayLike<number>;
  readonly types: readonly string[];
  readonly at: Float64Array;
  /** Compiles a `where` condition into a test of row i (tables of activity objects). */
  readonly where?: (condition: Condition) => (row: number) => boolean;
  /** Evaluates a `where` condition on every row at once, 1 where it holds (columnar tables). */
  readonly whereRows?: (condition: Condition) => Uint8Array;
  /**
   * Whether every row's instant, type and property codes are known to be
   * valid. When not (columnar input read once), the engine checks each row
   * as it reads it and calls `checkAll` on the first bad one, which throws
   * naming the first bad row of the input.
   */
  readonly checked: boolean;
  readonly checkAll?: () => void;
  /** Checks the property columns other than `used` (which the engine checks as it reads it). */
  readonly checkColumnsExcept?: (used: ArrayLike<number> | null) => void;
  /** The interned column of a property, when the table is columnar and has it. */
  readonly column?: (
    field: string,
  ) => { readonly codes: ArrayLike<number>; readonly values: readonly unknown[] } | undefined;
}

/** The fields a condition reads. */
function fieldsOf(condition: Condition, out: Set<string>): Set<string> {
  if ('all' in condition) for (const c of condition.all) fieldsOf(c, out);
  else if ('any' in condition) for (const c of condition.any) fieldsOf(c, out);
  else if ('not' in condition) fieldsOf(condition.not, out);
  else out.add(condition.field);
  return out;
}

interface CompiledFitRule {
  readonly id: string;
  readonly points: number;
  readonly when: Condition;
}

interface CompiledBehaviorRule {
  readonly id: string;
  readonly points: number;
  readonly cap: number;
  readonly withinMs: number;
  readonly activity: string;
  readonly where: Condition | undefined;
}

export interface CompiledModel {
  readonly threshold: number;
  readonly floor: number;
  readonly decay: DecayPolicy | undefined;
  readonly fit: readonly CompiledFitRule[];
  readonly behavior: readonly CompiledBehaviorRule[];
  /** Indices of behaviour rules with a `withinDays` window. */
  readonly windowed: Int32Array;
}

/** Caps an award: |total| never exceeds cap. */
function capped(points: number, cap: number): number {
  return points >= 0 ? Math.min(points, cap) : Math.max(points, -cap);
}

const compiled = new WeakMap<ScoringModel, CompiledModel>();

/** Compiles a validated model once (cached per model object). */
export function compileModel(model: ScoringModel): CompiledModel {
  const cached = compiled.get(model);
  if (cached) return cached;
  const fit: CompiledFitRule[] = [];
  const behavior: CompiledBehaviorRule[] = [];
  for (const rule of model.rules) {
    if (rule.kind === 'fit') {
      fit.push({
        id: rule.id,
        points: rule.points,
        when: rule.when,
      });
    } else {
      behavior.push({
        id: rule.id,
        points: rule.points,
        cap: rule.cap ?? Number.POSITIVE_INFINITY,
        withinMs:
          rule.when.withinDays === undefined
            ? Number.POSITIVE_INFINITY
            : rule.when.withinDays * DAY_MS,
        activity: rule.when.activity,
        where: rule.when.where,
      });
    }
  }
  const result: CompiledModel = {
    threshold: model.threshold,
    floor: model.floor ?? model.threshold * 0.5,
    decay: model.decay,
    fit,
    behavior,
    windowed: Int32Array.from(
      behavior.flatMap((rule, r) => (Number.isFinite(rule.withinMs) ? [r] : [])),
    ),
  };
  compiled.set(model, result);
  return result;
}

/** Contributions of every result when not explaining: one shared, frozen empty list. */
const NONE: EngineContribution[] = Object.freeze([]) as unknown as EngineContribution[];

/** How to read a row's rule bitmask: a (type, value) lookup table, or precomputed masks. */
interface MaskSource {
  readonly words: number;
  /** Lookup path (one word): bits = combined[type[row] * width + codes[row]]. */
  readonly combined: Uint32Array | null;
  readonly width: number;
  readonly codes: ArrayLike<number> | null;
  /** General path: `words` words per row. */
  readonly masks: Uint32Array | null;
}

/**
 * Bitmasks of the behaviour rules each row matches (type and `where`). When
 * every `where` reads at most one property column, the rules a row matches
 * depend only on (type, value code), and a small table replaces per-row
 * masks altogether. Otherwise one pass computes `words` words per row.
 */
function maskSource(rules: readonly CompiledBehaviorRule[], table: ActivityTable): MaskSource {
  const words = Math.max(1, Math.ceil(rules.length / 32));
  const typeCount = table.types.length;
  const typeBits = new Uint32Array(typeCount * words);
  table.types.forEach((name, code) => {
    rules.forEach((rule, r) => {
      if (rule.activity === name) typeBits[code * words + (r >>> 5)]! |= 1 << (r & 31);
    });
  });
  const fields = new Set<string>();
  for (const rule of rules) if (rule.where) fieldsOf(rule.where, fields);
  const present =
    table.column === undefined ? null : [...fields].filter((f) => table.column!(f) !== undefined);
  if (present !== null && present.length <= 1 && words === 1) {
    const field = present[0];
    const column = field === undefined ? undefined : table.column!(field);
    const width = column === undefined ? 1 : column.values.length;
    const onValue = rules.map((rule) =>
      rule.where
        ? compileCondition<unknown>(rule.where, (leaf) => {
            const test = leafTest(leaf);
            return (value) => test(leaf.field === field ? value : undefined);
          })
        : null,
    );
    const combined = new Uint32Array(typeCount * width);
    for (let code = 0; code < typeCount; code++) {
      for (let v = 0; v < width; v++) {
        let bits = typeBits[code]!;
        onValue.forEach((test, r) => {
          if (test && (bits & (1 << r)) !== 0 && !test(column?.values[v])) bits &= ~(1 << r);
        });
        combined[code * width + v] = bits;
      }
    }
    return { words, combined, width, codes: column?.codes ?? null, masks: null };
  }
  // General path: type bits, then each `where` rule clears its bit where it fails.
  const count = table.count;
  const type = table.type;
  const masks = new Uint32Array(count * words);
  for (let row = 0; row < count; row++) {
    const from = type[row]! * words;
    for (let w = 0; w < words; w++) masks[row * words + w] = typeBits[from + w]!;
  }
  rules.forEach((rule, r) => {
    if (!rule.where) return;
    const code = table.types.indexOf(rule.activity);
    if (code < 0) return;
    const word = r >>> 5;
    const clear = ~(1 << (r & 31));
    const rows = table.whereRows?.(rule.where);
    const test = rows === undefined ? table.where!(rule.where) : null;
    for (let row = 0; row < count; row++) {
      if (type[row] !== code) continue;
      if (rows !== undefined ? rows[row] === 0 : !test!(row)) masks[row * words + word]! &= clear;
    }
  });
  return { words, combined: null, width: 0, codes: null, masks };
}

/** Scores per lead, as columns; `qualifiedAt` is NaN where a lead never qualified. */
export interface EngineOutput {
  readonly score: Float64Array;
  readonly fit: Float64Array;
  readonly behavior: Float64Array;
  readonly qualifiedAt: Float64Array;
  /** Each lead's contributions, with `explain`; else null. */
  readonly contributions: EngineContribution[][] | null;
}

/**
 * Scores every lead against the table as of `asOf` (epoch ms), as result
 * objects. Rows after `asOf` are ignored. With `explain`, each result lists
 * its contributions. `ids`, when given, adds `leadId` to each result.
 */
export function scoreTable(
  model: CompiledModel,
  leads: readonly unknown[],
  table: ActivityTable,
  asOf: number,
  explain: boolean,
  ids?: readonly (string | number)[],
): EngineResult[] {
  const out = scoreColumns(model, leads, table, asOf, explain);
  const n = leads.length;
  const results: EngineResult[] = new Array(n);
  const threshold = model.threshold;
  const none = out.contributions === null;
  for (let j = 0; j < n; j++) {
    const score = out.score[j]!;
    const at = out.qualifiedAt[j]!;
    const qualifiedAt = Number.isNaN(at) ? null : new Date(at);
    const contributions = none ? NONE : out.contributions![j]!;
    // One object per lead, built in one go (no intermediate object to spread).
    results[j] =
      ids === undefined
        ? {
            score,
            fit: out.fit[j]!,
            behavior: out.behavior[j]!,
            qualified: score >= threshold,
            qualifiedAt,
            contributions,
          }
        : {
            leadId: ids[j]!,
            score,
            fit: out.fit[j]!,
            behavior: out.behavior[j]!,
            qualified: score >= threshold,
            qualifiedAt,
            contributions,
          };
  }
  return results;
}

/** Fit points per lead, column by column: each rule's condition on every lead at once. */
function fitColumns(
  rules: readonly CompiledFitRule[],
  leads: readonly unknown[],
): { points: Float64Array; truth: Uint8Array[] } {
  const n = leads.length;
  const points = new Float64Array(n);
  const truth = rules.map((rule) => {
    const holds = conditionRows(rule.when, n, (leaf) => leafRowsOfObjects(leaf, leads));
    const p = rule.points;
    for (let j = 0; j < n; j++) if (holds[j] === 1) points[j]! += p;
    return holds;
  });
  return { points, truth };
}

/**
 * The engine proper: scores every lead, in lead order. Rows are grouped by
 * lead first (rows already grouped, the usual export order, need no work:
 * see `groupByLead`). Each lead's rows are then copied into small local
 * arrays (instant and rule bits), checked as they are read when the table
 * was not checked up front, and put in time order when they are not, so the
 * big columns are read once and the scoring loop works in cache.
 */
export function scoreColumns(
  model: CompiledModel,
  leads: readonly unknown[],
  table: ActivityTable,
  asOf: number,
  explain: boolean,
): EngineOutput {
  const rules = model.behavior;
  const ruleCount = rules.length;
  const source = maskSource(rules, table);
  const words = source.words;
  const width = source.width;
  // How a row's rule bits are read: 0 lookup by (type, value), 1 by type, 2 precomputed.
  const mode = source.combined === null ? 2 : source.codes === null ? 1 : 0;
  // The precomputed masks read codes without checking them: check first.
  if (mode === 2 && !table.checked) table.checkAll!();
  // Columns the engine does not read are checked all the same.
  if (mode !== 2 && !table.checked) table.checkColumnsExcept!(source.codes);
  const checking = !table.checked;
  const lookup = source.combined ?? new Uint32Array(0);
  const precomputed = source.masks ?? new Uint32Array(0);
  const valueCodes = source.codes ?? new Uint8Array(0);
  const typeCount = table.types.length;
  const type = table.type;
  const at = table.at;
  const leadCount = leads.length;
  const { start, order, bad } = groupByLead(table.lead, leadCount, table.checked);
  if (bad >= 0) {
    table.checkAll!(); // throws, naming the first bad row of the input
    throw new Error('scoreColumns: a bad lead index passed checkAll');
  }

  // Without explanations (which list the rules that held), one generated
  // pass over the leads when the batch is large and the conditions allow it.
  const fitLoop = explain || leadCount < COMPILED_FIT_MIN ? null : compileFit(model.fit);
  let fit: { points: Float64Array; truth: readonly Uint8Array[] };
  if (fitLoop === null) fit = fitColumns(model.fit, leads);
  else {
    fit = { points: new Float64Array(leadCount), truth: [] };
    fitLoop(leads, fit.points);
  }
  const points = Float64Array.from(rules, (rule) => rule.points);
  const caps = Float64Array.from(rules, (rule) => rule.cap);
  const since = Float64Array.from(rules, (rule) => asOf - rule.withinMs); // counted at asOf if at ≥ this
  const within = Float64Array.from(rules, (rule) => rule.withinMs);
  const windowed = model.windowed;
  const windowedCount = windowed.length;
  const threshold = model.threshold;
  const floor = model.floor;
  const decay = model.decay;

  const out: EngineOutput = {
    score: new Float64Array(leadCount),
    fit: fit.points,
    behavior: new Float64Array(leadCount),
    qualifiedAt: new Float64Array(leadCount),
    contributions: explain ? new Array(leadCount) : null,
  };

  let longest = 0;
  for (let j = 0; j < leadCount; j++) longest = Math.max(longest, start[j + 1]! - start[j]!);
  // One lead's rows: instants and rule bits (`words` per row), in time order.
  let localAt = new Float64Array(longest);
  let localBits = new Uint32Array(longest * words);
  let spareAt = new Float64Array(0);
  let spareBits = new Uint32Array(0);
  let positions = new Int32Array(0);

  // Without explanations, a loop generated for this model when it can be.
  const loop = explain || words !== 1 ? null : compileLoop(rules, asOf, threshold);
  const loopOut = new Float64Array(4);
  // Rows already grouped are scored in place by a loop generated to read the
  // columns themselves; a lead whose rows are not in time order, and every
  // other case, goes through local copies.
  const directLoop =
    loop === null || order !== null || mode === 2
      ? null
      : compileDirectLoop(
          rules,
          asOf,
          threshold,
          {
            codes: mode === 0,
            width,
            typeCount,
            checking,
            minInstant: MIN_INSTANT_MS,
            endInstant: END_INSTANT_MS,
          },
          { policy: decay, floor },
        );
  const halt = new Int32Array(1);

  const count = new Float64Array(ruleCount); // matches counted at asOf
  const inWindow = new Float64Array(ruleCount); // matches in the window at the running instant
  const value = new Float64Array(ruleCount); // each rule's capped points at the running instant
  const tails = new Int32Array(ruleCount); // oldest row possibly still in a rule's window

  /**
   * The general loop over the current lead's local rows (any number of rule
   * words, with explanations), writing what the generated loop writes.
   */
  const generalLoop = (
    to: number,
    fitPoints: number,
    contributions: EngineContribution[],
  ): void => {
    // One pass in time order: the counts at asOf, and the running score for
    // qualifiedAt (all rows of one instant count before the score is read;
    // matches leave a rule's window as time moves on).
    for (let r = 0; r < ruleCount; r++) {
      count[r] = 0;
      inWindow[r] = 0;
      value[r] = 0;
      tails[r] = 0;
    }
    let running = fitPoints;
    let qualifiedAt = Number.NaN;
    let qualified = false;
    // Decay runs from the last activity that matched a rule: an activity no
    // rule scores (an unscored email open) does not make a lead fresh again.
    let lastScored = Number.NaN;
    let k = 0;
    for (; k < to && !qualified; k++) {
      const t = localAt[k]!;
      for (let w = 0; w < words; w++) {
        let m = localBits[k * words + w]!;
        if (m === 0) continue;
        lastScored = t;
        do {
          const low = m & -m;
          const r = (w << 5) + 31 - Math.clz32(low);
          m ^= low;
          if (t >= since[r]!) count[r]!++;
          inWindow[r]!++;
          const next = capped(points[r]! * inWindow[r]!, caps[r]!);
          running += next - value[r]!;
          value[r] = next;
        } while (m !== 0);
      }
      // The score is read once every row of this instant has counted.
      if (k + 1 < to && localAt[k + 1] === t) continue;
      for (let q = 0; q < windowedCount; q++) {
        const r = windowed[q]!;
        if (inWindow[r] === 0) {
          tails[r] = k + 1; // nothing in the window: nothing up to here can expire
          continue;
        }
        const word = r >>> 5;
        const bit = 1 << (r & 31);
        const oldest = t - within[r]!;
        let tail = tails[r]!;
        let dropped = false;
        for (; tail <= k; tail++) {
          if (localAt[tail]! >= oldest) break;
          if ((localBits[tail * words + word]! & bit) !== 0) {
            inWindow[r]!--;
            dropped = true;
          }
        }
        tails[r] = tail;
        if (dropped) {
          const next = capped(points[r]! * inWindow[r]!, caps[r]!);
          running += next - value[r]!;
          value[r] = next;
        }
      }
      if (running >= threshold) {
        qualified = true;
        qualifiedAt = t;
      }
    }
    // Once qualified, only the counts at asOf are left to take.
    for (; k < to; k++) {
      const t = localAt[k]!;
      for (let w = 0; w < words; w++) {
        let m = localBits[k * words + w]!;
        if (m === 0) continue;
        lastScored = t;
        do {
          const low = m & -m;
          const r = (w << 5) + 31 - Math.clz32(low);
          m ^= low;
          if (t >= since[r]!) count[r]!++;
        } while (m !== 0);
      }
    }
    let behavior = 0;
    for (let r = 0; r < ruleCount; r++) behavior += capped(points[r]! * count[r]!, caps[r]!);
    if (explain) explainBehavior(contributions, rules, localBits, words, localAt, to, asOf);

    loopOut[0] = behavior;
    loopOut[1] = lastScored;
    loopOut[2] = qualifiedAt;
  };

  /**
   * Scores one lead from local copies of its rows: reads them (in group
   * order), checking each cell when the table was not checked, puts them in
   * time order when they are not, and runs the generated or the general
   * loop; the result is in `loopOut`.
   */
  const scoreLocally = (
    from: number,
    rows: number,
    fitPoints: number,
    contributions: EngineContribution[],
  ): void => {
    let ok = 1;
    let inOrder = true;
    let previous = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < rows; k++) {
      const row = order === null ? from + k : order[from + k]!;
      const t = at[row]!;
      localAt[k] = t;
      if (t < previous) inOrder = false;
      previous = t;
      if (mode === 0) {
        const ty = type[row]!;
        const c = valueCodes[row]!;
        localBits[k] = lookup[ty * width + c]!;
        if (checking) ok &= (ty >>> 0 < typeCount ? 1 : 0) & (c >>> 0 < width ? 1 : 0);
      } else if (mode === 1) {
        const ty = type[row]!;
        localBits[k] = lookup[ty]!;
        if (checking) ok &= ty >>> 0 < typeCount ? 1 : 0;
      } else {
        for (let w = 0; w < words; w++) localBits[k * words + w] = precomputed[row * words + w]!;
      }
      if (checking) ok &= (t >= MIN_INSTANT_MS ? 1 : 0) & (t < END_INSTANT_MS ? 1 : 0);
    }
    if (ok === 0) {
      table.checkAll!(); // throws, naming the first bad row of the input
      throw new Error('scoreColumns: a bad row passed checkAll');
    }
    if (!inOrder) {
      // Time order, ties in row order (rows of a lead arrive in row order).
      if (positions.length < rows) {
        positions = new Int32Array(longest);
        spareAt = new Float64Array(longest);
        spareBits = new Uint32Array(longest * words);
      }
      for (let k = 0; k < rows; k++) positions[k] = k;
      sortRowsByTime(positions, 0, rows, localAt);
      for (let k = 0; k < rows; k++) {
        const p = positions[k]!;
        spareAt[k] = localAt[p]!;
        for (let w = 0; w < words; w++) spareBits[k * words + w] = localBits[p * words + w]!;
      }
      [localAt, spareAt] = [spareAt, localAt];
      [localBits, spareBits] = [spareBits, localBits];
    }
    let to = rows;
    while (to > 0 && localAt[to - 1]! > asOf) to--;
    if (loop !== null) loop(localAt, 0, localBits, to, fitPoints, loopOut);
    else generalLoop(to, fitPoints, contributions);
  };

  /** Decays the behaviour points in `loopOut` and writes lead j's results. */
  const finish = (j: number, fitPoints: number, contributions: EngineContribution[]): void => {
    const behavior = loopOut[0]!;
    const lastScored = loopOut[1]!;
    // Decay of the behaviour points, from the last activity to asOf, never below the floor.
    let decayed = behavior;
    if (decay !== undefined && behavior > 0 && fitPoints + behavior > floor) {
      const elapsedDays = (asOf - lastScored) / DAY_MS;
      const after = Math.max(floor, fitPoints + applyDecay(behavior, elapsedDays, decay));
      decayed = Math.min(behavior, after - fitPoints);
      if (explain && decayed !== behavior) {
        contributions.push({
          ruleId: 'decay',
          kind: 'decay',
          points: decayed - behavior,
          at: new Date(asOf),
        });
      }
    }
    out.score[j] = fitPoints + decayed;
    out.behavior[j] = decayed;
    out.qualifiedAt[j] = loopOut[2]!;
    if (out.contributions !== null) out.contributions[j] = contributions;
  };

  for (let j = 0; j < leadCount; j++) {
    if (directLoop !== null) {
      // The generated loop scores leads until one needs ordering (or has a bad cell).
      j = directLoop(
        at,
        type,
        valueCodes,
        lookup,
        start,
        fit.points,
        out.score,
        out.behavior,
        out.qualifiedAt,
        halt,
        j,
        leadCount,
      );
      if (j === leadCount) break;
      if (halt[0] === 2) {
        table.checkAll!(); // throws, naming the first bad row of the input
        throw new Error('scoreColumns: a bad row passed checkAll');
      }
    }
    const from = start[j]!;
    const rows = start[j + 1]! - from;
    const fitPoints = fit.points[j]!;
    const contributions = explain ? ([] as EngineContribution[]) : NONE;
    if (explain) {
      model.fit.forEach((rule, r) => {
        if (fit.truth[r]![j] === 1) {
          contributions.push({ ruleId: rule.id, kind: 'fit', points: rule.points });
        }
      });
    }
    scoreLocally(from, rows, fitPoints, contributions);
    finish(j, fitPoints, contributions);
  }
  return out;
}

/** Lists the behaviour points activity by activity, in time order, with caps applied. */
function explainBehavior(
  out: EngineContribution[],
  rules: readonly CompiledBehaviorRule[],
  bits: Uint32Array,
  words: number,
  at: Float64Array,
  to: number,
  asOf: number,
): void {
  const totals = new Float64Array(rules.length);
  for (let k = 0; k < to; k++) {
    const t = at[k]!;
    for (let r = 0; r < rules.length; r++) {
      if ((bits[k * words + (r >>> 5)]! & (1 << (r & 31))) === 0) continue;
      const rule = rules[r]!;
      if (t < asOf - rule.withinMs) continue;
      const next = capped(totals[r]! + rule.points, rule.cap);
      const points = next - totals[r]!;
      totals[r] = next;
      if (points !== 0) out.push({ ruleId: rule.id, kind: 'behavior', points, at: new Date(t) });
    }
  }
}
