import { KeyGroups } from '../_lib/columns/groupByKey';
import { inSupportedRange } from '../_lib/validate/instants';
import { fail, type LeadMathIssue } from '../errors';
import type { EventColumns } from './_internal/events';
import { computeFunnel, type FunnelRules } from './_internal/funnel';
import { readEvents, readRules, reportOf } from './_internal/options';
import type {
  FunnelEvent,
  FunnelEventColumns,
  FunnelReport,
  FunnelReportOptions,
} from './funnelReport';

/**
 * A funnel report built up from chunks of events: {@link funnelReport}'s
 * result over everything added, whatever the chunks and their order.
 *
 * @category Reports
 */
export interface FunnelAccumulator {
  /** Adds a chunk of events (objects or columns). Rows of one lead may come in any chunk. */
  add(events: readonly FunnelEvent[] | FunnelEventColumns): FunnelAccumulator;
  /** Adds everything another accumulator (with the same options) has seen; `other` is left as it is. */
  merge(other: FunnelAccumulator): FunnelAccumulator;
  /** The report over every event added so far. */
  result(): FunnelReport;
  /** The state as plain JSON, for {@link funnelAccumulatorFromJSON}. */
  toJSON(): FunnelAccumulatorState;
}

/**
 * The state of a {@link FunnelAccumulator} as plain JSON: the options, and
 * per lead its distinct (stage, instant) pairs and its first touch.
 *
 * @category Reports
 */
export interface FunnelAccumulatorState {
  /** The format of the state. */
  readonly version: 1;
  /** The options, except a `segmentBy` function (`segmentByFunction` is then true). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Whether the accumulator segmented by a function (not part of the JSON). */
  readonly segmentByFunction: boolean;
  /** The latest instant seen (epoch ms), null when none. */
  readonly maxAt: number | null;
  /** Per lead: its id, its [stage index, epoch ms] pairs, and its first-touch segment and instant. */
  readonly leads: readonly (readonly [
    string | number,
    readonly (readonly [number, number])[],
    string | null,
    number | null,
  ])[];
  /** The bad events collected so far (rows within their chunk). */
  readonly issues: readonly LeadMathIssue[];
}

/** One lead as the accumulator keeps it. */
interface LeadState {
  readonly id: string | number;
  /** Distinct (stage, instant) pairs, packed as `at * 1024 + stage`. */
  readonly pairs: Set<number>;
  segmentAt: number;
  segment: string | null;
}

const STAGE_LIMIT = 1024;

/** The key of a lead id: a safe integer and its decimal string are one lead. */
function keyOf(id: string | number): string {
  return typeof id === 'number' ? String(id) : id;
}

/** Options that can be compared and written as JSON. */
function plainOptions(options: FunnelReportOptions): Readonly<Record<string, unknown>> {
  const { segmentBy, ...rest } = options;
  const plain = JSON.parse(
    JSON.stringify(rest, (_, value) => (value instanceof Date ? value.getTime() : value)),
  ) as Record<string, unknown>;
  if (typeof segmentBy === 'string') plain.segmentBy = segmentBy;
  return plain;
}

class Accumulator implements FunnelAccumulator {
  readonly #leads = new Map<string, LeadState>();
  #maxAt = Number.NEGATIVE_INFINITY;
  readonly #issues: LeadMathIssue[] = [];
  readonly #plain: Readonly<Record<string, unknown>>;
  readonly #rules: FunnelRules;
  readonly #outcomes: readonly string[];
  readonly #segmentField: string | undefined;
  readonly #onInvalid: 'throw' | 'collect';

  readonly #fn: string;
  readonly #options: FunnelReportOptions;

  constructor(fn: string, options: FunnelReportOptions) {
    this.#fn = fn;
    this.#options = options;
    const read = readRules(fn, options);
    this.#rules = read.rules;
    this.#outcomes = read.outcomes;
    this.#segmentField = read.segmentField;
    this.#onInvalid = read.onInvalid;
    if (this.#rules.stages.length > STAGE_LIMIT) {
      fail(
        'INVALID_ARGUMENT',
        fn,
        'options.stages',
        options.stages,
        `at most ${STAGE_LIMIT} stages`,
      );
    }
    this.#plain = plainOptions(options);
  }

