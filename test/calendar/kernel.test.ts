/**
 * The allocation-free kernel that SLA clocks (and the reports) call agrees
 * with the calendar's own methods, and the kernel-level edge cases the
 * public methods do not reach.
 */
import { describe, expect, it } from 'vitest';
import { kernelOf } from '../../src/_lib/time/calendarKernel';
import { alwaysOpen, businessCalendar } from '../../src/index';

const day = [['09:00', '17:00']] as const;
const ny = businessCalendar({
  timeZone: 'America/New_York',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
});
const SATURDAY_NOON = Date.parse('2026-03-07T12:00:00-05:00');
const MONDAY_NINE = Date.parse('2026-03-09T09:00:00-04:00'); // after the DST change

describe('calendar kernels', () => {
  it('answer as the calendar methods do', () => {
    const kernel = kernelOf(ny)!;
    expect(kernel.isOpen(SATURDAY_NOON)).toBe(false);
    expect(kernel.between(SATURDAY_NOON, MONDAY_NINE + 3_600_000)).toBe(3_600_000);
    // Adding nothing at a closed instant stays there (the due time of a zero target).
    expect(kernel.add(SATURDAY_NOON, 0)).toBe(SATURDAY_NOON);
    expect(ny.add(SATURDAY_NOON, 0).getTime()).toBe(SATURDAY_NOON);
    expect(kernel.add(SATURDAY_NOON, { businessDays: 0 })).toBe(MONDAY_NINE);
  });

  it('of alwaysOpen are the identity where a calendar would move', () => {
    const kernel = kernelOf(alwaysOpen)!;
    expect(kernel.isOpen(SATURDAY_NOON)).toBe(true);
    expect(kernel.between(SATURDAY_NOON, SATURDAY_NOON + 5)).toBe(5);
    expect(JSON.parse(JSON.stringify(alwaysOpen))).toEqual(alwaysOpen.toJSON());
  });

  it('name calendar.businessDays in its errors', () => {
    expect(() => ny.businessDays('2026-03-10', '2026-03-01')).toThrow(/^calendar\.businessDays: /);
  });
});
