import { assertTimeZone } from '../../_lib/validate/instants';
import { type OnInvalid, RowIssues, readOnInvalid } from '../../_lib/validate/issues';
import { closestKey } from '../../_lib/validate/options';
import { assertArray, fail, type LeadMathIssue } from '../../errors';
import { cellPath, DateCells, failDateCell, readParsed } from './cells';

/**
 * An event read from CRM rows: the record id, the stage (or outcome) it
 * entered, the instant in epoch milliseconds, and the carried columns (a
 * cell's text, or `null` when empty).
 *
 * @category Adapters
 */
export interface CrmEvent {
  /** The record id, trimmed. */
  readonly leadId: string;
  /** The stage or outcome entered. */
  readonly stage: string;
  /** When, in epoch milliseconds. */
  readonly at: number;
  /** The carried columns: a cell's text, or null when empty. */
  readonly [column: string]: string | number | null;
}

/**
 * What an adapter returns with `onInvalid: 'collect'`.
 *
 * @category Adapters
 */
export interface CrmEventsCollected {
  /** The events of the good rows. */
  readonly events: CrmEvent[];
  /** One issue per bad row (its index, column and what was wrong). */
  readonly issues: readonly LeadMathIssue[];
}

/** A user's date parser: a cell's text → a Date, epoch ms, or null for none. */
export type ParseDate = (cell: string, column: string) => Date | number | null;

/** What every adapter reads the same way. */
export interface RowReader {
  readonly fn: string;
  readonly rows: readonly unknown[];
  /** The first row's columns (a CSV parser gives every row the same ones). */
  readonly header: readonly string[];
  readonly dates: DateCells;
  readonly parseDate: ParseDate | undefined;
  readonly carry: readonly string[];
  readonly issues: RowIssues;
  readonly onInvalid: OnInvalid;
}

/** Reads the rows and the options every adapter shares. */
export function rowReader(
  fn: string,
  rows: unknown,
  o: Readonly<Record<string, unknown>>,
): RowReader {
  const list = assertArray(fn, 'rows', rows);
  const timeZone =
    o.timeZone === undefined ? undefined : assertTimeZone(fn, 'options.timeZone', o.timeZone);
  if (o.parseDate !== undefined && typeof o.parseDate !== 'function')
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.parseDate',
      o.parseDate,
      'a function (cell, column) => Date | number | null',
    );
  const onInvalid = readOnInvalid(fn, 'options.onInvalid', o.onInvalid);
  const first = list[0];
  const header =
    typeof first === 'object' && first !== null && !Array.isArray(first) ? Object.keys(first) : [];
  const carry = readColumnList(fn, 'options.carry', o.carry, header);
  return {
    fn,
    rows: list,
    header,
    dates: new DateCells(timeZone),
    parseDate: o.parseDate as ParseDate | undefined,
    carry,
    issues: new RowIssues(onInvalid),
    onInvalid,
  };
}

/** A list of column names, each a column of the rows. */
export function readColumnList(
  fn: string,
  path: string,
  value: unknown,
  header: readonly string[],
): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('INVALID_ARGUMENT', fn, path, value, 'an array of column names');
  return value.map((c, i) => assertColumn(fn, `${path}[${i}]`, c, header));
}

/** A column name that the rows have (any name when there are no rows). */
export function assertColumn(
  fn: string,
  path: string,
  value: unknown,
  header: readonly string[],
): string {
  if (typeof value !== 'string' || value.length === 0)
    fail('INVALID_ARGUMENT', fn, path, value, 'a column name');
  if (header.length > 0 && !header.includes(value)) {
    const meant = closestKey(value, header, 4);
    fail(
      'INVALID_ARGUMENT',
      fn,
      path,
      value,
      meant === undefined
        ? `a column of the rows (${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''})`
        : `a column of the rows (did you mean ${JSON.stringify(meant)}?)`,
    );
  }
  return value;
}

/** The first of several candidate columns that the rows have. */
export function firstPresent(
  fn: string,
  path: string,
  candidates: readonly string[],
  header: readonly string[],
): string {
  if (header.length === 0) return candidates[0]!;
  const found = candidates.find((c) => header.includes(c));
  if (found === undefined)
    fail(
      'INVALID_ARGUMENT',
      fn,
      path,
      candidates,
      `one of these columns in the rows (they have ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''})`,
    );
  return found;
}

/** Row `i` as an object of cells. */
export function rowCells(r: RowReader, i: number): Readonly<Record<string, unknown>> {
  const row = r.rows[i];
  if (typeof row !== 'object' || row === null || Array.isArray(row))
    fail('INVALID_ARGUMENT', r.fn, `rows[${i}]`, row, 'an object of cells (a CSV row)');
  return row as Readonly<Record<string, unknown>>;
}

/** A cell as text: strings as they are, numbers as their decimal form, missing or null as ''. */
export function cellText(
  r: RowReader,
  row: Readonly<Record<string, unknown>>,
  i: number,
  column: string,
): string {
  const cell = row[column];
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return fail(
    'INVALID_ARGUMENT',
    r.fn,
    cellPath('rows', i, column),
    cell,
    'a cell: a string (or a number)',
  );
}

/** A non-empty id cell, trimmed. */
export function idCell(
  r: RowReader,
  row: Readonly<Record<string, unknown>>,
  i: number,
  column: string,
): string {
  const id = cellText(r, row, i, column).trim();
  if (id === '')
    fail(
      'INVALID_ARGUMENT',
      r.fn,
      cellPath('rows', i, column),
      row[column],
      'a record id (not empty)',
    );
  return id;
}

/** A date cell: epoch ms, or null when empty (or the parser says none). */
export function dateCell(
  r: RowReader,
  row: Readonly<Record<string, unknown>>,
  i: number,
  column: string,
): number | null {
  const text = cellText(r, row, i, column);
  if (r.parseDate !== undefined) {
    if (text.trim() === '') return null;
    const ms = readParsed(r.parseDate(text, column));
    if (ms !== null && Number.isNaN(ms))
      failDateCell(r.fn, cellPath('rows', i, column), text, r.dates, true);
    return ms;
  }
  const ms = r.dates.read(text);
  if (ms !== null && Number.isNaN(ms))
    failDateCell(r.fn, cellPath('rows', i, column), text, r.dates, false);
  return ms;
}

/** The carried cells of a row: text, or null when empty. */
export function carried(
  r: RowReader,
  row: Readonly<Record<string, unknown>>,
  i: number,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const column of r.carry) {
    const text = cellText(r, row, i, column);
    out[column] = text.trim() === '' ? null : text;
  }
  return out;
}

/** The adapter's answer: the events, or `{ events, issues }` when collecting. */
export function answer(r: RowReader, events: CrmEvent[]): CrmEvent[] | CrmEventsCollected {
  return r.onInvalid === 'collect' ? { events, issues: r.issues.issues } : events;
}
