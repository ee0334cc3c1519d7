import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, lastAtOrBefore } from '../../../src/_lib/columns/search';
import { mergeIntervals, OpenTimeline } from '../../../src/calendar/_internal/openTimeline';

describe('mergeIntervals', () => {
  it('sorts intervals by start and merges those that overlap or touch', () => {
    expect(mergeIntervals([30, 0, 10, 12], [40, 5, 12, 20])).toEqual({
      starts: [0, 10, 30],
      ends: [5, 20, 40],
    });
    // A contained interval does not shorten the one around it.
    expect(mergeIntervals([0, 2], [10, 3])).toEqual({ starts: [0], ends: [10] });
    // Equal starts keep their order and merge.
    expect(mergeIntervals([5, 5], [6, 9])).toEqual({ starts: [5], ends: [9] });
    expect(mergeIntervals([0, 6], [5, 9])).toEqual({ starts: [0, 6], ends: [5, 9] });
    expect(mergeIntervals([], [])).toEqual({ starts: [], ends: [] });
  });
});

describe('binary searches', () => {
  it('find the last value at or before x and the first at or after x', () => {
    const values = [10, 20, 20, 30];
    expect([5, 10, 20, 25, 30, 99].map((x) => lastAtOrBefore(values, x))).toEqual([
      -1, 0, 2, 2, 3, 3,
    ]);
    expect([5, 10, 20, 25, 30, 99].map((x) => firstAtOrAfter(values, x))).toEqual([
      0, 0, 1, 3, 3, 4,
    ]);
  });
});

/** A toy calendar: year y is open on [100y, 100y + 10) and on [100y + 90, 100y + 100), its day y. */
function toy() {
  const built: number[][] = [];
  const timeline = new OpenTimeline(
    (first, last) => {
      built.push([first, last]);
      const starts: number[] = [];
      const ends: number[] = [];
      const days: number[] = [];
      for (let y = first; y <= last; y++) {
        starts.push(100 * y, 100 * y + 90);
        ends.push(100 * y + 10, 100 * y + 100);
        days.push(y);
      }
      return { starts, ends, days };
    },
    0,
    20,
    (year) => 100 * year,
    0,
  );
  return { timeline, built };
}

describe('OpenTimeline', () => {
  it('says which instants lie in built years, and nothing before a build', () => {
    const { timeline } = toy();
    expect(timeline.covers(0)).toBe(false);
    timeline.cover(3, 4);
    expect([299, 300, 450, 499, 500].map((t) => timeline.covers(t))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('builds what it is asked for, merges intervals that touch across years, and sums open time', () => {
    const { timeline, built } = toy();
    expect(timeline.has(3)).toBe(false);
    timeline.cover(3, 4);
    expect([
      timeline.first,
      timeline.last,
      timeline.has(3),
      timeline.has(4),
      timeline.has(5),
    ]).toEqual([3, 4, true, true, false]);
    // [390, 400) and [400, 410) touch: one interval [390, 410).
    expect([...timeline.starts]).toEqual([300, 390, 490]);
    expect([...timeline.ends]).toEqual([310, 410, 500]);
    expect([...timeline.before]).toEqual([0, 10, 30, 40]);
    expect(timeline.total()).toBe(40);
    expect([...timeline.days]).toEqual([3, 4]);
    expect(built).toEqual([[3, 4]]);
  });

  it('answers cumulative open time, openness and the instant of an amount of open time', () => {
    const { timeline } = toy();
    timeline.cover(3, 4);
    expect(
      [299, 300, 305, 310, 350, 395, 410, 499, 500].map((t) => timeline.cumulative(t)),
    ).toEqual([0, 0, 5, 10, 10, 15, 30, 39, 40]);
    expect([299, 300, 309, 310, 390, 409, 410, 499, 500].map((t) => timeline.isOpen(t))).toEqual([
      false,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
    expect([1, 10, 11, 30, 31, 40].map((ms) => timeline.instantAtOpenTime(ms))).toEqual([
      301, 310, 391, 410, 491, 500,
    ]);
  });

  it('grows by at least its own length in each direction, within its years, keeping days in order', () => {
    const { timeline, built } = toy();
    timeline.cover(10, 11);
    timeline.cover(9, 9); // grows back by 2: 8–9
    expect([timeline.first, timeline.last]).toEqual([8, 11]);
    timeline.cover(12, 12); // grows on by 4: 12–15
    expect([timeline.first, timeline.last]).toEqual([8, 15]);
    expect(timeline.growForward()).toBe(true); // by 8, clamped to 20
    expect([timeline.first, timeline.last]).toEqual([8, 20]);
    expect(timeline.growForward()).toBe(false);
    timeline.cover(0, 30); // clamped to 0–20
    expect([timeline.first, timeline.last]).toEqual([0, 20]);
    expect([...timeline.days]).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(built).toEqual([
      [10, 11],
      [8, 9],
      [12, 15],
      [16, 20],
      [0, 7],
    ]);
    // Intervals stay sorted and merged after prepending and appending.
    const starts = [...timeline.starts];
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(timeline.total()).toBe(21 * 20);
  });
});
