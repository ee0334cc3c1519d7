import { readFields } from '../_lib/validate/options';
import { fail } from '../errors';
import { HUBSPOT_STAGES, LIFECYCLE } from './_internal/hubspot';
import {
  answer,
  assertColumn,
  type CrmEvent,
  type CrmEventsCollected,
  carried,
  dateCell,
  firstPresent,
  idCell,
  type ParseDate,
  rowCells,
  rowReader,
} from './_internal/rows';

/**
 * A known export layout for {@link fromWideRows}: the columns that may hold
 * the record id (the first the rows have is used), the date columns of each
 * stage (several names for one stage: internal names and export titles),
 * and the stages and outcomes to give the reports.
 *
 * @category Adapters
 */
export interface WideRowsPreset {
  /** Candidate id columns, in order of preference. */
  readonly id: readonly string[];
  /** Date column → stage; the columns the rows lack are skipped (at least one must be there). */
  readonly columns: Readonly<Record<string, string>>;
  /** The funnel stages these columns name, in order: pass them to the reports. */
  readonly stages: readonly string[];
  /** Stage names that are not funnel stages (`other`): pass them as `outcomes`. */
  readonly outcomes: readonly string[];
}

/**
 * Options of {@link fromWideRows}.
 *
 * @category Adapters
 */
export interface WideRowsOptions {
  /** A known layout ({@link hubspotLifecycle}, {@link hubspotDateEntered}); `id` and `columns` default to its own. */
  readonly preset?: WideRowsPreset;
  /** The record id column (or candidates, the first present used). */
  readonly id?: string | readonly string[];
  /** Date column → stage. Every column named here must be in the rows. */
  readonly columns?: Readonly<Record<string, string>>;
  /** The zone of wall times and dates written without an offset. */
  readonly timeZone?: string;
  /** Columns copied onto every event of the row (persona, owner, source). */
  readonly carry?: readonly string[];
  /** Reads a date cell the built-in forms do not cover: a Date, epoch ms, or null for none. */
  readonly parseDate?: ParseDate;
  /** `'throw'` (default) at the first bad row, or `'collect'` bad rows as issues. */
  readonly onInvalid?: 'throw' | 'collect';
}

const KEYS = ['preset', 'id', 'columns', 'timeZone', 'carry', 'parseDate', 'onInvalid'];

/**
 * Turns one-row-per-record exports with a date column per stage (HubSpot's
 * "Became a … Date" and "Date entered …" columns, any CRM's stage dates)
 * into stage events for the reports.
 *
 * Each non-empty date cell is one event `{ leadId, stage, at }` (epoch ms)
 * with the carried columns; an empty cell is a stage not reached. Cells are
 * ISO instants with `Z`, `±HH:MM` or `±HHMM`; wall times without an offset
 * (`2026-01-05 14:03`, `T` or a space) read in `timeZone` as Temporal's
 * `'compatible'` disambiguation does (a time in the skipped hour of a
 * spring-forward night moves forward by the gap, a repeated hour takes the
 * earlier instant); dates alone as the first instant of that day in the
 * zone; epoch milliseconds as digits (11 or more: ten digits are epoch
 * seconds and are refused); anything else through `parseDate`. A row is
 * good or bad as a whole: with `onInvalid: 'collect'` a bad row gives no
 * events and one issue naming its index and column.
 *
 * @param rows - Rows as a CSV parser yields them: objects of string cells.
 * @param options - The layout (a preset, or the id and date columns), time zone, carried columns.
 * @returns The events, in row order and column order; `{ events, issues }` with `onInvalid: 'collect'`.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a column the rows lack (naming the one meant),
 * an empty id cell or a row that is not an object, and `INVALID_DATE` for a date cell that is
 * not one (or a wall time without `timeZone`), each naming the row and column.
 *
 * @example
 * ```ts
 * import { fromWideRows, hubspotLifecycle } from 'leadmath/adapters';
 *
 * const rows = [
 *   { 'Record ID': '101', 'Became a Lead Date': '2026-01-05 09:30', 'Became a Marketing Qualified Lead Date': '2026-01-07 16:00', Persona: 'CFO' },
 *   { 'Record ID': '102', 'Became a Lead Date': '2026-01-06 11:00', 'Became a Marketing Qualified Lead Date': '', Persona: '' },
 * ];
 * const events = fromWideRows(rows, { preset: hubspotLifecycle, timeZone: 'America/New_York', carry: ['Persona'] });
 * events.length; //=> 3
 * events[1]; //=> { leadId: '101', stage: 'mql', at: 1767819600000, Persona: 'CFO' }
 * new Date(events[1].at).toISOString(); //=> '2026-01-07T21:00:00.000Z'
 * ```
 *
 * @category Adapters
 */
