/** Options, periods and rows of the MQL and SQL reports. */
import { KeyGroups } from '../../_lib/columns/groupByKey';
import { lastAtOrBefore } from '../../_lib/columns/search';
import { type CalendarKernel, requireKernel } from '../../_lib/time/calendarKernel';
import { readDuration } from '../../_lib/validate/durations';
import { toEpochMs } from '../../_lib/validate/instants';
import { readOnInvalid } from '../../_lib/validate/issues';
import { readFields } from '../../_lib/validate/options';
import {
  alwaysOpen,
  type BusinessCalendar,
  type BusinessDuration,
  periods as localPeriods,
  type Period,
  type PeriodUnit,
} from '../../calendar/index';
import {
  assertArray,
  assertCount,
  assertNonEmptyString,
  assertOpenUnit,
  assertStageNames,
  fail,
  type LeadMathIssue,
} from '../../errors';
import {
  compareDailyRates,
  laggedCostPer,
  marketingSourcedShare,
  type SalesModel,
  spreadTarget,
} from '../../plan/index';
import type {
  HandoffEfficiency,
  HandoffPeriodRow,
  HandoffSla,
  HandoffVelocity,
} from '../mqlReport';
import type { SqlPeriodRow } from '../sqlReport';
import type { EventColumns } from './events';
import {
  DAY_MS,
  Decision,
  daysSummary,
  decisionOf,
  type HandoffLead,
  handoffLeads,
  type RateWithInterval,
  rateOf,
  withinHorizon,
} from './handoff';
import { readEvents } from './options';

export type { RateWithInterval } from './handoff';

/** The report's options, read and checked. */
export interface HandoffRules {
  readonly fn: string;
  readonly stages: readonly string[];
  readonly stageIndex: number;
  readonly rejected: readonly string[];
  readonly other: readonly string[];
  readonly every: PeriodUnit;
  readonly timeZone: string;
  readonly weekStartsOn: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly asOf: number;
  readonly goal: number | Readonly<Record<string, number>> | undefined;
  readonly calendar: BusinessCalendar | undefined;
  readonly target: BusinessDuration | undefined;
  readonly spend: readonly { readonly at: number; readonly amount: number }[] | undefined;
  readonly lagDays: number;
  readonly segmentField: string | undefined;
  readonly segmentOf: ((id: string | number) => unknown) | undefined;
  readonly confidence: number;
  readonly onInvalid: 'throw' | 'collect';
  /** sqlReport: the stages to follow, and the marketing-sourced share's inputs. */
  readonly opportunity: number;
  readonly customer: number;
  readonly sourceField: string | undefined;
  readonly marketingSources: readonly string[] | undefined;
  readonly salesModel: SalesModel | undefined;
}

export const COMMON_KEYS = [
  'stages',
  'outcomes',
  'every',
  'timeZone',
  'weekStartsOn',
  'from',
  'to',
  'asOf',
  'goal',
  'calendar',
  'sla',
  'spend',
  'lagDays',
  'segmentBy',
  'confidence',
  'onInvalid',
];
export const SQL_KEYS = ['opportunity', 'customer', 'sourceBy', 'marketingSources', 'salesModel'];