  add(events: readonly FunnelEvent[] | FunnelEventColumns): FunnelAccumulator {
    const cols = readEvents('funnelAccumulator.add', events, {
      stages: this.#rules.stages,
      outcomes: this.#outcomes,
      segmentField: this.#segmentField,
      onInvalid: this.#onInvalid,
    });
    this.#issues.push(...cols.issues);
    const asOf = this.#rules.asOf; // NaN: none given, nothing is left out
    const states: (LeadState | undefined)[] = new Array(cols.leadCount);
    for (let row = 0; row < cols.lead.length; row++) {
      const code = cols.lead[row]!;
      if (code < 0) continue; // a bad row, collected
      const t = cols.at[row]!;
      if (t > asOf) continue;
      let state = states[code];
      if (state === undefined) {
        const id = cols.leadIds === null ? code : cols.leadIds[code]!;
        const key = keyOf(id);
        state = this.#leads.get(key);
        if (state === undefined) {
          state = { id, pairs: new Set(), segmentAt: Number.POSITIVE_INFINITY, segment: null };
          this.#leads.set(key, state);
        }
        states[code] = state;
      }
      if (t > this.#maxAt) this.#maxAt = t;
      const stage = cols.stage[row]!;
      if (stage >= 0) state.pairs.add(t * STAGE_LIMIT + stage);
      if (cols.segment !== null && cols.segment[row]! >= 0) {
        touch(state, t, cols.segments.keys[cols.segment[row]!]!);
      }
    }
    return this;
  }

  merge(other: FunnelAccumulator): FunnelAccumulator {
    if (!(other instanceof Accumulator)) {
      fail('INVALID_ARGUMENT', this.#fn, 'other', other, 'a funnel accumulator');
    }
    if (
      JSON.stringify(other.#plain) !== JSON.stringify(this.#plain) ||
      other.#options.segmentBy !== this.#options.segmentBy
    ) {
      fail('INVALID_ARGUMENT', this.#fn, 'other', other, 'an accumulator with the same options');
    }
    this.#absorb(other.toJSON());
    return this;
  }

  /** Adds a state's leads, instants and issues. */
  #absorb(state: FunnelAccumulatorState): void {
    if (state.maxAt !== null && state.maxAt > this.#maxAt) this.#maxAt = state.maxAt;
    for (const [id, pairs, segment, segmentAt] of state.leads) {
      const key = keyOf(id);
      let lead = this.#leads.get(key);
      if (lead === undefined) {
        lead = { id, pairs: new Set(), segmentAt: Number.POSITIVE_INFINITY, segment: null };
        this.#leads.set(key, lead);
      }
      for (const [stage, t] of pairs) lead.pairs.add(t * STAGE_LIMIT + stage);
      if (segment !== null && segmentAt !== null) touch(lead, segmentAt, segment);
    }
    this.#issues.push(...state.issues);
  }

  /** An accumulator with the options and the (checked) state given. */
  static restore(
    fn: string,
    options: FunnelReportOptions,
    state: FunnelAccumulatorState,
  ): Accumulator {
    const accumulator = new Accumulator(fn, options);
    accumulator.#absorb(state);
    return accumulator;
  }

  result(): FunnelReport {
    return reportOf(
      this.#rules,
      computeFunnel('funnelAccumulator.result', this.#columns(), this.#rules),
      this.#onInvalid === 'collect' ? [...this.#issues] : null,
    );
  }

  /** The kept pairs as event columns: one row per pair, and a row for each first touch. */
  #columns(): EventColumns {
    let rows = 0;
    for (const lead of this.#leads.values()) rows += lead.pairs.size + 1;
    const lead = new Int32Array(rows).fill(-1);
    const stage = new Int16Array(rows).fill(-1);
    const at = new Float64Array(rows);
    const segmented = this.#segmentField !== undefined;
    const segment = segmented ? new Int32Array(rows).fill(-1) : null;
    const segments = new KeyGroups();
    const ids: (string | number)[] = [];
    let row = 0;
    for (const state of this.#leads.values()) {
      const code = ids.length;
      ids.push(state.id);
      for (const packed of state.pairs) {
        const s = ((packed % STAGE_LIMIT) + STAGE_LIMIT) % STAGE_LIMIT;
        lead[row] = code;
        stage[row] = s;
        at[row++] = (packed - s) / STAGE_LIMIT;
      }
      if (segment !== null && state.segment !== null) {
        // The first touch, as a row outside the funnel (like an outcome's).
        lead[row] = code;
        at[row] = state.segmentAt;
        segment[row++] = segments.codeOf(state.segment);
      }
    }
    return {
      lead: lead.subarray(0, row),
      stage: stage.subarray(0, row),
      at: at.subarray(0, row),
      segment: segment === null ? null : segment.subarray(0, row),
      segments,
      leadCount: ids.length,
      leadIds: ids,
      maxAt: this.#maxAt,
      issues: [],
      partitions: null,
    };
  }

  toJSON(): FunnelAccumulatorState {
    const leads: FunnelAccumulatorState['leads'][number][] = [];
    for (const state of this.#leads.values()) {
      const pairs: [number, number][] = [];
      for (const packed of state.pairs) {
        const s = ((packed % STAGE_LIMIT) + STAGE_LIMIT) % STAGE_LIMIT;
        pairs.push([s, (packed - s) / STAGE_LIMIT]);
      }
      leads.push([state.id, pairs, state.segment, state.segment === null ? null : state.segmentAt]);
    }
    return {
      version: 1,
      options: this.#plain,
      segmentByFunction: typeof this.#options.segmentBy === 'function',
      maxAt: this.#maxAt === Number.NEGATIVE_INFINITY ? null : this.#maxAt,
      leads,
      issues: [...this.#issues],
    };
  }
}

/** Keeps the earlier touch; at equal instants the smaller key, as the report's first-touch rule. */
function touch(state: LeadState, t: number, key: string): void {
  if (
    t < state.segmentAt ||
    (t === state.segmentAt && state.segment !== null && key < state.segment)
  ) {
    state.segmentAt = t;
    state.segment = key;
  }
}

/**
 * An accumulator for {@link funnelReport}: add events in chunks, from files,
 * days or workers, in any order (a lead's rows may be split across chunks),
 * merge accumulators built on any split of the rows, and keep the state as
 * JSON between processes; `result()` equals `funnelReport` over all the
 * events. With `onInvalid: 'collect'`, issues name rows within their chunk.
 *
 * @param options - As {@link funnelReport}'s.
 * @returns An empty accumulator.
 * @throws {LeadMathError} For bad options, as {@link funnelReport}; `add` throws for bad events.
 *
 * @example
 * ```ts
 * import { createFunnelAccumulator, funnelAccumulatorFromJSON } from 'leadmath';
 *
 * const options = { stages: ['mql', 'sql'], asOf: '2026-03-10T00:00:00Z' };
 * const monday = createFunnelAccumulator(options).add([
 *   { leadId: 1, stage: 'mql', at: '2026-03-02T09:00:00Z' },
 *   { leadId: 2, stage: 'mql', at: '2026-03-02T10:00:00Z' },
 * ]);
 * const tuesday = createFunnelAccumulator(options).add([
 *   { leadId: 1, stage: 'sql', at: '2026-03-03T09:00:00Z' },
 * ]);
 * const saved = JSON.stringify(tuesday);
 * const report = monday.merge(funnelAccumulatorFromJSON(JSON.parse(saved))).result();
 * report.stages.map((s) => [s.stage, s.reached, s.advanced]); //=> [['mql', 2, 1], ['sql', 1, null]]
 * ```
 *
 * @category Reports
 */
export function createFunnelAccumulator(options: FunnelReportOptions): FunnelAccumulator {
  return new Accumulator('createFunnelAccumulator', options);
}

/**
 * An accumulator from its {@link FunnelAccumulator.toJSON | JSON state}. A
 * `segmentBy` function is not part of the state: pass it again in
 * `functions`.
 *
 * @param state - What `toJSON()` returned (after a JSON round trip, too).
 * @param functions - The `segmentBy` function, when the state was made with one.
 * @returns An accumulator with that state.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a malformed state.
 *
 * @example
 * ```ts
 * import { createFunnelAccumulator, funnelAccumulatorFromJSON } from 'leadmath';
 *
 * const a = createFunnelAccumulator({ stages: ['mql', 'sql'] }).add([
 *   { leadId: 'x', stage: 'mql', at: '2026-03-02T09:00:00Z' },
 * ]);
 * funnelAccumulatorFromJSON(JSON.parse(JSON.stringify(a))).result().leads; //=> 1
 * ```
 *
 * @category Reports
 */
export function funnelAccumulatorFromJSON(
  state: FunnelAccumulatorState,
  functions: { readonly segmentBy?: FunnelReportOptions['segmentBy'] } = {},
): FunnelAccumulator {
  const fn = 'funnelAccumulatorFromJSON';
  const s = state as Partial<FunnelAccumulatorState> | null;
  if (
    typeof s !== 'object' ||
    s === null ||
    s.version !== 1 ||
    typeof s.options !== 'object' ||
    s.options === null ||
    !Array.isArray(s.leads) ||
    !Array.isArray(s.issues)
  ) {
    fail('INVALID_ARGUMENT', fn, 'state', state, 'the state of a funnel accumulator (version 1)');
  }
  if (s.segmentByFunction === true && typeof functions.segmentBy !== 'function') {
    fail(
      'INVALID_ARGUMENT',
      fn,
      'functions.segmentBy',
      functions.segmentBy,
      'the segmentBy function the state was made with',
    );
  }
  const options = {
    ...s.options,
    ...(s.segmentByFunction === true ? { segmentBy: functions.segmentBy } : {}),
  } as FunnelReportOptions;
  const stageCount = Array.isArray(options.stages) ? options.stages.length : 0;
  const instant = (t: unknown) => Number.isInteger(t) && inSupportedRange(t as number);
  if (s.maxAt !== null && !instant(s.maxAt)) {
    fail('INVALID_ARGUMENT', fn, 'state.maxAt', s.maxAt, 'null or epoch ms in the supported range');
  }
  s.leads.forEach((lead, i) => {
    const ok =
      Array.isArray(lead) &&
      lead.length === 4 &&
      ((typeof lead[0] === 'string' && lead[0].length > 0) || Number.isSafeInteger(lead[0])) &&
      Array.isArray(lead[1]) &&
      lead[1].every(
        (p) =>
          Array.isArray(p) &&
          p.length === 2 &&
          Number.isInteger(p[0]) &&
          p[0] >= 0 &&
          p[0] < stageCount &&
          instant(p[1]),
      ) &&
      ((lead[2] === null && lead[3] === null) ||
        (typeof lead[2] === 'string' && lead[2].length > 0 && instant(lead[3])));
    if (!ok) {
      fail(
        'INVALID_ARGUMENT',
        fn,
        `state.leads[${i}]`,
        lead,
        '[id, [[stage, at], …], segment, segmentAt] with stage indices and instants in range',
      );
    }
  });
  s.issues.forEach((issue, i) => {
    if (typeof issue !== 'object' || issue === null || Array.isArray(issue)) {
      fail('INVALID_ARGUMENT', fn, `state.issues[${i}]`, issue, 'an issue object');
    }
  });
  return Accumulator.restore(fn, options, s as FunnelAccumulatorState);
}
