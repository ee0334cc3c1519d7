import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  parseIsoDay,
  weekdayOfDays,
} from '../../../src/_lib/time/civil';

// Temporal.PlainDate is the oracle: days since 1970-01-01 both ways, over
// years −200 … 6000 (every 400-year era boundary in between).
const EPOCH = Temporal.PlainDate.from('1970-01-01');
const days = fc.integer({ min: -800_000, max: 1_470_000 });

describe('civil dates against Temporal', () => {
  test.prop({ days })(
    'civilFromDays and daysFromCivil agree with Temporal.PlainDate',
    ({ days }) => {
      const date = EPOCH.add({ days });
      expect(civilFromDays(days)).toEqual([date.year, date.month, date.day]);
      expect(daysFromCivil(date.year, date.month, date.day)).toBe(days);
      expect(weekdayOfDays(days)).toBe(date.dayOfWeek - 1);
    },
  );

  it('crosses the ends of months, leap days and era boundaries', () => {
    for (const iso of [
      '2000-02-29',
      '2000-03-01',
      '1900-02-28',
      '1900-03-01',
      '2100-12-31',
      '1600-01-01',
      '0001-01-01',
      '2024-12-31',
      '2025-01-01',
    ]) {
      const date = Temporal.PlainDate.from(iso);
      const n = EPOCH.until(date).days;
      expect(civilFromDays(n)).toEqual([date.year, date.month, date.day]);
      expect(daysFromCivil(date.year, date.month, date.day)).toBe(n);
      expect(parseIsoDay(iso)).toBe(n);
    }
  });

  it('parses only well-formed, existing dates', () => {
    expect(parseIsoDay('1970-01-02')).toBe(1);
    expect(parseIsoDay('0099-12-31')).toBe(EPOCH.until(Temporal.PlainDate.from('0099-12-31')).days);
    for (const bad of [
      '2026-13-01',
      '2026-00-10',
      '2026-02-00',
      '2026-02-30',
      '2025-02-29',
      '2026-04-31',
      'x2026-01-01',
      '2026-01-01x',
      '2026-01-01T00:00',
      '26-01-01',
      '',
    ]) {
      expect(parseIsoDay(bad)).toBeNull();
    }
    expect(parseIsoDay(20260101)).toBeNull();
    expect(parseIsoDay(new Date(0))).toBeNull();
  });
});
