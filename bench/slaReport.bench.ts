/**
 * slaReport over 1,000,000 MQL hand-offs (a 16-business-hour target) with a New
 * York business calendar, against a peer in the same run: a direct per-item
 * implementation with Temporal (walk each item's days, clip to opening hours),
 * timed on 2,000 items and scaled, and a hand-written kernel computing the
 * same report over the same objects. All must agree before anything is timed.
 */
import { businessCalendar, slaReport } from 'leadmath';
import { Temporal } from 'temporal-polyfill';
import { random } from './data';
import { interleaved, median, report, timeRuns } from './harness';

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

// --- The kernel: the same report, hand-written over the same objects. ------------
/**
 * The open intervals of the New York calendar over the data's range, built
 * with Temporal day by day (9–17 on weekdays, not on holidays), with a
 * prefix sum of open time; then per item a binary search for open time
 * between two instants, the due time 16 open hours after the start (the
 * next opening when that falls at closing time), and the state. Counts and
 * response percentiles (linear interpolation over a sorted Float64Array) in
 * total and per owner.
 */
const kStarts: number[] = [];
const kEnds: number[] = [];
{
  let date = Temporal.PlainDate.from('2025-12-01');
  const last = Temporal.PlainDate.from('2026-07-01');
  while (Temporal.PlainDate.compare(date, last) <= 0) {
    if (date.dayOfWeek <= 5 && !holidaySet.has(date.toString())) {
      kStarts.push(date.toZonedDateTime({ timeZone: zone, plainTime: '09:00' }).epochMilliseconds);
      kEnds.push(date.toZonedDateTime({ timeZone: zone, plainTime: '17:00' }).epochMilliseconds);
    }
    date = date.add({ days: 1 });
  }
}
const kS = Float64Array.from(kStarts);
const kE = Float64Array.from(kEnds);
const kBefore = new Float64Array(kS.length + 1);
for (let i = 0; i < kS.length; i++) kBefore[i + 1] = kBefore[i]! + (kE[i]! - kS[i]!);
function kLast(t: number): number {
  let lo = 0;
  let hi = kS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (kS[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
function kCumulative(t: number): number {
  const i = kLast(t);
  return i < 0 ? 0 : kBefore[i]! + Math.min(t, kE[i]!) - kS[i]!;
}
function kDue(start: number, target: number): number {
  const goal = kCumulative(start) + target;
  let lo = 0;
  let hi = kS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (kBefore[mid + 1]! >= goal) hi = mid;
    else lo = mid + 1;
  }
  const due = kS[lo]! + (goal - kBefore[lo]!);
  // Closed at the due instant (the target ran out at closing): the next opening.
  const i = kLast(due);
  return i >= 0 && due < kE[i]! ? due : kS[i + 1]!;
}
function kQuantile(sorted: Float64Array, n: number, q: number): number | null {
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}
function kernel(list: readonly { owner: string; start: number; stop?: number }[]) {
  const TARGET = 16 * H;
  const n = list.length;
  const state = new Uint8Array(n);
  const response = new Float64Array(n);
  const ownerOf = new Int32Array(n);
  const ownerCodes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const item = list[i]!;
    const start = item.start;
    const stop = item.stop;
    const due = kDue(start, TARGET);
    let code = ownerCodes.get(item.owner);
    if (code === undefined) {
      code = ownerCodes.size;
      ownerCodes.set(item.owner, code);
    }
    ownerOf[i] = code;
    if (stop !== undefined && stop <= asOf) {
      state[i] = stop <= due ? 2 : 3;
      response[i] = kCumulative(stop) - kCumulative(start);
    } else {
      const elapsed = kCumulative(asOf) - kCumulative(start);
      state[i] = asOf > due ? 3 : elapsed >= 0.8 * TARGET ? 1 : 0;
      response[i] = Number.NaN;
    }
  }
  const group = (member: (i: number) => boolean) => {
    const counts = [0, 0, 0, 0];
    const values = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (!member(i)) continue;
      counts[state[i]!]!++;
      if (!Number.isNaN(response[i]!)) values[m++] = response[i]!;
    }
    const sorted = values.subarray(0, m).sort();
    const decided = counts[2]! + counts[3]!;
    return {
      counts,
      breachRate: decided === 0 ? null : counts[3]! / decided,
      median: kQuantile(sorted, m, 0.5),
      p90: kQuantile(sorted, m, 0.9),
    };
  };
  const total = group(() => true);
  const byOwner = [...ownerCodes].map(([owner, code]) => [
    owner,
    group((i) => ownerOf[i] === code),
  ]);
  return { total, byOwner: Object.fromEntries(byOwner) };
}

const sample = items.slice(0, PEER_ITEMS);
const ours = slaReport(sample, policy).counts.breached;
const theirs = peerBreaches(sample);
if (ours !== theirs) throw new Error(`breaches differ: leadmath ${ours}, peer ${theirs}`);

// Every output agrees before anything is timed.
const full = slaReport(items, policy);
const hand = kernel(items);
const agree = (
  ours: ReturnType<typeof slaReport> | ReturnType<typeof slaReport>['byOwner'][string],
  theirs: ReturnType<typeof kernel>['total'],
  what: string,
) => {
  const c = ours.counts;
  const same =
    c.running === theirs.counts[0] &&
    c['at-risk'] === theirs.counts[1] &&
    c.met === theirs.counts[2] &&
    c.breached === theirs.counts[3] &&
    ours.breachRate === theirs.breachRate &&
    ours.medianResponseMs === theirs.median &&
    ours.p90ResponseMs === theirs.p90;
  if (!same) throw new Error(`${what}: leadmath and the kernel differ`);
};
agree(full, hand.total, 'total');
for (const owner of owners) agree(full.byOwner[owner]!, hand.byOwner[owner]!, owner);

const timed = interleaved(7, [
  { name: 'kernel: hand-written, same objects', run: () => kernel(items) },
  { name: 'leadmath slaReport', run: () => slaReport(items, policy) },
]);
const peerMs = median(timeRuns(3, () => peerBreaches(sample))) * (ITEMS / PEER_ITEMS);
report(
  `slaReport: ${ITEMS.toLocaleString('en-US')} items, New York business calendar (target: ≤ 2.5 × the kernel)`,
  [...timed, { name: 'peer: Temporal per item (scaled from 2k)', ms: peerMs }],
);
console.log(
  `breach rate ${(full.breachRate! * 100).toFixed(1)}%; every figure agrees with the kernel, breaches with the peer on the first ${PEER_ITEMS.toLocaleString('en-US')}`,
);