export function fromWideRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: WideRowsOptions & { readonly onInvalid: 'collect' },
): CrmEventsCollected;
export function fromWideRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: WideRowsOptions & { readonly onInvalid?: 'throw' },
): CrmEvent[];
export function fromWideRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: WideRowsOptions,
): CrmEvent[] | CrmEventsCollected;
export function fromWideRows(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: WideRowsOptions,
): CrmEvent[] | CrmEventsCollected {
  const fn = 'fromWideRows';
  const o = readFields(fn, options, KEYS, 'options');
  const r = rowReader(fn, rows, o);
  const preset = o.preset === undefined ? undefined : readPreset(fn, o.preset);
  // The id column.
  const idCandidates =
    o.id === undefined
      ? preset?.id
      : typeof o.id === 'string'
        ? [o.id]
        : Array.isArray(o.id) && o.id.length > 0 && o.id.every((c) => typeof c === 'string')
          ? (o.id as string[])
          : fail(
              'INVALID_ARGUMENT',
              fn,
              'options.id',
              o.id,
              'a column name, or a non-empty list of candidates',
            );
  if (idCandidates === undefined)
    fail('INVALID_ARGUMENT', fn, 'options.id', o.id, 'the id column (or a preset)');
  const id =
    idCandidates.length === 1
      ? assertColumn(fn, 'options.id', idCandidates[0], r.header)
      : firstPresent(fn, 'options.id', idCandidates, r.header);
  // The date columns: all of the user's must be there; of a preset's, those the rows have.
  let columns: [string, string][];
  if (o.columns !== undefined) {
    if (typeof o.columns !== 'object' || o.columns === null || Array.isArray(o.columns))
      fail(
        'INVALID_ARGUMENT',
        fn,
        'options.columns',
        o.columns,
        'an object of date column → stage',
      );
    columns = Object.entries(o.columns as Record<string, unknown>).map(([column, stage]) => {
      const path = `options.columns[${JSON.stringify(column)}]`;
      assertColumn(fn, path, column, r.header);
      if (typeof stage !== 'string' || stage.length === 0)
        fail('INVALID_ARGUMENT', fn, path, stage, 'a stage name');
      return [column, stage];
    });
    if (columns.length === 0)
      fail('INVALID_ARGUMENT', fn, 'options.columns', o.columns, 'at least one date column');
  } else if (preset !== undefined) {
    const all = Object.entries(preset.columns);
    columns = r.header.length === 0 ? all : all.filter(([column]) => r.header.includes(column));
    if (columns.length === 0)
      fail(
        'INVALID_ARGUMENT',
        fn,
        'options.preset',
        r.header,
        `rows with at least one of the preset's date columns (${all
          .slice(0, 3)
          .map(([c]) => JSON.stringify(c))
          .join(', ')}, …)`,
      );
  } else {
    return fail(
      'INVALID_ARGUMENT',
      fn,
      'options.columns',
      o.columns,
      'the date columns (or a preset)',
    );
  }
  for (const c of r.carry)
    if (c === id || columns.some(([d]) => d === c))
      fail(
        'INVALID_ARGUMENT',
        fn,
        'options.carry',
        c,
        'a column other than the id and date columns',
      );

  const events: CrmEvent[] = [];
  for (let i = 0; i < r.rows.length; i++) {
    const read = r.issues.read(i, () => {
      const row = rowCells(r, i);
      const leadId = idCell(r, row, i, id);
      const extra = carried(r, row, i);
      const out: CrmEvent[] = [];
      for (const [column, stage] of columns) {
        const at = dateCell(r, row, i, column);
        if (at !== null) out.push({ leadId, stage, at, ...extra } as CrmEvent);
      }
      return out;
    });
    if (read !== undefined) for (const e of read) events.push(e);
  }
  return answer(r, events);
}

