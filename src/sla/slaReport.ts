import { quantileSorted } from '../_lib/stats/quantile';
import { DEFAULT_Z, wilsonBounds } from '../_lib/stats/wilson';
import { readFields } from '../_lib/validate/options';
import type { BusinessCalendar, BusinessDuration, InstantInput } from '../calendar/index';
import { assertArray, assertNonEmptyString, assertObject, fail } from '../errors';
import type { WilsonIntervalResult } from '../funnel/index';
import { evaluateSla, readPolicy } from './_internal/clock';
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
export interface SlaReport extends SlaGroupReport {
  /** The same figures per owner; empty when no item has an owner. */
  readonly byOwner: Readonly<Record<string, SlaGroupReport>>;
  /** The same figures per value of `segmentBy`; empty without it. */
  readonly bySegment: Readonly<Record<string, SlaGroupReport>>;
}

class Group {
  readonly counts = { running: 0, 'at-risk': 0, met: 0, breached: 0 };
  readonly responses: number[] = [];
  readonly outcomes = new Map<string, number>();

  add(state: SlaState, elapsedMs: number, stopped: boolean, outcome: string | undefined): void {
    this.counts[state]++;
    if (!stopped) return;
    this.responses.push(elapsedMs);
    if (outcome !== undefined) this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  report(): SlaGroupReport {
    const { met, breached } = this.counts;
    const decided = met + breached;
    const sorted = Float64Array.from(this.responses).sort();
    return {
      total: this.counts.running + this.counts['at-risk'] + decided,
      counts: { ...this.counts },
      breachRate: decided === 0 ? null : breached / decided,
      breachRateInterval: wilsonBounds(breached, decided, DEFAULT_Z),
      medianResponseMs: quantileSorted(sorted, 0.5),
      p90ResponseMs: quantileSorted(sorted, 0.9),
      outcomes: Object.fromEntries([...this.outcomes].sort(([a], [b]) => compareKeys(a, b))),
    };
  }
}

/** The group of `key`, created empty on first use. */
function groupFor(groups: Map<string, Group>, key: string): Group {
  let group = groups.get(key);
  if (group === undefined) {
    group = new Group();
    groups.set(key, group);
  }
  return group;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The group key of items whose segment field is missing, null or empty. */
const NO_SEGMENT = '(none)';

function groupKey(fn: string, path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return NO_SEGMENT;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail('INVALID_ARGUMENT', fn, path, value, 'a string, number or boolean to group by');
}

const POLICY_KEYS = ['target', 'warnAt', 'calendar', 'asOf', 'segmentBy'];

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
export function slaReport(items: readonly SlaItem[], policy: SlaReportPolicy): SlaReport {
  const fn = 'slaReport';
  const list = assertArray(fn, 'items', items);
  const fields = readFields(fn, policy, POLICY_KEYS, 'policy');
  const rules = readPolicy(fn, fields, 'policy.');
  const segmentBy =
    fields.segmentBy === undefined
      ? undefined
      : assertNonEmptyString(fn, 'policy.segmentBy', fields.segmentBy, 'a field name');
  const all = new Group();
  const owners = new Map<string, Group>();
  const segments = new Map<string, Group>();
  for (let i = 0; i < list.length; i++) {
    const item = assertObject(fn, `items[${i}]`, list[i]);
    const status = evaluateSla(fn, `items[${i}].`, item, rules);
    const stopped = !Number.isNaN(status.stoppedAt);
    const outcome =
      item.outcome === undefined || item.outcome === null
        ? undefined
        : assertNonEmptyString(fn, `items[${i}].outcome`, item.outcome, 'a non-empty string');
    all.add(status.state, status.elapsedMs, stopped, outcome);
    if (item.owner !== undefined && item.owner !== null && item.owner !== '') {
      groupFor(owners, groupKey(fn, `items[${i}].owner`, item.owner)).add(
        status.state,
        status.elapsedMs,
        stopped,
        outcome,
      );
    }
    if (segmentBy !== undefined) {
      const key = groupKey(fn, `items[${i}].${segmentBy}`, item[segmentBy]);
      groupFor(segments, key).add(status.state, status.elapsedMs, stopped, outcome);
    }
  }
  const entries = (groups: Map<string, Group>) =>
    Object.fromEntries(
      [...groups].sort(([a], [b]) => compareKeys(a, b)).map(([k, g]) => [k, g.report()]),
    );
  return { ...all.report(), byOwner: entries(owners), bySegment: entries(segments) };
}
