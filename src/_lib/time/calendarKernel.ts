import { fail } from '../../errors';

/**
 * The allocation-free core of a business calendar, in epoch milliseconds:
 * what the calendar domain builds and what other domains (SLA clocks, the
 * reports) call per item, without a `Date` or an argument check per call.
 * Arguments are validated instants in the supported range; a result past
 * the range is NaN.
 *
 * Calendars register their kernel here when they are built, so a domain
 * that is handed a calendar object gets its kernel without importing the
 * calendar domain's internals, and a look-alike object has none.
 */
export interface CalendarKernel {
  /** Whether t is inside opening hours (starts inclusive, ends exclusive). */
  isOpen(t: number): boolean;
  /** Milliseconds of open time in [a, b); negative when b is before a. */
  between(a: number, b: number): number;
  /** t plus open time in ms, or n business days; NaN when the sum is past the range. */
  add(t: number, amount: number | { readonly businessDays: number }): number;
}

const kernels = new WeakMap<object, CalendarKernel>();

/** Records the kernel of a calendar object built by leadmath. */
export function registerKernel(calendar: object, kernel: CalendarKernel): void {
  kernels.set(calendar, kernel);
}

/** The kernel of a calendar built by leadmath, or undefined for anything else. */
export function kernelOf(value: unknown): CalendarKernel | undefined {
  return typeof value === 'object' && value !== null ? kernels.get(value) : undefined;
}

/**
 * The kernel of a calendar argument: `INVALID_CALENDAR`, naming `path`, for
 * anything leadmath did not build (`{}`, a hand-made object with a
 * `between` method).
 */
export function requireKernel(fn: string, path: string, value: unknown): CalendarKernel {
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
