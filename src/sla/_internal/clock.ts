import { readDuration } from '../../_lib/validate/durations';
import { toEpochMs } from '../../_lib/validate/instants';
import type { BusinessCalendar } from '../../calendar/index';
import { assertArray, assertObject, assertRate, fail, isLeadMathError } from '../../errors';
import type { SlaState } from '../slaStatus';
import { readCalendar } from './readCalendar';

/** A validated SLA policy. */
export interface SlaPolicy {
  /** Milliseconds of open time, or a number of business days. */
  readonly target: number | { readonly businessDays: number };
  /** The target as the caller gave it, for messages. */
  readonly targetInput: unknown;
  /** Path of the target in the caller's arguments (`'target'`, `'policy.target'`). */
  readonly targetPath: string;
  readonly warnAt: number;
  readonly calendar: BusinessCalendar;
  readonly asOf: number;
}

/**
 * Reads the policy fields shared by slaStatus and slaReport; `prefix` is how
 * the caller's paths start (`''` or `'policy.'`).
 */
export function readPolicy(
  fn: string,
  fields: Readonly<Record<string, unknown>>,
  prefix: string,
): SlaPolicy {
  const asOf = toEpochMs(fn, `${prefix}asOf`, fields.asOf);
  const warnAt =
    fields.warnAt === undefined ? 0.8 : assertRate(fn, `${prefix}warnAt`, fields.warnAt);
  const calendar = readCalendar(fn, `${prefix}calendar`, fields.calendar);
  // A zero target is no agreement at all.
  const targetPath = `${prefix}target`;
  const target = readDuration(fn, targetPath, fields.target, true);
  return { target, targetInput: fields.target, targetPath, warnAt, calendar, asOf };
}

/** The clock of one item, instants as epoch ms (NaN for none). */
export interface SlaClock {
  readonly state: SlaState;
  readonly dueAt: number;
  readonly elapsedMs: number;
  readonly remainingMs: number;
  readonly paused: boolean;
  readonly stoppedAt: number;
}

/**
 * `calendar.add`, reporting a sum past the supported range as the caller's
 * target (`INVALID_DURATION` naming `policy.target`), not as the calendar's
 * own `duration` argument.
 */
function addTarget(
  fn: string,
  policy: SlaPolicy,
  at: number,
  amount: number | { readonly businessDays: number },
): number {
  try {
    return policy.calendar.add(at, amount).getTime();
  } catch (error) {
    if (isLeadMathError(error)) {
      fail(
        'INVALID_DURATION',
        fn,
        policy.targetPath,
        policy.targetInput,
        'a target that ends before 2200-01-01T00:00Z',
      );
    }
    throw error;
  }
}

/** The clock of one item under a validated policy. `path` prefixes argument paths. */
export function evaluateSla(
  fn: string,
  path: string,
  item: Readonly<Record<string, unknown>>,
  policy: SlaPolicy,
): SlaClock {
  const { calendar, asOf } = policy;
  const start = toEpochMs(fn, `${path}start`, item.start);
  if (start > asOf) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      `${path}start`,
      item.start,
      `an instant at or before asOf (${new Date(asOf).toISOString()})`,
    );
  }
  let stop: number | null =
    item.stop === undefined || item.stop === null ? null : toEpochMs(fn, `${path}stop`, item.stop);
  if (stop !== null && stop < start)
    fail('INVALID_ARGUMENT', fn, `${path}stop`, item.stop, 'an instant at or after start');
  if (stop !== null && stop > asOf) stop = null; // not yet known at asOf
  const end = stop ?? asOf;

  // Pauses, clipped to [start, end), in order.
  const pauses: [number, number][] = [];
  let paused = false;
  if (item.pauses !== undefined) {
    const list = assertArray(fn, `${path}pauses`, item.pauses);
    for (let i = 0; i < list.length; i++) {
      const p = assertObject(fn, `${path}pauses[${i}]`, list[i]);
      const from = toEpochMs(fn, `${path}pauses[${i}].from`, p.from);
      let to =
        p.to === undefined || p.to === null
          ? Number.POSITIVE_INFINITY
          : toEpochMs(fn, `${path}pauses[${i}].to`, p.to);
      if (to < from)
        fail('INVALID_ARGUMENT', fn, `${path}pauses[${i}].to`, p.to, 'an instant at or after from');
      if (from > asOf) continue; // not yet known
      if (to > asOf) {
        to = asOf;
        if (stop === null) paused = true;
      }
      pauses.push([Math.max(from, start), Math.min(to, end)]);
    }
    pauses.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < pauses.length; i++) {
      if (pauses[i]![0] < pauses[i - 1]![1]) {
        fail('INVALID_ARGUMENT', fn, `${path}pauses`, item.pauses, 'pauses that do not overlap');
      }
    }
  }

  // Business time the target allows, and the due time: the target's open time
  // counted on the running clock, i.e. skipping pauses.
  const targetMs =
    typeof policy.target === 'number'
      ? policy.target
      : calendar.between(start, addTarget(fn, policy, start, policy.target));
  let remaining = targetMs;
  let cursor = start;
  for (const [from, to] of pauses) {
    if (to <= from) continue;
    const before = from > cursor ? calendar.between(cursor, from) : 0;
    // A pause that begins exactly when the target runs out holds the clock at
    // the target: not exceeded until the pause ends.
    if (before > remaining) break;
    remaining -= before;
    cursor = Math.max(cursor, to);
  }
  let dueAt = remaining === 0 ? cursor : addTarget(fn, policy, cursor, remaining);
  // The clock stands still while closed: a target that runs out at closing
  // time is exceeded only at the next opening, so that is when it is due.
  // Then "stopped at or before dueAt" is exactly "elapsed ≤ target".
  if (!calendar.isOpen(dueAt)) dueAt = addTarget(fn, policy, dueAt, { businessDays: 0 });

  let pausedMs = 0;
  for (const [from, to] of pauses) if (to > from) pausedMs += calendar.between(from, to);
  const elapsedMs = Math.max(0, calendar.between(start, end) - pausedMs);
  const remainingMs = stop !== null ? 0 : Math.max(0, targetMs - elapsedMs);

  let state: SlaState;
  if (stop !== null) state = stop <= dueAt ? 'met' : 'breached';
  else if (asOf > dueAt) state = 'breached';
  else state = elapsedMs >= policy.warnAt * targetMs ? 'at-risk' : 'running';
  return { state, dueAt, elapsedMs, remainingMs, paused, stoppedAt: stop ?? Number.NaN };
}
