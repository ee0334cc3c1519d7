import { IdIndex, idKey } from '../_lib/columns/ids';
import { rowInstant, rowNonEmptyString, rowObject } from '../_lib/validate/instants';
import { eachRow, readOnInvalid } from '../_lib/validate/issues';
import { readFields } from '../_lib/validate/options';
import type { InstantInput } from '../calendar/index';
import { assertArray, assertNonEmptyString, type LeadMathIssue } from '../errors';
import type { SlaItem } from './slaReport';
import type { SlaPause } from './slaStatus';

/**
 * Something that happened to a lead: the events SLA clocks start, pause,
 * resume and stop on.
 *
 * @category SLA
 */
export interface SlaEvent {
  /** The lead. */
  readonly leadId: string | number;
  /** Event type, e.g. `'mql'`, `'accepted'`, `'waiting_on_customer'`. */
  readonly type: string;
  /** When it happened. */
  readonly at: InstantInput;
  /** Who is responsible (read from the starting event). */
  readonly owner?: string;
}

/**
 * Which events drive an SLA clock, as in service desks. For the lead
 * hand-off, for example:
 *
 * - MQL accept/reject: `{ start: ['mql'], stop: ['accepted', 'rejected'] }`
 * - first touch (speed to lead): `{ start: ['created'], stop: ['call', 'email'] }`
 * - SQL follow-up, pausing while waiting on the customer:
 *   `{ start: ['sql'], stop: ['meeting_booked'], pause: ['waiting_on_customer'], resume: ['customer_replied'] }`
 *
 * @category SLA
 */
export interface SlaEventPolicy {
  /** Event types that start a clock (when none is running). */
  readonly start: readonly string[];
  /** Event types that stop it. */
  readonly stop: readonly string[];
  /** Event types that pause it. */
  readonly pause?: readonly string[];
  /** Event types that resume it. */
  readonly resume?: readonly string[];
  /**
   * What a bad event does: `'throw'` throws on the first one, naming its
   * row; `'collect'` leaves it out and lists it in `issues`, and the
   * result is `{ items, issues }`.
   * @defaultValue 'throw'
   */
  readonly onInvalid?: 'throw' | 'collect';
}

/**
 * The result of {@link slaItemsFromEvents} with `onInvalid: 'collect'`.
 *
 * @category SLA
 */
export interface SlaItemsFromEventsCollectedResult {
  /** One item per clock, as without `onInvalid`. */
  readonly items: EventSlaItem[];
  /** The events left out as bad, by row. */
  readonly issues: readonly LeadMathIssue[];
}

/**
 * One SLA clock found in an event log.
 *
 * @category SLA
 */
export interface EventSlaItem extends SlaItem {
  /** The lead the clock belongs to, as its first event wrote it. */
  readonly id: string | number;
  /** When the clock started. */
  readonly start: Date;
  /** When it stopped; absent while open. */
  readonly stop?: Date | undefined;
  /** The type of the event that stopped the clock (`'accepted'`, `'rejected'`); absent while open. */
  readonly outcome?: string | undefined;
  /** Pauses of the clock, in order; the last has no `to` while it lasts. */
  readonly pauses: readonly SlaPause[];
}

function eventTypes(fn: string, path: string, value: unknown, required: boolean): Set<string> {
  if (value === undefined && !required) return new Set();
  const list = assertArray(fn, path, value, required ? 1 : 0);
  return new Set(list.map((t, i) => assertNonEmptyString(fn, `${path}[${i}]`, t, 'an event type')));
}

/**
 * Turns a lead event log into SLA items: for each lead, in time order, a
 * start event starts a clock, pause and resume events pause it, and a stop
 * event stops it; a later start event (a recycled lead) starts a new clock.
 * A stop while paused ends the pause too. Events of other types, and pause,
 * resume and stop events without a running clock, are ignored.
 *
 * @param events - Lead events, in any order (ties keep their input order).
 * @param policy - Which event types start, stop, pause and resume the clock.
 * @returns One item per clock, ordered by lead (first appearance) and start, ready for {@link slaReport}.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a malformed event or policy; `INVALID_DATE` for a bad instant.
 *
 * @example
 * ```ts
 * import { slaItemsFromEvents } from 'leadmath';
 *
 * const items = slaItemsFromEvents(
 *   [
 *     { leadId: 'L1', type: 'mql', at: '2026-03-02T09:00:00Z', owner: 'ana' },
 *     { leadId: 'L1', type: 'waiting_on_customer', at: '2026-03-02T10:00:00Z' },
 *     { leadId: 'L1', type: 'customer_replied', at: '2026-03-03T10:00:00Z' },
 *     { leadId: 'L1', type: 'accepted', at: '2026-03-03T11:00:00Z' },
 *   ],
 *   { start: ['mql'], stop: ['accepted', 'rejected'], pause: ['waiting_on_customer'], resume: ['customer_replied'] },
 * );
 * items.length; //=> 1
 * items[0].pauses.length; //=> 1
 * ```
 *
 * @category SLA
 */
