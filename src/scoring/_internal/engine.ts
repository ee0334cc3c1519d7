/**
 * The one scoring engine behind scoreLead and scoreLeads. Activities arrive as
 * a table (typed arrays of lead index, interned type code and instant, with a
 * way to test `where` conditions by row), so the inner loop compares integers.
 */

import type { Condition, DecayPolicy, ScoringModel } from '../model';
import { compileCondition, leafTest } from './conditions';
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
  readonly test: (lead: unknown) => boolean;
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
  readonly windowed: readonly number[];
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
        test: compileCondition(rule.when),
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
    windowed: behavior.flatMap((rule, r) => (Number.isFinite(rule.withinMs) ? [r] : [])),
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

/**
 * Scores every lead against the table as of `asOf` (epoch ms). Rows after
 * `asOf` are ignored. With `explain`, each result lists its contributions.
 * `ids`, when given, adds `leadId` to each result.
 *
 * Rows already grouped by lead in time order (the usual export order) are
 * scored in one sequential pass; otherwise rows are grouped by a stable
 * counting sort first.
 */
export function scoreTable(
  model: CompiledModel,
  leads: readonly unknown[],
  table: ActivityTable,
  asOf: number,
  explain: boolean,
  ids?: readonly (string | number)[],
): EngineResult[] {
  const results: EngineResult[] = [];
  const emit: Emit = (j, score, fit, behavior, qualifiedAt, contributions) => {
    const qualified = score >= model.threshold;
    const date = qualifiedAt === null ? null : new Date(qualifiedAt);
    results.push(
      ids === undefined
        ? { score, fit, behavior, qualified, qualifiedAt: date, contributions }
        : { leadId: ids[j]!, score, fit, behavior, qualified, qualifiedAt: date, contributions },
    );
  };
  scoreInto(model, leads, table, asOf, explain, emit, () => {
    results.length = 0;
  });
  return results;
}

/** Receives one lead's score; `qualifiedAt` is epoch ms or null. */
export type Emit = (
  lead: number,
  score: number,
  fit: number,
  behavior: number,
  qualifiedAt: number | null,
  contributions: EngineContribution[],
) => void;

/**
 * The engine proper: scores every lead and hands each result to `emit`, in
 * lead order. `restart` is called if a first, sequential attempt has to be
 * abandoned for the general path (results emitted so far are to be dropped).
 */
