import { lastAtOrBefore } from '../columns/search';
import { Temporal } from '../validate/instants';
import { DAY_MS } from './civil';

/**
 * The UTC offsets of one IANA zone over a growing range of instants, read
 * from Temporal once (its transitions) and then answered by binary search:
 * the offset at an instant, and a wall time resolved to an instant as
 * Temporal's `'compatible'` disambiguation does, without a Temporal call per
 * query.
 */
export class ZoneOffsets {
  private readonly timeZone: string;
  /** Instants of the known transitions, ascending. */
  private transitions: number[] = [];
  /** Offset in force from `transitions[i]` on. */
  private after: number[] = [];
  /** Offset in force at `from`, before the first known transition. */
  private base = 0;
  /** The range of instants whose transitions are known: [from, to). */
  private from = 0;
  private to = 0;

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /** Makes sure the transitions of [from, to) are known; only the missing parts are read. */
  ensure(from: number, to: number): void {
    if (this.to <= this.from) {
      const read = this.read(from, to);
      this.transitions = read.transitions;
      this.after = read.after;
      this.base = read.base;
      this.from = from;
      this.to = to;
      return;
    }
    if (from < this.from) {
      const read = this.read(from, this.from);
      this.transitions = [...read.transitions, ...this.transitions];
      this.after = [...read.after, ...this.after];
      this.base = read.base;
      this.from = from;
    }
    if (to > this.to) {
      const read = this.read(this.to, to);
      this.transitions = [...this.transitions, ...read.transitions];
      this.after = [...this.after, ...read.after];
      this.to = to;
    }
  }

  /** The transitions in [from, to) and the offset in force at `from`, from Temporal. */
  private read(from: number, to: number): { transitions: number[]; after: number[]; base: number } {
    const transitions: number[] = [];
    const after: number[] = [];
    let zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(this.timeZone);
    const base = zoned.offsetNanoseconds / 1e6;
    for (;;) {
      const next = zoned.getTimeZoneTransition('next');
      if (next === null || next.epochMilliseconds >= to) break;
      transitions.push(next.epochMilliseconds);
      after.push(next.offsetNanoseconds / 1e6);
      zoned = next;
    }
    return { transitions, after, base };
  }

  /** The offset (ms to add to UTC for the wall clock) at instant `t`, within the known range. */
  offsetAt(t: number): number {
    const i = lastAtOrBefore(this.transitions, t);
    return i < 0 ? this.base : this.after[i]!;
  }

  /**
   * The instant of wall time `wall` (local milliseconds since 1970-01-01T00:00
   * wall clock), as Temporal's `'compatible'` disambiguation resolves it: in
   * a repeated hour the earlier instant, in a skipped hour the wall time moved
   * forward by the gap. Transitions a day or more apart are assumed, as every
   * zone in the supported range has them.
   */
  resolve(wall: number): number {
    const before = this.offsetAt(wall - DAY_MS);
    const afterOffset = this.offsetAt(wall + DAY_MS);
    if (before === afterOffset) return wall - before;
    const early = wall - before;
    const late = wall - afterOffset;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === afterOffset;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    // A skipped wall time: forward by the gap, i.e. read with the offset before it.
    return early;
  }
}