export function slaItemsFromEvents(
  events: readonly SlaEvent[],
  policy: SlaEventPolicy & { readonly onInvalid: 'collect' },
): SlaItemsFromEventsCollectedResult;
export function slaItemsFromEvents(
  events: readonly SlaEvent[],
  policy: SlaEventPolicy & { readonly onInvalid?: 'throw' | undefined },
): EventSlaItem[];
export function slaItemsFromEvents(
  events: readonly SlaEvent[],
  policy: SlaEventPolicy,
): EventSlaItem[] | SlaItemsFromEventsCollectedResult;
export function slaItemsFromEvents(
  events: readonly SlaEvent[],
  policy: SlaEventPolicy,
): EventSlaItem[] | SlaItemsFromEventsCollectedResult {
  const fn = 'slaItemsFromEvents';
  const list = assertArray(fn, 'events', events);
  const rules = readFields(fn, policy, ['start', 'stop', 'pause', 'resume', 'onInvalid'], 'policy');
  const onInvalid = readOnInvalid(fn, 'policy.onInvalid', rules.onInvalid);
  const starts = eventTypes(fn, 'policy.start', rules.start, true);
  const stops = eventTypes(fn, 'policy.stop', rules.stop, true);
  const pausing = eventTypes(fn, 'policy.pause', rules.pause, false);
  const resuming = eventTypes(fn, 'policy.resume', rules.resume, false);

  // At one instant a start comes first, then pauses and resumes, then stops,
  // so a start and a stop logged at the same time make a clock that is met
  // in zero time, whatever order the rows came in.
  const rank = (type: string) =>
    starts.has(type) ? 0 : stops.has(type) ? 2 : pausing.has(type) || resuming.has(type) ? 1 : 3;
  // Leads in order of first appearance, by the one id rule (42 and '42' are one lead).
  const ids = new IdIndex();
  const byLead: {
    id: string | number;
    history: { at: number; type: string; owner: unknown; rank: number }[];
  }[] = [];
  const issues = eachRow(list.length, onInvalid, (i) => {
    const e = rowObject(fn, 'events', i, list[i]);
    if (ids.find(e.leadId) === -2) idKey(fn, `events[${i}].leadId`, e.leadId); // not an id: throws
    const type = rowNonEmptyString(fn, 'events', i, 'type', e.type, 'an event type');
    const at = rowInstant(fn, 'events', i, 'at', e.at);
    const lead = ids.add(e.leadId as string | number);
    if (lead === byLead.length) byLead.push({ id: e.leadId as string | number, history: [] });
    byLead[lead]!.history.push({ at, type, owner: e.owner, rank: rank(type) });
  });

  const items: EventSlaItem[] = [];
  for (const { id: leadId, history } of byLead) {
    // Rows were pushed in row order and the sort is stable: ties keep it.
    history.sort((a, b) => a.at - b.at || a.rank - b.rank);
    let open: {
      id: string | number;
      owner?: string;
      start: Date;
      stop?: Date;
      outcome?: string;
      pauses: { from: Date; to?: Date }[];
    } | null = null;
    let pausedSince: number | null = null;
    for (const e of history) {
      if (open === null) {
        if (!starts.has(e.type)) continue;
        open = { id: leadId as string | number, start: new Date(e.at), pauses: [] };
        if (typeof e.owner === 'string') open.owner = e.owner;
        pausedSince = null;
        continue;
      }
      if (stops.has(e.type)) {
        if (pausedSince !== null)
          open.pauses.push({ from: new Date(pausedSince), to: new Date(e.at) });
        open.stop = new Date(e.at);
        open.outcome = e.type;
        items.push(open);
        open = null;
      } else if (pausing.has(e.type) && pausedSince === null) {
        pausedSince = e.at;
      } else if (resuming.has(e.type) && pausedSince !== null) {
        open.pauses.push({ from: new Date(pausedSince), to: new Date(e.at) });
        pausedSince = null;
      }
    }
    if (open !== null) {
      if (pausedSince !== null) open.pauses.push({ from: new Date(pausedSince) });
      items.push(open);
    }
  }
  return onInvalid === 'collect' ? { items, issues } : items;
}