/** A preset as given: checked for shape, since a look-alike could carry anything. */
function readPreset(fn: string, value: unknown): WideRowsPreset {
  const p = value as WideRowsPreset;
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray(p.id) ||
    typeof p.columns !== 'object' ||
    p.columns === null
  )
    fail('INVALID_ARGUMENT', fn, 'options.preset', value, 'a preset such as hubspotLifecycle');
  return p;
}

const HUBSPOT_ID = ['Record ID', 'hs_object_id', 'Contact ID', 'vid'];

/**
 * HubSpot contacts exported with their lifecycle dates: the internal names
 * `hs_lifecyclestage_<stage>_date` and the export titles "Became a Lead
 * Date", "Became a Marketing Qualified Lead Date", …, id from "Record ID" or
 * `hs_object_id`. Stages `subscriber`, `lead`, `mql`, `sql`, `opportunity`,
 * `customer`, `evangelist`; `other` is an outcome.
 *
 * @example
 * ```ts
 * import { hubspotLifecycle } from 'leadmath/adapters';
 *
 * hubspotLifecycle.columns['hs_lifecyclestage_marketingqualifiedlead_date']; //=> 'mql'
 * hubspotLifecycle.columns['Became a Sales Qualified Lead Date']; //=> 'sql'
 * hubspotLifecycle.stages; //=> ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist']
 * ```
 *
 * @category Adapters
 */
export const hubspotLifecycle: WideRowsPreset = Object.freeze({
  id: HUBSPOT_ID,
  columns: Object.freeze(
    Object.fromEntries(
      LIFECYCLE.flatMap(([internal, stage, , title]) => [
        [`hs_lifecyclestage_${internal}_date`, stage],
        [`Became ${title} Date`, stage],
        // HubSpot's own title for the last one reads "Became a Other Lifecycle Stage Date".
        ...(internal === 'other' ? [['Became a Other Lifecycle Stage Date', stage]] : []),
      ]),
    ),
  ),
  stages: HUBSPOT_STAGES,
  outcomes: ['other'],
});

/**
 * HubSpot contacts exported with "Date entered" columns of the lifecycle
 * stage pipeline: the internal names `hs_v2_date_entered_<stage>` and the
 * titles `Date entered "Marketing Qualified Lead (Lifecycle Stage
 * Pipeline)"`, …; the same stages as {@link hubspotLifecycle}.
 *
 * @example
 * ```ts
 * import { hubspotDateEntered } from 'leadmath/adapters';
 *
 * hubspotDateEntered.columns['hs_v2_date_entered_salesqualifiedlead']; //=> 'sql'
 * hubspotDateEntered.columns['Date entered "Lead (Lifecycle Stage Pipeline)"']; //=> 'lead'
 * ```
 *
 * @category Adapters
 */
export const hubspotDateEntered: WideRowsPreset = Object.freeze({
  id: HUBSPOT_ID,
  columns: Object.freeze(
    Object.fromEntries(
      LIFECYCLE.flatMap(([internal, stage, label]) => [
        [`hs_v2_date_entered_${internal}`, stage],
        [`Date entered "${label} (Lifecycle Stage Pipeline)"`, stage],
      ]),
    ),
  ),
  stages: HUBSPOT_STAGES,
  outcomes: ['other'],
});