/** Reads the options of `mqlReport` (`stageKey` 'mql') or `sqlReport` ('sql'). */
export function readHandoffRules(
  fn: string,
  options: unknown,
  stageKey: 'mql' | 'sql',
): HandoffRules {
  const sql = stageKey === 'sql';
  const o = readFields(
    fn,
    options,
    [...COMMON_KEYS, stageKey, ...(sql ? SQL_KEYS : [])],
    'options',
  );
  const stages = assertStageNames(fn, 'options.stages', o.stages, 1);
  const stageName = o[stageKey] ?? stageKey;
  const stageIndex = stages.indexOf(stageName as string);
  if (stageIndex < 0)
    fail(
      'INVALID_ARGUMENT',
      fn,
      `options.${stageKey}`,
      stageName,
      `one of options.stages (${stages.join(', ')})`,
    );
  const outcomes =
    o.outcomes === undefined
      ? {}
      : readFields(fn, o.outcomes, ['rejected', 'other'], 'options.outcomes');
  const names = new Set(stages);
  const outcomeList = (key: 'rejected' | 'other') =>
    outcomes[key] === undefined
      ? []
      : assertArray(fn, `options.outcomes.${key}`, outcomes[key]).map((name, i) => {
          const path = `options.outcomes.${key}[${i}]`;
          assertNonEmptyString(fn, path, name);
          if (names.has(name as string))
            fail(
              'INVALID_ARGUMENT',
              fn,
              path,
              name,
              'a name that is not a stage or an earlier outcome',
            );
          names.add(name as string);
          return name as string;
        });
  const rejected = outcomeList('rejected');
  const other = outcomeList('other');
  if (o.every === undefined)
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.every',
      o.every,
      "the period: 'week', 'month', 'quarter', 'half' or 'year'",
    );
  if (o.timeZone === undefined)
    fail(
      'INVALID_TIME_ZONE',
      fn,
      'options.timeZone',
      o.timeZone,
      'the IANA time zone of the periods',
    );
  const asOf = o.asOf === undefined ? Number.NaN : toEpochMs(fn, 'options.asOf', o.asOf);
  const goal = readGoal(fn, o.goal);
  const calendar = o.calendar;
  if (calendar !== undefined) requireKernel(fn, 'options.calendar', calendar);
  let target: BusinessDuration | undefined;
  if (o.sla !== undefined) {
    const sla = readFields(fn, o.sla, ['target'], 'options.sla');
    readDuration(fn, 'options.sla.target', sla.target, true);
    target = sla.target as BusinessDuration;
  }
  const spend = o.spend === undefined ? undefined : readSpend(fn, o.spend);
  const lagDays = o.lagDays === undefined ? 30 : assertCount(fn, 'options.lagDays', o.lagDays);
  const segmentBy = o.segmentBy;
  if (
    segmentBy !== undefined &&
    typeof segmentBy !== 'function' &&
    (typeof segmentBy !== 'string' ||
      segmentBy.length === 0 ||
      ['leadId', 'stage', 'at'].includes(segmentBy))
  )
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.segmentBy',
      segmentBy,
      'an event field other than leadId, stage and at, or a function of the lead id',
    );
  const confidence =
    o.confidence === undefined ? 0.95 : assertOpenUnit(fn, 'options.confidence', o.confidence);
  const onInvalid = readOnInvalid(fn, 'options.onInvalid', o.onInvalid);
  // sqlReport: later stages and the marketing-sourced share.
  const laterStage = (key: 'opportunity' | 'customer') => {
    if (!sql) return -1;
    if (o[key] === undefined) return stages.indexOf(key);
    const k = stages.indexOf(o[key] as string);
    if (k <= stageIndex)
      fail(
        'INVALID_ARGUMENT',
        fn,
        `options.${key}`,
        o[key],
        `a stage after ${stages[stageIndex]} in options.stages`,
      );
    return k;
  };
  const sourceBy = o.sourceBy;
  if (
    sourceBy !== undefined &&
    (typeof sourceBy !== 'string' ||
      sourceBy.length === 0 ||
      ['leadId', 'stage', 'at'].includes(sourceBy))
  )
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.sourceBy',
      sourceBy,
      'an event field other than leadId, stage and at',
    );
  const marketingSources =
    o.marketingSources === undefined
      ? undefined
      : assertArray(fn, 'options.marketingSources', o.marketingSources).map((s, i) =>
          assertNonEmptyString(fn, `options.marketingSources[${i}]`, s),
        );
  const salesModel = o.salesModel;
  if (salesModel !== undefined && salesModel !== 'field' && salesModel !== 'inside')
    fail('INVALID_ARGUMENT', fn, 'options.salesModel', salesModel, "'field' or 'inside'");
  const share = [sourceBy, marketingSources, salesModel];
  if (share.some((x) => x !== undefined) && share.some((x) => x === undefined))
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.sourceBy',
      sourceBy,
      'given with marketingSources and salesModel (the three go together)',
    );
  return {
    fn,
    stages,
    stageIndex,
    rejected,
    other,
    every: o.every as PeriodUnit,
    timeZone: o.timeZone as string,
    weekStartsOn: o.weekStartsOn,
    from: o.from,
    to: o.to,
    asOf,
    goal,
    calendar: calendar as BusinessCalendar | undefined,
    target,
    spend,
    lagDays,
    segmentField: typeof segmentBy === 'string' ? segmentBy : undefined,
    segmentOf:
      typeof segmentBy === 'function' ? (segmentBy as (id: string | number) => unknown) : undefined,
    confidence,
    onInvalid,
    opportunity: laterStage('opportunity'),
    customer: laterStage('customer'),
    sourceField: sourceBy as string | undefined,
    marketingSources,
    salesModel: salesModel as SalesModel | undefined,
  };
}

