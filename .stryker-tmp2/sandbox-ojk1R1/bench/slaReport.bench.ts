/**
 * slaReport over 1,000,000 MQL hand-offs (2-business-day target) with a New
 * York business calendar, against a peer in the same run: a direct per-item
 * implementation with Temporal (walk each item's days, clip to opening hours),
 * timed on 2,000 items and scaled. Both must agree on those items.
 */
// @ts-nocheck

import { businessCalendar, slaReport } from 'leadmath';
import { Temporal } from 'temporal-polyfill';
import { random } from './data';
import { median, report, timeRuns } from './harness';

const ITEMS = 1_000_000;
const PEER_ITEMS = 2_000;
const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 14);
const asOf = T0 + 120 * 24 * H;
const zone = 'America/New_York';
const day = [['09:00', '17:00']] as const;
const holidays = ['2026-01-19', '2026-02-16', '2026-05-25'];
const calendar = businessCalendar({
  timeZone: zone,
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays,
});

const rand = random(7);
const owners = ['ana', 'ben', 'cy', 'dee', 'eli'];
const items = Array.from({ length: ITEMS }, () => {
  const start = Math.floor(T0 + rand() * 110 * 24 * H);
  const u = rand();
  const owner = owners[Math.floor(rand() * owners.length)]!;
  return u < 0.1
    ? { owner, start }
    : { owner, start, stop: Math.floor(start + rand() * 5 * 24 * H) };
});
const policy = { target: { hours: 16 }, calendar, asOf };

// --- The peer: business time between two instants by walking local days. ---
const holidaySet = new Set(holidays);
function peerBetween(a: number, b: number): number {
  let total = 0;
  let date = Temporal.Instant.fromEpochMilliseconds(a).toZonedDateTimeISO(zone).toPlainDate();
  const last = Temporal.Instant.fromEpochMilliseconds(b).toZonedDateTimeISO(zone).toPlainDate();
  while (Temporal.PlainDate.compare(date, last) <= 0) {
    if (date.dayOfWeek <= 5 && !holidaySet.has(date.toString())) {
      const open = date.toZonedDateTime({ timeZone: zone, plainTime: '09:00' }).epochMilliseconds;
      const close = date.toZonedDateTime({ timeZone: zone, plainTime: '17:00' }).epochMilliseconds;
      total += Math.max(0, Math.min(b, close) - Math.max(a, open));
    }
    date = date.add({ days: 1 });
  }
  return total;
}
function peerBreaches(list: readonly { start: number; stop?: number }[]): number {
  let breached = 0;
  for (const item of list) {
    const end = item.stop ?? asOf;
    if (peerBetween(item.start, end) > 16 * H) breached++;
  }
  return breached;
}

const sample = items.slice(0, PEER_ITEMS);
const ours = slaReport(sample, policy).counts.breached;
const theirs = peerBreaches(sample);
if (ours !== theirs) throw new Error(`breaches differ: leadmath ${ours}, peer ${theirs}`);

const leadmathMs = median(timeRuns(5, () => slaReport(items, policy)));
const peerMs = median(timeRuns(3, () => peerBreaches(sample))) * (ITEMS / PEER_ITEMS);
report(
  `slaReport: ${ITEMS.toLocaleString('en-US')} items, New York business calendar (target: well under 2,000 ms)`,
  [
    { name: 'leadmath slaReport', ms: leadmathMs },
    { name: 'peer: Temporal per item (scaled from 2k)', ms: peerMs },
  ],
);
const full = slaReport(items, policy);
console.log(
  `breach rate ${(full.breachRate! * 100).toFixed(1)}%; agrees with the peer on the first ${PEER_ITEMS.toLocaleString('en-US')}`,
);
