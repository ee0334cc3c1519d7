import { alwaysOpen, type BusinessCalendar, isBusinessCalendar } from '../../calendar/index';
import { fail } from '../../errors';

/**
 * An optional calendar argument: `alwaysOpen` when absent, else a calendar
 * built by `businessCalendar` (`INVALID_CALENDAR` for anything else, such as
 * `{}` or a hand-made object with a `between` method).
 */
export function readCalendar(fn: string, path: string, value: unknown): BusinessCalendar {
  if (value === undefined) return alwaysOpen;
  if (!isBusinessCalendar(value)) {
    fail(
      'INVALID_CALENDAR',
      fn,
      path,
      value,
      'a calendar made by businessCalendar() or alwaysOpen',
    );
  }
  return value;
}