function readGoal(
  fn: string,
  value: unknown,
): number | Readonly<Record<string, number>> | undefined {
  if (value === undefined || typeof value === 'number') {
    if (value !== undefined) assertCount(fn, 'options.goal', value);
    return value as number | undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.goal',
      value,
      'a count for the whole range, or an object of period key → count',
    );
  for (const [key, n] of Object.entries(value))
    assertCount(fn, `options.goal[${JSON.stringify(key)}]`, n);
  return value as Readonly<Record<string, number>>;
}

function readSpend(fn: string, value: unknown): { at: number; amount: number }[] {
  return assertArray(fn, 'options.spend', value).map((entry, i) => {
    const e = readFields(fn, entry, ['at', 'amount'], `options.spend[${i}]`);
    const at = toEpochMs(fn, `options.spend[${i}].at`, e.at);
    if (typeof e.amount !== 'number' || !Number.isFinite(e.amount) || e.amount < 0)
      fail('INVALID_NUMBER', fn, `options.spend[${i}].amount`, e.amount, 'a finite amount ≥ 0');
    return { at, amount: e.amount };
  });
}

/** A lead of the report with its decision, period and segment. */
interface Placed {
  readonly lead: HandoffLead;
  readonly decision: Decision;
  readonly decidedAt: number;
  readonly dueAt: number;
}

/** The figures of one period (or the total) before they are named for the report. */
export interface HandoffRow extends HandoffPeriodRow {
  readonly count: number;
  readonly costPer: number | null;
  readonly costPerLagged: number | null;
  readonly sql: SqlFigures | null;
}

/** sqlReport's figures of a row. */
export type SqlFigures = Pick<
  SqlPeriodRow,
  'opportunities' | 'customers' | 'closeRate' | 'leadToCustomer' | 'marketingSourced'
>;

export interface HandoffResult {
  readonly periods: HandoffRow[];
  readonly total: HandoffRow;
  readonly segments: { segment: string | null; periods: HandoffRow[]; total: HandoffRow }[] | null;
  readonly issues: readonly LeadMathIssue[] | null;
  readonly asOf: number;
}

/** Open time of a full day of a calendar: its longest weekday (a 9–17 day is 8 h). */
function fullDayMs(calendar: BusinessCalendar): number {
  let longest = 0;
  for (const spans of Object.values(calendar.toJSON().hours)) {
    let minutes = 0;
    for (const [a, b] of spans ?? []) minutes += minutesOf(b) - minutesOf(a);
    longest = Math.max(longest, minutes);
  }
  return longest * 60_000;
}
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const LEAD_TO_CUSTOMER_BAND = { low: 0.02, high: 0.05 };

