import { groupKeyOf, KeyGroups } from '../_lib/columns/groupByKey';
import { quantilesInPlace } from '../_lib/stats/quantile';
import { DEFAULT_Z, wilsonBounds } from '../_lib/stats/wilson';
import { rowNonEmptyString, rowObject, rowPath } from '../_lib/validate/instants';
import { eachRow, readOnInvalid } from '../_lib/validate/issues';
import { readFields } from '../_lib/validate/options';
import type { BusinessCalendar, BusinessDuration, InstantInput } from '../calendar/index';
import { assertArray, assertNonEmptyString, fail, type LeadMathIssue } from '../errors';
import type { WilsonIntervalResult } from '../funnel/index';
import { evaluateSla, newClock, readPolicy } from './_internal/clock';
import type { SlaPause, SlaState } from './slaStatus';

/**
 * One item under an SLA: an MQL awaiting acceptance, a lead awaiting first
 * touch. Any other fields can be used to group the report (`segmentBy`).
 *
 * @category SLA
 */
export interface SlaItem {
  /** Optional id, not used in the computation. */
  readonly id?: string | number;
  /** Who is responsible; the report is grouped by it when present. */
  readonly owner?: string | undefined;
  /** When the clock started. */
  readonly start: InstantInput;
  /** When it stopped; absent while open. */
  readonly stop?: InstantInput | null | undefined;
  /** Pauses of the clock. */
  readonly pauses?: readonly SlaPause[] | undefined;
  /**
   * What stopped the clock (the stop event's type, e.g. `'accepted'` or
   * `'rejected'`); counted per value in {@link SlaGroupReport.outcomes}.
   */
  readonly outcome?: string | undefined;
  /** Segment fields. */
  readonly [field: string]: unknown;
}

/**
 * Policy of {@link slaReport}.
 *
 * @category SLA
 */
export interface SlaReportPolicy {
  /** The agreed response time. */
  readonly target: BusinessDuration;
  /**
   * Share of the target after which a running item is at risk.
   * @defaultValue 0.8
   */
  readonly warnAt?: number;
  /**
   * The calendar whose open time the clock counts.
   * @defaultValue alwaysOpen
   */
  readonly calendar?: BusinessCalendar;
  /** The moment of evaluation. */
  readonly asOf: InstantInput;
  /** A field of the items to group by, besides `owner` (e.g. `'source'`). */
  readonly segmentBy?: string;
  /**
   * What a bad item does: `'throw'` throws on the first one, naming its row;
   * `'collect'` leaves it out of every figure and lists it in `issues`.
   * @defaultValue 'throw'
   */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * SLA figures of a group of items.
 *
 * @category SLA
 */
export interface SlaGroupReport {
  /** Items in the group. */
  readonly total: number;
  /** Items per state. */
  readonly counts: Readonly<Record<SlaState, number>>;
  /** breached ÷ (met + breached): decided items only; `null` when none is decided. */
  readonly breachRate: number | null;
  /** 95 % Wilson interval of the breach rate. */
  readonly breachRateInterval: WilsonIntervalResult;
  /** Median business time to stop, over stopped items (linear interpolation); `null` if none. */
  readonly medianResponseMs: number | null;
  /** 90th percentile of the same; `null` if none. */
  readonly p90ResponseMs: number | null;
  /** Stopped items per `outcome` (items without one are not counted here), keys sorted. */
  readonly outcomes: Readonly<Record<string, number>>;
}

/**
 * Result of {@link slaReport}.
 *
 * @category SLA
 */
export interface SlaReportResult extends SlaGroupReport {
  /** The same figures per owner; empty when no item has an owner. */
  readonly byOwner: Readonly<Record<string, SlaGroupReport>>;
  /** The same figures per value of `segmentBy`; empty without it. */
  readonly bySegment: Readonly<Record<string, SlaGroupReport>>;
  /** With `onInvalid: 'collect'`, the items left out as bad, by row. */
  readonly issues?: readonly LeadMathIssue[];
}

const RUNNING = 0;
const AT_RISK = 1;
const MET = 2;
const BREACHED = 3;

/** The group key of a field: `null` when missing, null or empty. */
function groupKey(fn: string, i: number, field: string, value: unknown): string | null {
  const key = groupKeyOf(value);
  if (key === undefined) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      rowPath('items', i, field),
      value,
      'a string, number or boolean to group by',
    );
  }
  return key;
}

