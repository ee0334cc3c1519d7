import { lastAtOrBefore } from '../../_lib/columns/search';

/** Open intervals of a run of local years, as the builder returns them. */
export interface YearsIntervals {
  /** Interval starts (epoch ms), ascending; intervals do not overlap or touch. */
  readonly starts: readonly number[];
  /** Interval ends (epoch ms), each after its start. */
  readonly ends: readonly number[];
  /** Local days (since 1970-01-01) with some opening, ascending. */
  readonly days: readonly number[];
}

/** Builds the open intervals of local years `first` to `last`, inclusive. */
export type YearsBuilder = (first: number, last: number) => YearsIntervals;

/**
 * Sorts open intervals by start and merges those that overlap or touch, in
 * place of the given arrays' contents; returns the merged arrays.
 */
export function mergeIntervals(
  starts: readonly number[],
  ends: readonly number[],
): { starts: number[]; ends: number[] } {
  const n = starts.length;
  let order: number[] | null = null;
  for (let i = 1; i < n; i++) {
    if (starts[i]! < starts[i - 1]!) {
      // A stable sort of indices in order: ties keep their order.
      order = Array.from({ length: n }, (_, k) => k).sort((a, b) => starts[a]! - starts[b]!);
      break;
    }
  }
  const s: number[] = [];
  const e: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k]!;
    const a = starts[i]!;
    const b = ends[i]!;
    const last = e.length - 1;
    if (last >= 0 && e[last]! >= a) e[last] = Math.max(e[last]!, b);
    else {
      s.push(a);
      e.push(b);
    }
  }
  return { starts: s, ends: e };
}

/**
 * A contiguous run of local years' open intervals, with a prefix sum of open
 * time, answered by binary search. Years are built on demand, in batches
 * (the run at least doubles when it grows forward, so growth is linear
 * overall), and only inside `[minYear, maxYear]`. The state changes only
 * after a build succeeds.
 */
export class OpenTimeline {
  /** Built local years, inclusive; empty when `last < first`. */
  first = 0;
  last = -1;
  starts = new Float64Array(0);
  ends = new Float64Array(0);
  /** `before[i]`: open ms before interval i; `before[n]` the total. */
  before = new Float64Array(1);
  /** Local days with some opening, ascending. */
  days = new Int32Array(0);
  /** Instants [readyFrom, readyTo) lie in built local years, whatever the zone's offset. */
  private readyFrom = 0;
  private readyTo = 0;

  /**
   * `yearStart(y)` is the instant year y starts at in UTC, and `margin` how
   * far from it the local year may start (for calendars, two days: more
   * than any zone's offset), so that instants `margin` inside the built
   * years are certainly in them.
   */
  constructor(
    private readonly build: YearsBuilder,
    readonly minYear: number,
    readonly maxYear: number,
    private readonly yearStart: (year: number) => number,
    private readonly margin: number,
  ) {}

  /** Whether instant t certainly lies in a built local year: one comparison, no zone lookup. */
  covers(t: number): boolean {
    return t >= this.readyFrom && t < this.readyTo;
  }

  /** Whether local year `year` is built. */
  has(year: number): boolean {
    return year >= this.first && year <= this.last;
  }

  /**
   * Makes sure local years `a` to `b` (clamped to the supported years) are
   * built. The run grows by at least its own length in the direction it
   * grows, so that years asked for one by one cost linear time in all.
   */
  cover(a: number, b: number): void {
    let from = Math.max(this.minYear, Math.min(a, b));
    let to = Math.min(this.maxYear, Math.max(a, b));
    if (this.last < this.first) {
      this.replace(this.build(from, to), from, to, null, null);
      return;
    }
    const span = this.last - this.first + 1;
    if (from < this.first) {
      from = Math.max(this.minYear, Math.min(from, this.first - span));
      this.replace(this.build(from, this.first - 1), from, this.last, null, this);
    }
    if (to > this.last) {
      to = Math.min(this.maxYear, Math.max(to, this.last + span));
      this.replace(this.build(this.last + 1, to), this.first, to, this, null);
    }
  }

  /**
   * Grows the run forward by at least a year (doubling it, up to `maxYear`).
   * Returns false when it already reaches `maxYear`.
   */
  growForward(): boolean {
    if (this.last >= this.maxYear) return false;
    this.cover(this.last + 1, this.last + 1);
    return true;
  }

  private replace(
    built: YearsIntervals,
    first: number,
    last: number,
    head: OpenTimeline | null,
    tail: OpenTimeline | null,
  ): void {
    const starts: number[] = [];
    const ends: number[] = [];
    const pieces: { starts: ArrayLike<number>; ends: ArrayLike<number> }[] = [];
    if (head !== null) pieces.push(head);
    pieces.push(built);
    if (tail !== null) pieces.push(tail);
    for (const piece of pieces) {
      for (let i = 0; i < piece.starts.length; i++) {
        const a = piece.starts[i]!;
        const b = piece.ends[i]!;
        const k = ends.length - 1;
        // Years meet at local midnight: a 24:00 end touching a 00:00 start merges.
        if (k >= 0 && ends[k]! >= a) ends[k] = Math.max(ends[k]!, b);
        else {
          starts.push(a);
          ends.push(b);
        }
      }
    }
    const before = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i++) before[i + 1] = before[i]! + (ends[i]! - starts[i]!);
    const days =
      head !== null
        ? [...head.days, ...built.days]
        : tail !== null
          ? [...built.days, ...tail.days]
          : [...built.days];
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.before = before;
    this.days = Int32Array.from(days);
    this.first = first;
    this.last = last;
    this.readyFrom = this.yearStart(first) + this.margin;
    this.readyTo = this.yearStart(last + 1) - this.margin;
  }

  /** Open ms before instant t within the built run. */
  cumulative(t: number): number {
    const i = lastAtOrBefore(this.starts, t);
    if (i < 0) return 0;
    return this.before[i]! + Math.min(t, this.ends[i]!) - this.starts[i]!;
  }

  /** Whether t is inside an open interval (starts inclusive, ends exclusive). */
  isOpen(t: number): boolean {
    const i = lastAtOrBefore(this.starts, t);
    return i >= 0 && t < this.ends[i]!;
  }

  /** Total open ms of the built run. */
  total(): number {
    return this.before[this.starts.length]!;
  }

  /** The instant at which `target` ms of open time (counted from the run's start) is reached. */
  instantAtOpenTime(target: number): number {
    // The first interval whose end reaches the target.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.before[mid + 1]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.starts[lo]! + (target - this.before[lo]!);
  }
}