/** Computes the report. */
export function handoffReport(events: unknown, r: HandoffRules): HandoffResult {
  const { fn } = r;
  const readStages = [...r.stages, ...r.rejected];
  const cols = readEvents(fn, events, {
    stages: readStages,
    outcomes: r.other,
    segmentField: r.segmentField,
    onInvalid: r.onInvalid,
  });
  const sourceCols: EventColumns | null =
    r.sourceField === undefined
      ? null
      : readEvents(fn, events, {
          stages: readStages,
          outcomes: r.other,
          segmentField: r.sourceField,
          onInvalid: r.onInvalid,
        });
  const asOf = Number.isNaN(r.asOf) ? cols.maxAt : r.asOf;
  const later = [r.opportunity, r.customer].filter((k) => k >= 0);
  const leads = handoffLeads(
    cols,
    { stageCount: r.stages.length, stage: r.stageIndex, later, asOf },
    sourceCols,
  );
  // Periods: the options' range, or the data's.
  let from = r.from;
  let to = r.to;
  if (from === undefined || to === undefined) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const lead of leads) {
      for (const t of [lead.entry, r.customer >= 0 ? lead.entry0 : Number.NaN]) {
        if (Number.isNaN(t)) continue;
        lo = Math.min(lo, t);
        hi = Math.max(hi, t);
      }
    }
    if (from === undefined) from = Number.isFinite(lo) ? lo : undefined;
    if (to === undefined) to = Number.isFinite(hi) ? hi + 1 : undefined;
  }
  const list: Period[] =
    from === undefined || to === undefined
      ? []
      : localPeriods({
          from: from as number,
          to: to as number,
          every: r.every,
          timeZone: r.timeZone,
          ...(r.weekStartsOn === undefined ? {} : { weekStartsOn: r.weekStartsOn as never }),
          ...(r.calendar === undefined ? {} : { calendar: r.calendar }),
        });
  const starts = list.map((p) => p.start.getTime());
  const end = list.length === 0 ? Number.NaN : list[list.length - 1]!.end.getTime();
  const periodIndex = (t: number) =>
    Number.isNaN(t) || list.length === 0 || t < starts[0]! || t >= end
      ? -1
      : lastAtOrBefore(starts, t);
  const calendar = r.calendar ?? alwaysOpen;
  // The calendar's kernel answers per lead without a Date or a check per call.
  const kernel = requireKernel(fn, 'options.calendar', calendar);
  const dayMs = fullDayMs(calendar);
  const targetBusinessMs =
    r.target === undefined
      ? Number.NaN
      : typeof r.target === 'object' && 'businessDays' in r.target
        ? r.target.businessDays * dayMs
        : (readDuration(fn, 'options.sla.target', r.target) as number);
  const targetDays = targetBusinessMs / (r.calendar === undefined ? DAY_MS : dayMs);
  const kernelTarget =
    r.target !== undefined && typeof r.target === 'object' && 'businessDays' in r.target
      ? { businessDays: r.target.businessDays }
      : targetBusinessMs;
  // Each lead's decision and due time.
  const placed: Placed[] = leads.map((lead) => {
    const { decision, at } = decisionOf(lead);
    // Always open (no calendar): business time is elapsed time, a business day 24 hours.
    const dueAt =
      r.target === undefined || Number.isNaN(lead.entry)
        ? Number.NaN
        : r.calendar === undefined
          ? lead.entry + targetBusinessMs
          : dueOf(kernel, lead.entry, kernelTarget);
    return { lead, decision, decidedAt: at, dueAt };
  });
  // Segments: first touch, or the function of the lead id.
  let segmentOfLead: ((j: number) => string | null) | null = null;
  if (r.segmentField !== undefined) {
    const keys = cols.segments.keys;
    segmentOfLead = (j) => (leads[j]!.segment < 0 ? null : keys[leads[j]!.segment]!);
  } else if (r.segmentOf !== undefined) {
    const ids = cols.leadIds;
    const f = r.segmentOf;
    segmentOfLead = (j) => {
      const key = f(ids === null ? j : ids[j]!);
      if (key === null || key === undefined || key === '') return null;
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean')
        fail(
          'INVALID_ARGUMENT',
          fn,
          'options.segmentBy',
          key,
          'a function returning a string, number, boolean or null',
        );
      return String(key);
    };
  }
  const ctx: RowContext = {
    r,
    list,
    asOf,
    kernel,
    dayMs,
    targetBusinessMs,
    targetDays,
    periodIndex,
    sourceKeys: sourceCols?.segments.keys ?? [],
  };
  const all = placed.map((_, j) => j);
  const totalRows = rowsFor(ctx, placed, all, true);
  let segments: HandoffResult['segments'] = null;
  if (segmentOfLead !== null) {
    // Leads grouped by segment key; segments in key order, null last.
    const keys = new KeyGroups();
    const groups: number[][] = [];
    for (let j = 0; j < placed.length; j++) {
      const code = keys.codeOf(segmentOfLead(j));
      const group = groups[code];
      if (group === undefined) groups[code] = [j];
      else group.push(j);
    }
    segments = keys.sortedCodes().map((code) => ({
      segment: keys.keys[code]!,
      ...rowsFor(ctx, placed, groups[code]!, false),
    }));
  }
  return {
    ...totalRows,
    segments,
    issues: r.onInvalid === 'collect' ? [...cols.issues] : null,
    asOf,
  };
}

