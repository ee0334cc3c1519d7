import type { BusinessCalendar } from '../businessCalendar';

/** The calendars built by this module: only these are accepted as calendars. */
const registered = new WeakSet<object>();

/** Marks a calendar object as built by leadmath, and freezes it. */
export function registerCalendar(calendar: BusinessCalendar): BusinessCalendar {
  registered.add(calendar);
  return Object.freeze(calendar);
}

/** Whether `value` was built by leadmath (see `isBusinessCalendar`). */
export function isRegistered(value: unknown): value is BusinessCalendar {
  return typeof value === 'object' && value !== null && registered.has(value);
}
