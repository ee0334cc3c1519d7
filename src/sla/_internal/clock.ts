import type { CalendarKernel } from '../../_lib/time/calendarKernel';
import { readDuration } from '../../_lib/validate/durations';
import { rowInstant, rowObject, rowPath, toEpochMs } from '../../_lib/validate/instants';
import { assertArray, assertRate, fail } from '../../errors';
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
  readonly calendar: CalendarKernel;
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

/** The clock of one item, instants as epoch ms (NaN for none); reused from item to item. */
export interface SlaClock {
  state: SlaState;
  dueAt: number;
  elapsedMs: number;
  remainingMs: number;
  paused: boolean;
  stoppedAt: number;
}

/** `add` of this is the next opening (one object for every item, not one per item). */
const NEXT_OPENING = Object.freeze({ businessDays: 0 });

/** A clock to fill. */
export function newClock(): SlaClock {
  return {
    state: 'running',
    dueAt: Number.NaN,
    elapsedMs: 0,
    remainingMs: 0,
    paused: false,
    stoppedAt: Number.NaN,
  };
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
  const result = policy.calendar.add(at, amount);
  if (Number.isNaN(result)) {
    fail(
      'INVALID_DURATION',
      fn,
      policy.targetPath,
      policy.targetInput,
      'a target that ends before 2200-01-01T00:00Z',
    );
  }
  return result;
}

/** Pauses of an item, clipped to [start, end), sorted, checked not to overlap; [] when none. */
function readPauses(
  fn: string,
  prefix: string,
  index: number,
  value: unknown,
  start: number,
  end: number,
  stop: number | null,
  asOf: number,
  clock: SlaClock,
): [number, number][] {
  const pauses: [number, number][] = [];
  const base = rowPath(prefix, index, 'pauses');
  const list = assertArray(fn, base, value);
  for (let i = 0; i < list.length; i++) {
    const p = rowObject(fn, base, i, list[i]);
    const from = toEpochMs(fn, `${base}[${i}].from`, p.from);
    let to =
      p.to === undefined || p.to === null
        ? Number.POSITIVE_INFINITY
        : toEpochMs(fn, `${base}[${i}].to`, p.to);
    if (to < from)
      fail('INVALID_ARGUMENT', fn, `${base}[${i}].to`, p.to, 'an instant at or after from');
    if (from > asOf) continue; // not yet known
    if (to > asOf) {
      to = asOf;
      if (stop === null) clock.paused = true;
    }
    pauses.push([Math.max(from, start), Math.min(to, end)]);
  }
  pauses.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < pauses.length; i++) {
    if (pauses[i]![0] < pauses[i - 1]![1]) {
      fail('INVALID_ARGUMENT', fn, base, value, 'pauses that do not overlap');
    }
  }
  return pauses;
}

/**
 * Fills `clock` with the clock of one item under a validated policy. Paths
 * name fields of row `index` of `prefix` (see `rowPath`); they are built
 * only for a bad value, and an item without pauses allocates nothing.
 */
export function evaluateSla(
  fn: string,
  prefix: string,
  index: number,
  item: Readonly<Record<string, unknown>>,
  policy: SlaPolicy,
  clock: SlaClock,
): SlaClock {
  const { calendar, asOf } = policy;
  const start = rowInstant(fn, prefix, index, 'start', item.start);
  if (start > asOf) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      rowPath(prefix, index, 'start'),
      item.start,
      `an instant at or before asOf (${new Date(asOf).toISOString()})`,
    );
  }
  const rawStop = item.stop;
  let stop: number | null =
    rawStop === undefined || rawStop === null
      ? null
      : rowInstant(fn, prefix, index, 'stop', rawStop);
  if (stop !== null && stop < start)
    fail(
      'INVALID_ARGUMENT',
      fn,
      rowPath(prefix, index, 'stop'),
      rawStop,
      'an instant at or after start',
    );
  if (stop !== null && stop > asOf) stop = null; // not yet known at asOf
  const end = stop ?? asOf;
  clock.paused = false;
  const pauses =
    item.pauses === undefined
      ? null
      : readPauses(fn, prefix, index, item.pauses, start, end, stop, asOf, clock);

  // Business time the target allows, and the due time: the target's open time
  // counted on the running clock, i.e. skipping pauses.
  const targetMs =
    typeof policy.target === 'number'
      ? policy.target
      : calendar.between(start, addTarget(fn, policy, start, policy.target));
  let remaining = targetMs;
  let cursor = start;
  let pausedMs = 0;
  if (pauses !== null) {
    for (const [from, to] of pauses) {
      if (to <= from) continue;
      const before = from > cursor ? calendar.between(cursor, from) : 0;
      // A pause that begins exactly when the target runs out holds the clock at
      // the target: not exceeded until the pause ends.
      if (before > remaining) break;
      remaining -= before;
      cursor = Math.max(cursor, to);
    }
    for (const [from, to] of pauses) if (to > from) pausedMs += calendar.between(from, to);
  }
  let dueAt = remaining === 0 ? cursor : addTarget(fn, policy, cursor, remaining);
  // The clock stands still while closed: a target that runs out at closing
  // time is exceeded only at the next opening, so that is when it is due.
  // Then "stopped at or before dueAt" is exactly "elapsed ≤ target".
  if (!calendar.isOpen(dueAt)) dueAt = addTarget(fn, policy, dueAt, NEXT_OPENING);

  const elapsedMs = Math.max(0, calendar.between(start, end) - pausedMs);
  const remainingMs = stop !== null ? 0 : Math.max(0, targetMs - elapsedMs);

  let state: SlaState;
  if (stop !== null) state = stop <= dueAt ? 'met' : 'breached';
  else if (asOf > dueAt) state = 'breached';
  else state = elapsedMs >= policy.warnAt * targetMs ? 'at-risk' : 'running';
  clock.state = state;
  clock.dueAt = dueAt;
  clock.elapsedMs = elapsedMs;
  clock.remainingMs = remainingMs;
  clock.stoppedAt = stop ?? Number.NaN;
  return clock;
}