/** The due instant of an entry (+∞ past the supported range: never breached in it). */
function dueOf(
  kernel: CalendarKernel,
  entry: number,
  target: number | { businessDays: number },
): number {
  const due = kernel.add(entry, target);
  return Number.isNaN(due) ? Number.POSITIVE_INFINITY : due;
}

interface RowContext {
  readonly r: HandoffRules;
  readonly list: readonly Period[];
  readonly asOf: number;
  readonly kernel: CalendarKernel;
  readonly dayMs: number;
  readonly targetBusinessMs: number;
  readonly targetDays: number;
  readonly periodIndex: (t: number) => number;
  readonly sourceKeys: readonly (string | null)[];
}

/** The rows per period and the total over some leads (`withMoney`: goals and spend, for the whole report only). */
function rowsFor(
  ctx: RowContext,
  placed: readonly Placed[],
  members: readonly number[],
  withMoney: boolean,
): { periods: HandoffRow[]; total: HandoffRow } {
  const { list, r } = ctx;
  const byPeriod: number[][] = list.map(() => []);
  const leadsByPeriod: number[][] = list.map(() => []);
  const newCustomersByPeriod: number[][] = list.map(() => []);
  const customerAt = later(r, 'customer');
  for (const j of members) {
    const p = placed[j]!;
    const k = ctx.periodIndex(p.lead.entry);
    if (k >= 0) byPeriod[k]!.push(j);
    if (r.customer >= 0) {
      const k0 = ctx.periodIndex(p.lead.entry0);
      if (k0 >= 0) leadsByPeriod[k0]!.push(j);
      const kc = ctx.periodIndex(p.lead.later[customerAt]!);
      if (kc >= 0) newCustomersByPeriod[kc]!.push(j);
    }
  }
  const goals = withMoney ? periodGoals(r, list) : list.map(() => null);
  const periods: HandoffRow[] = [];
  for (let k = 0; k < list.length; k++) {
    const p = list[k]!;
    const previous = periods[k - 1];
    periods.push(
      row(ctx, placed, {
        period: p.key,
        start: p.start,
        end: p.end,
        businessDays: p.businessDays,
        members: byPeriod[k]!,
        leads: leadsByPeriod[k]!,
        newCustomers: newCustomersByPeriod[k]!,
        goal: goals[k]!,
        previous:
          previous === undefined
            ? null
            : { count: previous.count, businessDays: previous.businessDays },
        withMoney,
      }),
    );
  }
  const first = list[0];
  const last = list[list.length - 1];
  const goalTotal =
    goals.length > 0 && goals.every((g) => g !== null) ? goals.reduce((a, g) => a + g!, 0) : null;
  const total = row(ctx, placed, {
    period: 'total',
    start: first?.start ?? new Date(Number.NaN),
    end: last?.end ?? new Date(Number.NaN),
    businessDays: list.reduce((a, p) => a + p.businessDays, 0),
    members: byPeriod.flat(),
    leads: leadsByPeriod.flat(),
    newCustomers: newCustomersByPeriod.flat(),
    goal: goalTotal,
    previous: null,
    withMoney,
  });
  return { periods, total };
}

function later(r: HandoffRules, which: 'opportunity' | 'customer'): number {
  const order = [r.opportunity, r.customer].filter((k) => k >= 0);
  return order.indexOf(which === 'opportunity' ? r.opportunity : r.customer);
}

