import { assertWholeDays } from '../../_lib/validate/durations';
import { assertTimeZone, minusCalendarDays, toEpochMs } from '../../_lib/validate/instants';
import { readFields } from '../../_lib/validate/options';
import { fail } from '../../errors';
import type { ResolvedWindow } from '../laggedWindow';

/** Validates a window and a lag, and returns the window moved back. */
export function shiftWindow(
  fn: string,
  window: unknown,
  lagDays: unknown,
  timeZone: unknown,
  paths: { window: string; lagDays: string; timeZone: string },
): ResolvedWindow {
  const fields = readFields(fn, window, ['start', 'end'], paths.window);
  const start = toEpochMs(fn, `${paths.window}.start`, fields.start);
  const end = toEpochMs(fn, `${paths.window}.end`, fields.end);
  if (end < start) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      `${paths.window}.end`,
      fields.end,
      'an instant at or after window.start',
    );
  }
  const lag = assertWholeDays(fn, paths.lagDays, lagDays, 0);
  const zone = timeZone === undefined ? 'UTC' : assertTimeZone(fn, paths.timeZone, timeZone);
  const shiftedStart = minusCalendarDays(start, lag, zone);
  const shiftedEnd = minusCalendarDays(end, lag, zone);
  if (shiftedStart === null || shiftedEnd === null) {
    fail(
      'INVALID_DURATION',
      fn,
      paths.lagDays,
      lagDays,
      'a lag that keeps the shifted window at or after 1900-01-01T00:00Z',
    );
  }
  return { start: new Date(shiftedStart), end: new Date(shiftedEnd) };
}
