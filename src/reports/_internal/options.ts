/** Options and inputs shared by the reports. */
import { readDuration } from '../../_lib/validate/durations';
import { toEpochMs } from '../../_lib/validate/instants';
import { readOnInvalid } from '../../_lib/validate/issues';
import { readFields } from '../../_lib/validate/options';
import {
  assertArray,
  assertNonEmptyString,
  assertObject,
  assertOpenUnit,
  assertStageNames,
  fail,
  type LeadMathIssue,
} from '../../errors';
import type { FunnelReport } from '../funnelReport';
import {
  type EventColumns,
  type ReadEventsOptions,
  readEventColumns,
  readEventObjects,
} from './events';
import type { computeFunnel, FunnelRules } from './funnel';

/** An elapsed duration in ms (business days have no meaning without a calendar). */
export function elapsedMs(fn: string, path: string, value: unknown): number {
  const ms = readDuration(fn, path, value);
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    fail(
      'INVALID_DURATION',
      fn,
      path,
      value,
      'a finite number of milliseconds or { days, hours, minutes } (not business days)',
    );
  }
  return ms;
}

export function readChoice<T extends string>(
  fn: string,
  path: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (value === undefined) return choices[0]!;
  if (!choices.includes(value as T)) {
    fail('INVALID_ARGUMENT', fn, path, value, choices.map((c) => `'${c}'`).join(' or '));
  }
  return value as T;
}

/** Outcome names: non-empty, unique, and none of them a stage. */
export function readOutcomes(
  fn: string,
  stages: readonly string[],
  value: unknown,
): readonly string[] {
  const outcomes = value === undefined ? [] : assertArray(fn, 'options.outcomes', value);
  const seen = new Set(stages);
  outcomes.forEach((name, i) => {
    assertNonEmptyString(fn, `options.outcomes[${i}]`, name);
    if (seen.has(name as string)) {
      fail(
        'INVALID_ARGUMENT',
        fn,
        `options.outcomes[${i}]`,
        name,
        'a name that is not a stage or an earlier outcome',
      );
    }
    seen.add(name as string);
  });
  return outcomes as readonly string[];
}

/** Events as objects (an array) or columns (an object of columns). */
export function readEvents(fn: string, events: unknown, read: ReadEventsOptions): EventColumns {
  return Array.isArray(events)
    ? readEventObjects(fn, events, read)
    : readEventColumns(fn, assertObject(fn, 'events', events), read);
}

const OPTION_KEYS = [
  'stages',
  'outcomes',
  'mode',
  'sequence',
  'from',
  'to',
  'window',
  'asOf',
  'horizons',
  'quantiles',
  'confidence',
  'segmentBy',
  'onInvalid',
] as const;

/** Reads and checks the options. */
export function readRules(
  fn: string,
  options: unknown,
): {
  rules: FunnelRules;
  outcomes: readonly string[];
  segmentField: string | undefined;
  onInvalid: 'throw' | 'collect';
} {
  const fields = readFields(fn, options, OPTION_KEYS, 'options');
  const stages = assertStageNames(fn, 'options.stages', fields.stages, 1);
  const outcomes = readOutcomes(fn, stages, fields.outcomes);
  const mode = readChoice(fn, 'options.mode', fields.mode, ['cohort', 'period'] as const);
  const sequence = readChoice(fn, 'options.sequence', fields.sequence, [
    'lifecycle',
    'ordered',
  ] as const);
  const from =
    fields.from === undefined
      ? Number.NEGATIVE_INFINITY
      : toEpochMs(fn, 'options.from', fields.from);
  const to =
    fields.to === undefined ? Number.POSITIVE_INFINITY : toEpochMs(fn, 'options.to', fields.to);
  if (to < from)
    fail('INVALID_ARGUMENT', fn, 'options.to', fields.to, 'an instant at or after from');
  if (mode === 'period') {
    for (const key of ['window', 'horizons'] as const) {
      if (fields[key] !== undefined) {
        fail(
          'INVALID_ARGUMENT',
          fn,
          `options.${key}`,
          fields[key],
          "absent in period mode (it follows cohorts: mode 'cohort')",
        );
      }
    }
  }
  const windowMs =
    fields.window === undefined
      ? Number.POSITIVE_INFINITY
      : elapsedMs(fn, 'options.window', fields.window);
  const asOf = fields.asOf === undefined ? Number.NaN : toEpochMs(fn, 'options.asOf', fields.asOf);
  const horizons =
    fields.horizons === undefined
      ? []
      : assertArray(fn, 'options.horizons', fields.horizons).map((h, i) =>
          elapsedMs(fn, `options.horizons[${i}]`, h),
        );
  const quantiles =
    fields.quantiles === undefined
      ? []
      : assertArray(fn, 'options.quantiles', fields.quantiles).map((p, i) => {
          if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
            fail('INVALID_RATE', fn, `options.quantiles[${i}]`, p, 'a number in [0, 1]');
          }
          return p;
        });
  const confidence =
    fields.confidence === undefined
      ? 0.95
      : assertOpenUnit(fn, 'options.confidence', fields.confidence);
  const segmentBy = fields.segmentBy;
  if (
    segmentBy !== undefined &&
    typeof segmentBy !== 'function' &&
    (typeof segmentBy !== 'string' || segmentBy.length === 0)
  ) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.segmentBy',
      segmentBy,
      'an event field name or a function of the lead id',
    );
  }
  if (segmentBy === 'leadId' || segmentBy === 'stage' || segmentBy === 'at') {
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.segmentBy',
      segmentBy,
      'a field other than leadId, stage and at',
    );
  }
  const onInvalid = readOnInvalid(fn, 'options.onInvalid', fields.onInvalid);
  return {
    rules: {
      stages,
      mode,
      sequence,
      from,
      to,
      windowMs,
      asOf,
      horizons,
      quantiles,
      confidence,
      segmentOf:
        typeof segmentBy === 'function'
          ? (segmentBy as (id: string | number) => unknown)
          : undefined,
      segmented: segmentBy !== undefined,
    },
    outcomes,
    segmentField: typeof segmentBy === 'string' ? segmentBy : undefined,
    onInvalid,
  };
}

/** The public report from the computed one. */
export function reportOf(
  rules: FunnelRules,
  computed: ReturnType<typeof computeFunnel>,
  issues: readonly LeadMathIssue[] | null,
): FunnelReport {
  const asOf = computed.asOf === Number.NEGATIVE_INFINITY ? null : new Date(computed.asOf);
  const instant = (ms: number) => (Number.isFinite(ms) ? new Date(ms) : null);
  const report = {
    mode: rules.mode,
    sequence: rules.sequence,
    asOf,
    from: instant(rules.from),
    to: instant(rules.to),
    windowMs: rules.windowMs === Number.POSITIVE_INFINITY ? null : rules.windowMs,
    leads: computed.total.leads,
    stages: computed.total.stages,
    ...(computed.segments === null
      ? {}
      : {
          segments: computed.segments.map(({ segment, result }) => ({
            segment,
            leads: result.leads,
            stages: result.stages,
          })),
        }),
    ...(issues === null ? {} : { issues }),
  };
  return report as FunnelReport;
}