export function scoreInto(
  model: CompiledModel,
  leads: readonly unknown[],
  table: ActivityTable,
  asOf: number,
  explain: boolean,
  emit: Emit,
  restart: () => void,
): void {
  const rules = model.behavior;
  const ruleCount = rules.length;
  const source = maskSource(rules, table);
  const { words, combined, width, codes, masks } = source;
  const type = table.type;
  const at = table.at;
  const leadOf = table.lead;
  const leadCount = leads.length;
  const points = Float64Array.from(rules, (rule) => rule.points);
  const caps = Float64Array.from(rules, (rule) => rule.cap);
  const since = Float64Array.from(rules, (rule) => asOf - rule.withinMs); // counted at asOf if at ≥ this
  const within = Float64Array.from(rules, (rule) => rule.withinMs);
  const windowed = model.windowed;

  const count = new Float64Array(ruleCount); // matches counted at asOf
  const inWindow = new Float64Array(ruleCount); // matches in the window at the running instant
  const value = new Float64Array(ruleCount); // each rule's capped points at the running instant
  const tails = new Int32Array(ruleCount); // oldest row possibly still in a rule's window

  /** The rule bits of one row (first word), specialised once per run so the call site stays monomorphic. */
  const bitsOf: (row: number) => number =
    combined === null
      ? (row) => masks![row * words]!
      : codes === null
        ? (row) => combined[type[row]!]!
        : (row) => combined[type[row]! * width + codes[row]!]!;

  /** Scores lead j from rows order[from, to) (or rows from..to when order is null), in time order. */
  const scoreLeadRows = (j: number, order: Int32Array | null, from: number, end: number): void => {
    const lead = leads[j];
    let to = end;
    while (to > from && at[order === null ? to - 1 : order[to - 1]!]! > asOf) to--;

    let fit = 0;
    const contributions = explain ? ([] as EngineContribution[]) : NONE;
    for (const rule of model.fit) {
      if (rule.test(lead)) {
        fit += rule.points;
        if (explain) contributions.push({ ruleId: rule.id, kind: 'fit', points: rule.points });
      }
    }

    // One pass in time order: the counts at asOf, and the running score for
    // qualifiedAt (all rows of one instant count before the score is read;
    // matches leave a rule's window as time moves on).
    for (let r = 0; r < ruleCount; r++) {
      count[r] = 0;
      inWindow[r] = 0;
      value[r] = 0;
      tails[r] = from;
    }
    let running = fit;
    let qualifiedAt: number | null = null;
    // Decay runs from the last activity that matched a rule: an activity no
    // rule scores (an unscored email open) does not make a lead fresh again.
    let lastScored = Number.NaN;
    for (let k = from; k < to; k++) {
      const row = order === null ? k : order[k]!;
      const t = at[row]!;
      for (let w = 0; w < words; w++) {
        let m = w === 0 ? bitsOf(row) : masks![row * words + w]!;
        if (m !== 0) lastScored = t;
        while (m !== 0) {
          const low = m & -m;
          const r = (w << 5) + 31 - Math.clz32(low);
          m ^= low;
          if (t >= since[r]!) count[r]!++;
          if (qualifiedAt !== null) continue;
          inWindow[r]!++;
          const next = capped(points[r]! * inWindow[r]!, caps[r]!);
          running += next - value[r]!;
          value[r] = next;
        }
      }
      // The score is read once every row of this instant has counted.
      if (qualifiedAt !== null || (k + 1 < to && at[order === null ? k + 1 : order[k + 1]!] === t))
        continue;
      for (const r of windowed) {
        if (inWindow[r] === 0) {
          tails[r] = k + 1; // nothing in the window: nothing up to here can expire
          continue;
        }
        const word = r >>> 5;
        const bit = 1 << (r & 31);
        let tail = tails[r]!;
        let dropped = false;
        for (; tail <= k; tail++) {
          const old = order === null ? tail : order[tail]!;
          if (at[old]! >= t - within[r]!) break;
          if (((word === 0 ? bitsOf(old) : masks![old * words + word]!) & bit) !== 0) {
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
      if (running >= model.threshold) qualifiedAt = t;
    }
    let behavior = 0;
    for (let r = 0; r < ruleCount; r++) behavior += capped(points[r]! * count[r]!, caps[r]!);
    if (explain) explainBehavior(contributions, rules, source, bitsOf, at, order, from, to, asOf);

    // Decay of the behaviour points, from the last activity to asOf, never below the floor.
    let decayed = behavior;
    if (model.decay !== undefined && behavior > 0 && fit + behavior > model.floor) {
      const elapsedDays = (asOf - lastScored) / DAY_MS;
      const after = Math.max(model.floor, fit + applyDecay(behavior, elapsedDays, model.decay));
      decayed = Math.min(behavior, after - fit);
      if (explain && decayed !== behavior) {
        contributions.push({
          ruleId: 'decay',
          kind: 'decay',
          points: decayed - behavior,
          at: new Date(asOf),
        });
      }
    }
    emit(j, fit + decayed, fit, decayed, qualifiedAt, contributions);
  };

  // Fast path: one sequential pass while rows stay grouped by lead in time order.
  let grouped = true;
  let row = 0;
  const rowCount = table.count;
  for (let j = 0; j < leadCount && grouped; j++) {
    const from = row;
    while (row < rowCount && leadOf[row] === j) {
      if (row > from && at[row]! < at[row - 1]!) grouped = false;
      row++;
    }
    if (grouped) scoreLeadRows(j, null, from, row);
  }
  if (grouped && row === rowCount) return;

  // General path: group rows by lead (stable counting sort), then sort each lead's rows by time.
  restart();
  const start = new Int32Array(leadCount + 1);
  for (let i = 0; i < table.count; i++) if (leadOf[i]! >= 0) start[leadOf[i]! + 1]!++;
  for (let j = 0; j < leadCount; j++) start[j + 1]! += start[j]!;
  const order = new Int32Array(start[leadCount]!);
  const fill = start.slice(0, leadCount);
  for (let i = 0; i < table.count; i++) if (leadOf[i]! >= 0) order[fill[leadOf[i]!]!++] = i;
  for (let j = 0; j < leadCount; j++) {
    sortRowsByTime(order, start[j]!, start[j + 1]!, at);
    scoreLeadRows(j, order, start[j]!, start[j + 1]!);
  }
}

/** Lists the behaviour points activity by activity, in time order, with caps applied. */
function explainBehavior(
  out: EngineContribution[],
  rules: readonly CompiledBehaviorRule[],
  source: MaskSource,
  bitsOf: (row: number) => number,
  at: Float64Array,
  order: Int32Array | null,
  from: number,
  to: number,
  asOf: number,
): void {
  const totals = new Float64Array(rules.length);
  for (let k = from; k < to; k++) {
    const row = order === null ? k : order[k]!;
    const t = at[row]!;
    for (let r = 0; r < rules.length; r++) {
      const word = r >>> 5;
      const bits = word === 0 ? bitsOf(row) : source.masks![row * source.words + word]!;
      if ((bits & (1 << (r & 31))) === 0) continue;
      const rule = rules[r]!;
      if (t < asOf - rule.withinMs) continue;
      const next = capped(totals[r]! + rule.points, rule.cap);
      const points = next - totals[r]!;
      totals[r] = next;
      if (points !== 0) out.push({ ruleId: rule.id, kind: 'behavior', points, at: new Date(t) });
    }
  }
}

/**
 * Sorts order[from, to) by instant, ties in input order (row index). Already
 * sorted runs, the usual case, cost one pass; otherwise O(n log n).
 */
function sortRowsByTime(order: Int32Array, from: number, to: number, at: Float64Array): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) sorted = at[order[k]!]! >= at[order[k - 1]!]!;
  if (sorted) return;
  const rows = Array.from(order.subarray(from, to)).sort((a, b) => at[a]! - at[b]! || a - b);
  order.set(rows, from);
}