function periodGoals(r: HandoffRules, list: readonly Period[]): (number | null)[] {
  if (r.goal === undefined) return list.map(() => null);
  if (typeof r.goal === 'number') {
    if (list.length === 0) return [];
    const weights = list.map((p) => p.businessDays);
    return weights.some((w) => w > 0)
      ? spreadTarget(r.goal, weights)
      : spreadTarget(
          r.goal,
          list.map(() => 1),
        );
  }
  const keys = new Set(list.map((p) => p.key));
  for (const key of Object.keys(r.goal))
    if (!keys.has(key))
      fail(
        'INVALID_ARGUMENT',
        r.fn,
        `options.goal[${JSON.stringify(key)}]`,
        r.goal[key],
        `a goal for one of the report's periods (${[...keys].slice(0, 4).join(', ')}${keys.size > 4 ? ', …' : ''})`,
      );
  const goal = r.goal;
  return list.map((p) => (Object.hasOwn(goal, p.key) ? goal[p.key]! : null));
}

interface RowInput {
  readonly period: string;
  readonly start: Date;
  readonly end: Date;
  readonly businessDays: number;
  readonly members: readonly number[];
  readonly leads: readonly number[];
  readonly newCustomers: readonly number[];
  readonly goal: number | null;
  readonly previous: { count: number; businessDays: number } | null;
  readonly withMoney: boolean;
}

function row(ctx: RowContext, placed: readonly Placed[], input: RowInput): HandoffRow {
  const { r, asOf, kernel, dayMs } = ctx;
  const count = input.members.length;
  let accepted = 0;
  let rejected = 0;
  let advanced = 0;
  let met = 0;
  let breached = 0;
  let open = 0;
  const days: number[] = [];
  const businessDays: number[] = [];
  const kmDurations: number[] = [];
  const kmEvents: number[] = [];
  for (const j of input.members) {
    const p = placed[j]!;
    const { entry, next } = p.lead;
    if (p.decision === Decision.Accepted) accepted++;
    else if (p.decision === Decision.Rejected) rejected++;
    if (!Number.isNaN(next)) advanced++;
    if (p.decision !== Decision.Pending) {
      days.push(p.decidedAt - entry);
      if (r.calendar !== undefined) businessDays.push(kernel.between(entry, p.decidedAt));
    }
    if (r.target !== undefined) {
      if (p.decision !== Decision.Pending) {
        if (p.decidedAt <= p.dueAt) met++;
        else breached++;
      } else if (asOf > p.dueAt) breached++;
      else open++;
      const event = !Number.isNaN(next);
      const end = event ? next : Math.max(asOf, entry);
      kmDurations.push(r.calendar === undefined ? end - entry : kernel.between(entry, end));
      kmEvents.push(event ? 1 : 0);
    }
  }
  const calendarDays = daysSummary(days, DAY_MS);
  const business = daysSummary(businessDays, dayMs);
  const velocity: HandoffVelocity = {
    count: days.length,
    meanDays: calendarDays.mean,
    medianDays: calendarDays.median,
    p90Days: calendarDays.p90,
    meanBusinessDays: r.calendar === undefined ? null : business.mean,
    medianBusinessDays: r.calendar === undefined ? null : business.median,
    p90BusinessDays: r.calendar === undefined ? null : business.p90,
  };
  const efficiencyRate = rateOf(advanced, count, r.confidence);
  let withinSla: HandoffEfficiency['withinSla'] = null;
  if (r.target !== undefined) {
    const km = withinHorizon(kmDurations, kmEvents, ctx.targetBusinessMs, r.confidence);
    if (km !== null)
      withinSla = {
        horizonMs: ctx.targetBusinessMs,
        rate: km.share,
        low: km.low,
        high: km.high,
        atRisk: km.atRisk,
      };
  }
  const meanForSla = r.calendar === undefined ? velocity.meanDays : velocity.meanBusinessDays;
  const sla: HandoffSla | null =
    r.target === undefined
      ? null
      : {
          target: r.target,
          targetDays: ctx.targetDays,
          met,
          breached,
          open,
          breachRate: rateOf(breached, met + breached, r.confidence),
          overByDays: meanForSla === null ? null : Math.max(0, meanForSla - ctx.targetDays),
        };
  const perBusinessDay = input.businessDays > 0 ? count / input.businessDays : null;
  const perBusinessDayChange =
    input.previous === null || input.previous.businessDays === 0 || input.businessDays === 0
      ? null
      : compareDailyRates(input.previous, { count, businessDays: input.businessDays }).change;
  // Spend: in the period, and lagged by lagDays in the report's zone.
  let spend: number | null = null;
  let costPer: number | null = null;
  let costPerLagged: number | null = null;
  if (input.withMoney && r.spend !== undefined && !Number.isNaN(input.start.getTime())) {
    const a = input.start.getTime();
    const b = input.end.getTime();
    spend = 0;
    for (const s of r.spend) if (s.at >= a && s.at < b) spend += s.amount;
    costPer = count === 0 ? null : spend / count;
    costPerLagged = laggedCostPer({
      spend: r.spend as { at: number; amount: number }[],
      count,
      window: { start: a, end: b },
      lagDays: r.lagDays,
      timeZone: r.timeZone,
    }).costPer;
  }
  return {
    period: input.period,
    start: input.start,
    end: input.end,
    businessDays: input.businessDays,
    count,
    goal: input.goal,
    attainment: input.goal === null || input.goal === 0 ? null : count / input.goal,
    perBusinessDay,
    perBusinessDayChange,
    accepted,
    rejected,
    pending: count - accepted - rejected,
    acceptanceRate: rateOf(accepted, accepted + rejected, r.confidence),
    efficiency: efficiencyRate === null ? null : { ...efficiencyRate, advanced, withinSla },
    velocity,
    sla,
    spend,
    costPer,
    costPerLagged,
    sql: r.fn === 'sqlReport' ? sqlFigures(r, placed, input, ctx) : null,
  };
}

