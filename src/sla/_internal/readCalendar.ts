import { type CalendarKernel, kernelOf, requireKernel } from '../../_lib/time/calendarKernel';
import { alwaysOpen } from '../../calendar/index';

const ALWAYS_OPEN = kernelOf(alwaysOpen)!;

/**
 * An optional calendar argument, as its allocation-free kernel: `alwaysOpen`
 * when absent, else a calendar built by `businessCalendar`
 * (`INVALID_CALENDAR` for anything else, such as `{}` or a hand-made object
 * with a `between` method).
 */
export function readCalendar(fn: string, path: string, value: unknown): CalendarKernel {
  return value === undefined ? ALWAYS_OPEN : requireKernel(fn, path, value);
}
