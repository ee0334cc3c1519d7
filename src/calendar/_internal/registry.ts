import { type CalendarKernel, kernelOf, registerKernel } from '../../_lib/time/calendarKernel';
import type { BusinessCalendar } from '../businessCalendar';

/**
 * Marks a calendar object as built by leadmath, with its allocation-free
 * kernel, and freezes it. Only registered calendars are accepted as
 * calendars.
 */
export function registerCalendar(
  calendar: BusinessCalendar,
  kernel: CalendarKernel,
): BusinessCalendar {
  registerKernel(calendar, kernel);
  return Object.freeze(calendar);
}

/** Whether `value` was built by leadmath (see `isBusinessCalendar`). */
export function isRegistered(value: unknown): value is BusinessCalendar {
  return kernelOf(value) !== undefined;
}
