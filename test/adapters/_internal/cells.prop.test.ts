import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect } from 'vitest';
import { DateCells } from '../../../src/adapters/_internal/cells';

const zones = [
  'America/New_York',
  'Europe/Oslo',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'America/Santiago',
  'Australia/Lord_Howe',
];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// Wall times minute by minute, dense around the daylight-saving nights of 2026.
const wallTime = fc.oneof(
  fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }),
  fc
    .constantFrom(
      Date.UTC(2026, 2, 8, 1),
      Date.UTC(2026, 10, 1, 0),
      Date.UTC(2026, 2, 29, 1),
      Date.UTC(2026, 9, 25, 1),
      Date.UTC(2026, 3, 5, 1),
      Date.UTC(2026, 9, 4, 1),
      Date.UTC(2026, 3, 4, 22),
      Date.UTC(2026, 8, 5, 22),
    )
    .chain((night) => fc.integer({ min: 0, max: 4 * 60 }).map((m) => night + m * 60_000)),
);

describe('date cells', () => {
  test.prop([fc.constantFrom(...zones), wallTime, fc.boolean()])(
    "resolve a wall time as Temporal's 'compatible' disambiguation does",
    (timeZone, ms, useT) => {
      const d = new Date(ms);
      const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${useT ? 'T' : ' '}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
      const want = Temporal.PlainDateTime.from(text.replace(' ', 'T'))
        .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
        .toInstant().epochMilliseconds;
      expect(new DateCells(timeZone).read(text)).toBe(want);
    },
  );

  test.prop([
    fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2199, 11, 30) }),
    fc.integer({ min: -14 * 60, max: 14 * 60 }),
    fc.constantFrom('colon', 'plain', 'Z'),
  ])(
    'read an instant written with an offset (±HH:MM, ±HHMM or Z) as that instant',
    (ms, offsetMin, form) => {
      const offset = form === 'Z' ? 0 : offsetMin;
      const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
      const sign = offset < 0 ? '-' : '+';
      const hh = pad(Math.floor(Math.abs(offset) / 60));
      const mm = pad(Math.abs(offset) % 60);
      const suffix =
        form === 'Z' ? 'Z' : form === 'colon' ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
      expect(new DateCells(undefined).read(`${local}${suffix}`)).toBe(ms);
    },
  );
});
