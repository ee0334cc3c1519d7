import { type CalendarKernel, kernelOf } from '../../_lib/time/calendarKernel';
import { alwaysOpen } from '../../calendar/index';
import { fail } from '../../errors';

const ALWAYS_OPEN = kernelOf(alwaysOpen)!;

/**
 * An optional calendar argument, as its allocation-free kernel: `alwaysOpen`
 * when absent, else a calendar built by `businessCalendar`
 * (`INVALID_CALENDAR` for anything else, such as `{}` or a hand-made object
 * with a `between` method).
 */
export function readCalendar(fn: string, path: string, value: unknown): CalendarKernel {
  if (value === undefined) return ALWAYS_OPEN;
  const kernel = kernelOf(value);
  if (kernel === undefined) {
    fail(
      'INVALID_CALENDAR',
      fn,
      path,
      value,
      'a calendar made by businessCalendar() or alwaysOpen',
    );
  }
  return kernel;
}
