import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect } from 'vitest';
import { ZoneOffsets } from '../../../src/_lib/time/zoneOffsets';

const ZONES = [
  'America/New_York',
  'Europe/Oslo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'UTC',
] as const;
const DAY = 86_400_000;

describe('ZoneOffsets', () => {
  // Wall times anywhere in 1900–2199, minutes apart, many on transition nights.
  test.prop({
    zone: fc.constantFrom(...ZONES),
    day: fc.integer({ min: -25_567, max: 83_600 }),
    minute: fc.integer({ min: 0, max: 1439 }),
  })('resolve agrees with Temporal’s compatible disambiguation', ({ zone, day, minute }) => {
    const offsets = new ZoneOffsets(zone);
    offsets.ensure((day - 3) * DAY, (day + 3) * DAY);
    const wall = day * DAY + minute * 60_000;
    const plain = Temporal.PlainDateTime.from(new Date(wall).toISOString().slice(0, 16));
    const expected = plain.toZonedDateTime(zone, {
      disambiguation: 'compatible',
    }).epochMilliseconds;
    expect(offsets.resolve(wall)).toBe(expected);
  });

  test.prop({ zone: fc.constantFrom(...ZONES), hour: fc.integer({ min: 0, max: 23 }) })(
    'resolve agrees with Temporal on every transition night of 2026',
    ({ zone, hour }) => {
      const offsets = new ZoneOffsets(zone);
      const from = Date.UTC(2026, 0, 1);
      offsets.ensure(from - 3 * DAY, Date.UTC(2027, 0, 4));
      let zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
      for (;;) {
        const next = zoned.getTimeZoneTransition('next');
        if (next === null || next.year > 2026) break;
        zoned = next;
        for (let minute = 0; minute < 60; minute += 10) {
          const plain = next.toPlainDate().toPlainDateTime({ hour, minute });
          const wall = Date.UTC(plain.year, plain.month - 1, plain.day, hour, minute);
          expect(offsets.resolve(wall)).toBe(
            plain.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds,
          );
        }
      }
    },
  );
});
