import { DAY_MS, daysFromCivil } from '../../_lib/time/civil';
import { ZoneOffsets } from '../../_lib/time/zoneOffsets';
import { epochMsOrNaN, inSupportedRange } from '../../_lib/validate/instants';
import { fail } from '../../errors';

/** What a date cell may hold, in words (the message of a bad cell). */
export const DATE_CELL_EXPECTED =
  "an ISO date-time with Z or an offset (±HH:MM, ±HHMM), a wall time 'YYYY-MM-DD HH:MM[:SS]' or a date 'YYYY-MM-DD' (both with options.timeZone), epoch milliseconds, or empty";

// YYYY-MM-DD, then optionally [T ]HH:MM[:SS[.fraction]] and an offset.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
const DIGITS = /^\d+$/;
/** Fewer digits than this are not epoch milliseconds after 1973-03-03 (ten digits are epoch seconds). */
const MIN_EPOCH_DIGITS = 11;
const YEAR_MS = 366 * DAY_MS;

/**
 * Reads date cells as CRMs write them into epoch milliseconds. Wall times
 * (and dates) without an offset are read in the reader's time zone, as
 * Temporal's `'compatible'` disambiguation does, from offsets read once per
 * year of cells rather than a Temporal call per cell.
 */
export class DateCells {
  private readonly zone: ZoneOffsets | null;
  /** The whole UTC years whose offsets are known: [from, to). */
  private from = 0;
  private to = 0;

  constructor(timeZone: string | undefined) {
    this.zone = timeZone === undefined ? null : new ZoneOffsets(timeZone);
  }

  /**
   * The instant of a cell: epoch ms; `null` for an empty cell; NaN for a
   * cell that is not a date (or a wall time without a time zone).
   */
  read(cell: string): number | null {
    const text = cell.trim();
    if (text === '') return null;
    if (DIGITS.test(text)) {
      if (text.length < MIN_EPOCH_DIGITS) return Number.NaN;
      const ms = Number(text);
      return inSupportedRange(ms) ? ms : Number.NaN;
    }
    const m = ISO.exec(text);
    if (m === null) return Number.NaN;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const hour = m[4] === undefined ? 0 : Number(m[4]);
    const minute = m[5] === undefined ? 0 : Number(m[5]);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    // Milliseconds from the fraction's first three digits (finer ones are dropped, as Date does).
    const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
    if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
    const wall =
      daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
    let instant: number;
    if (m[8] !== undefined) {
      instant = wall;
    } else if (m[9] !== undefined) {
      const oh = Number(m[10]);
      const om = m[11] === undefined ? 0 : Number(m[11]);
      if (oh > 23 || om > 59) return Number.NaN;
      const offset = (oh * 60 + om) * 60_000;
      instant = m[9] === '+' ? wall - offset : wall + offset;
    } else {
      if (this.zone === null) return Number.NaN;
      if (!(wall >= -100 * YEAR_MS && wall < 300 * YEAR_MS)) return Number.NaN;
      this.cover(wall);
      instant = this.zone.resolve(wall);
    }
    return inSupportedRange(instant) ? instant : Number.NaN;
  }

  /** Whether a bad cell is a wall time or a date that only lacks a time zone. */
  needsTimeZone(cell: string): boolean {
    const m = ISO.exec(cell.trim());
    return this.zone === null && m !== null && m[8] === undefined && m[9] === undefined;
  }

  /** Makes the zone's offsets around a wall time known, a whole UTC year at a time. */
  private cover(wall: number): void {
    const year = Math.floor(wall / YEAR_MS);
    const from = (year - 1) * YEAR_MS;
    const to = (year + 2) * YEAR_MS;
    if (this.to > this.from && from >= this.from && to <= this.to) return;
    const lo = this.to > this.from ? Math.min(from, this.from) : from;
    const hi = this.to > this.from ? Math.max(to, this.to) : to;
    this.zone!.ensure(lo, hi);
    this.from = lo;
    this.to = hi;
  }
}

function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

/** The path of a cell: `rows[3].Status`, or `rows[3]["Became a Lead Date"]` for a name that is not an identifier. */
export function cellPath(prefix: string, row: number, column: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(column)
    ? `${prefix}[${row}].${column}`
    : `${prefix}[${row}][${JSON.stringify(column)}]`;
}

/** A parseDate option's answer for a cell: epoch ms, `null` for none; NaN when it is not an instant. */
export function readParsed(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return Number.NaN;
  return epochMsOrNaN(value);
}

/** `INVALID_DATE` for a bad date cell, saying what was missing. */
export function failDateCell(
  fn: string,
  path: string,
  cell: unknown,
  cells: DateCells,
  parsed: boolean,
): never {
  const expected = parsed
    ? 'a cell the parseDate option reads as a Date or epoch ms in 1900–2199 (or null for none)'
    : typeof cell === 'string' && cells.needsTimeZone(cell)
      ? 'an instant: a wall time or a date without an offset needs options.timeZone'
      : typeof cell === 'string' &&
          DIGITS.test(cell.trim()) &&
          cell.trim().length < MIN_EPOCH_DIGITS
        ? 'epoch milliseconds (at least 11 digits; 10 digits are epoch seconds)'
        : DATE_CELL_EXPECTED;
  return fail('INVALID_DATE', fn, path, cell, expected);
}