/** sqlReport's figures: later stages of the period's SQLs, lead → customer, marketing-sourced share. */
function sqlFigures(
  r: HandoffRules,
  placed: readonly Placed[],
  input: RowInput,
  ctx: RowContext,
): SqlFigures {
  const io = later(r, 'opportunity');
  const ic = later(r, 'customer');
  let opportunities = 0;
  let customers = 0;
  for (const j of input.members) {
    const l = placed[j]!.lead;
    if (r.opportunity >= 0 && !Number.isNaN(l.later[io]!)) opportunities++;
    if (r.customer >= 0 && !Number.isNaN(l.later[ic]!)) customers++;
  }
  let leadToCustomer: SqlFigures['leadToCustomer'] = null;
  let marketingSourced: SqlFigures['marketingSourced'] = null;
  if (r.customer >= 0) {
    let won = 0;
    for (const j of input.leads) if (!Number.isNaN(placed[j]!.lead.later[ic]!)) won++;
    const rate = rateOf(won, input.leads.length, r.confidence);
    leadToCustomer = {
      leads: input.leads.length,
      customers: won,
      rate,
      band: LEAD_TO_CUSTOMER_BAND,
      position:
        rate === null
          ? null
          : rate.rate < LEAD_TO_CUSTOMER_BAND.low
            ? 'below'
            : rate.rate > LEAD_TO_CUSTOMER_BAND.high
              ? 'above'
              : 'within',
    };
    if (r.marketingSources !== undefined && r.salesModel !== undefined) {
      const sources = new Set(r.marketingSources);
      let sourced = 0;
      for (const j of input.newCustomers) {
        const code = placed[j]!.lead.source;
        if (code >= 0 && sources.has(ctx.sourceKeys[code]!)) sourced++;
      }
      const share = marketingSourcedShare({
        marketingSourced: sourced,
        customers: input.newCustomers.length,
        salesModel: r.salesModel,
      });
      marketingSourced = {
        customers: input.newCustomers.length,
        marketingSourced: sourced,
        ...share,
      };
    }
  }
  return {
    opportunities: r.opportunity >= 0 ? opportunities : null,
    customers: r.customer >= 0 ? customers : null,
    closeRate:
      r.opportunity >= 0 && r.customer >= 0 ? rateOf(customers, opportunities, r.confidence) : null,
    leadToCustomer,
    marketingSourced,
  };
}