/** Rows 0 … n − 1 but those of `issues` (listed in row order, as the row loop finds them). */
function rowsWithout(n: number, issues: readonly LeadMathIssue[]): Int32Array {
  const rows = new Int32Array(n - issues.length);
  let next = 0;
  let k = 0;
  for (const { row } of issues) {
    while (next < row!) rows[k++] = next++;
    next++; // the bad row
  }
  while (next < n) rows[k++] = next++;
  return rows;
}

/** The group key of items whose segment field is missing, null or empty. */
const NO_SEGMENT = '(none)';

/**
 * The figures of one group from its items' columns: `members` lists the
 * rows of the group (all rows when null), `responses` is scratch space.
 */
function groupReport(
  members: Int32Array | null,
  states: Uint8Array,
  elapsed: Float64Array,
  outcomes: Int32Array,
  outcomeGroups: KeyGroups,
  responses: Float64Array,
): SlaGroupReport {
  const counts = [0, 0, 0, 0];
  const perOutcome = new Float64Array(outcomeGroups.size);
  let stopped = 0;
  const n = members === null ? states.length : members.length;
  for (let k = 0; k < n; k++) {
    const row = members === null ? k : members[k]!;
    counts[states[row]!]!++;
    const e = elapsed[row]!;
    if (!Number.isNaN(e)) responses[stopped++] = e; // NaN marks an item not stopped
    const outcome = outcomes[row]!;
    if (outcome >= 0) perOutcome[outcome]!++;
  }
  const met = counts[MET]!;
  const breached = counts[BREACHED]!;
  const decided = met + breached;
  const [median, p90] = quantilesInPlace(responses, stopped, [0.5, 0.9]);
  const outcomeEntries: [string, number][] = [];
  for (const code of outcomeGroups.sortedCodes()) {
    if (perOutcome[code]! > 0) outcomeEntries.push([outcomeGroups.keys[code]!, perOutcome[code]!]);
  }
  return {
    total: n,
    counts: {
      running: counts[RUNNING]!,
      'at-risk': counts[AT_RISK]!,
      met,
      breached,
    },
    breachRate: decided === 0 ? null : breached / decided,
    breachRateInterval: wilsonBounds(breached, decided, DEFAULT_Z),
    medianResponseMs: median!,
    p90ResponseMs: p90!,
    outcomes: Object.fromEntries(outcomeEntries),
  };
}

/** Rows per group code (a counting sort), and each group's report, in key order. */
function groupReports(
  codes: Int32Array,
  groups: KeyGroups,
  nullKey: string | null,
  report: (members: Int32Array) => SlaGroupReport,
): Record<string, SlaGroupReport> {
  const start = new Int32Array(groups.size + 1);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) start[codes[i]! + 1]!++;
  for (let g = 0; g < groups.size; g++) start[g + 1]! += start[g]!;
  const rows = new Int32Array(start[groups.size]!);
  const fill = start.slice(0, groups.size);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) rows[fill[codes[i]!]!++] = i;
  const out: Record<string, SlaGroupReport> = {};
  for (const code of groups.sortedCodes()) {
    const key = groups.keys[code] ?? nullKey;
    if (key === null) continue;
    out[key] = report(rows.subarray(start[code]!, start[code + 1]!));
  }
  return out;
}

const POLICY_KEYS = ['target', 'warnAt', 'calendar', 'asOf', 'segmentBy', 'onInvalid'];

const STATE_CODES: Readonly<Record<SlaState, number>> = {
  running: RUNNING,
  'at-risk': AT_RISK,
  met: MET,
  breached: BREACHED,
};

/**
 * Reports a set of SLA items at an instant: how many are running, at risk,
 * met and breached; the breach rate over decided items (met + breached: open
 * items not yet due are undecided and left out) with its Wilson interval; the
 * median and 90th percentile response time (business time to stop, linear
 * interpolation between order statistics, as numpy's default and
 * PostgreSQL's `percentile_cont`); and the same per owner and per segment.
 *
 * The calendar's open intervals are built once, so a million items cost a
 * handful of binary searches each.
 *
 * @param items - The items, each with `start` and optionally `stop`, `pauses`, `owner`.
 * @param policy - Target, warning share, calendar, `asOf` and `segmentBy`.
 * @returns Counts, breach rate, response percentiles, and groups.
 * @throws {LeadMathError} As {@link slaStatus}, naming the item (`items[3].start`).
 *
 * @example
 * ```ts
 * import { slaReport } from 'leadmath';
 *
 * const report = slaReport(
 *   [
 *     { owner: 'ana', start: '2026-03-02T09:00:00Z', stop: '2026-03-02T10:00:00Z' },
 *     { owner: 'ana', start: '2026-03-02T09:00:00Z', stop: '2026-03-05T09:00:00Z' },
 *     { owner: 'ben', start: '2026-03-04T09:00:00Z' },
 *   ],
 *   { target: { days: 2 }, asOf: '2026-03-06T00:00:00Z' }, // Ben's clock: 39 of 48 hours
 * );
 * report.counts; //=> { running: 0, 'at-risk': 1, met: 1, breached: 1 }
 * report.breachRate; //=> 0.5
 * report.byOwner.ana.medianResponseMs / 3_600_000; //=> 36.5
 * ```
 *
 * @category SLA
 */
export function slaReport(items: readonly SlaItem[], policy: SlaReportPolicy): SlaReportResult {
  const fn = 'slaReport';
  const list = assertArray(fn, 'items', items);
  const fields = readFields(fn, policy, POLICY_KEYS, 'policy');
  const rules = readPolicy(fn, fields, 'policy.');
  const segmentBy =
    fields.segmentBy === undefined
      ? undefined
      : assertNonEmptyString(fn, 'policy.segmentBy', fields.segmentBy, 'a field name');
  const onInvalid = readOnInvalid(fn, 'policy.onInvalid', fields.onInvalid);
  const n = list.length;
  const states = new Uint8Array(n);
  const elapsed = new Float64Array(n);
  const outcomes = new Int32Array(n);
  const owners = new Int32Array(n);
  const segments = segmentBy === undefined ? null : new Int32Array(n);
  const ownerGroups = new KeyGroups();
  const segmentGroups = new KeyGroups();
  const outcomeGroups = new KeyGroups();
  const clock = newClock();
  const readItem = (i: number): void => {
    const item = rowObject(fn, 'items', i, list[i]);
    evaluateSla(fn, 'items', i, item, rules, clock);
    const rawOutcome = item.outcome;
    const outcome =
      rawOutcome === undefined || rawOutcome === null
        ? -1
        : outcomeGroups.codeOf(rowNonEmptyString(fn, 'items', i, 'outcome', rawOutcome));
    const owner = groupKey(fn, i, 'owner', item.owner);
    const segment = segments === null ? null : groupKey(fn, i, segmentBy!, item[segmentBy!]);
    // Every check has passed: record the row.
    states[i] = STATE_CODES[clock.state];
    const stopped = !Number.isNaN(clock.stoppedAt);
    elapsed[i] = stopped ? clock.elapsedMs : Number.NaN;
    outcomes[i] = stopped ? outcome : -1;
    owners[i] = owner === null ? -1 : ownerGroups.codeOf(owner);
    if (segments !== null) segments[i] = segmentGroups.codeOf(segment);
  };
  const issues = eachRow(n, onInvalid, readItem);
  // Collected bad rows belong to no group.
  const keptRows = issues.length === 0 ? null : rowsWithout(n, issues);
  if (keptRows !== null) {
    for (const { row } of issues) {
      owners[row!] = -1;
      if (segments !== null) segments[row!] = -1;
    }
  }
  const responses = new Float64Array(n);
  const report = (members: Int32Array | null) =>
    groupReport(members, states, elapsed, outcomes, outcomeGroups, responses);
  const result: SlaReportResult = {
    ...report(keptRows),
    byOwner: groupReports(owners, ownerGroups, null, report),
    bySegment: segments === null ? {} : groupReports(segments, segmentGroups, NO_SEGMENT, report),
  };
  return onInvalid === 'collect' ? { ...result, issues } : result;
}

/**
 * Former name of {@link SlaReportResult}.
 *
 * @deprecated Use {@link SlaReportResult}; this alias will be removed in the next minor version.
 * @category SLA
 */
export type SlaReport = SlaReportResult;
