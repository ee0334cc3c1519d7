import { readFields } from '../_lib/validate/options';
import { fail } from '../errors';
import { cellPath } from './_internal/cells';
import { HUBSPOT_STAGES, LIFECYCLE } from './_internal/hubspot';
import {
  answer,
  assertColumn,
  type CrmEvent,
  type CrmEventsCollected,
  carried,
  cellText,
  dateCell,
  idCell,
  type ParseDate,
  rowCells,
  rowReader,
} from './_internal/rows';

/**
 * Which rows of a history table are changes of the tracked field: those
 * whose `column` holds `equals` (or one of a list).
 *
 * @category Adapters
 */
export interface HistoryField {
  /** The column that names the changed field (`Field`, `name`, `field_key`). */
  readonly column: string;
  /** The tracked field's name there (`Status`, `lifecyclestage`, `stage_id`). */
  readonly equals: string | readonly string[];
}

/**
 * A known history layout for {@link fromFieldHistory}.
 *
 * @category Adapters
 */
export interface FieldHistoryPreset {
  /** The record id column. */
  readonly id: string;
  /** The rows that are changes of the tracked field; every row when absent. */
  readonly field?: HistoryField;
  /** The column of the new value. */
  readonly value: string;
  /** The column of the change's instant. */
  readonly at: string;
  /** New value → stage or outcome (`null`: not an event). */
  readonly map: Readonly<Record<string, string | null>>;
  /** The stage of a row whose field column says `created` (Salesforce writes one per new record). */
  readonly created?: string;
  /** The zone of wall times without an offset, where the system writes them in one zone. */
  readonly timeZone?: string;
  /** The funnel stages of `map`, in order: pass them to the reports. */
  readonly stages: readonly string[];
  /** The outcomes of `map`: pass them as `outcomes`. */
  readonly outcomes: readonly string[];
}

/**
 * Options of {@link fromFieldHistory}.
 *
 * @category Adapters
 */
export interface FieldHistoryOptions {
  /** A known layout; every other option defaults to its own, and `map` adds to its map. */
  readonly preset?: FieldHistoryPreset;
  /** The record id column. */
  readonly id?: string;
  /** The rows that are changes of the tracked field; every row when absent. */
  readonly field?: HistoryField;
  /** The column of the new value. */
  readonly value?: string;
  /** The column of the change's instant. */
  readonly at?: string;
  /** New value → stage or outcome (`null`: not an event); values it lacks are bad rows. */
  readonly map?: Readonly<Record<string, string | null>>;
  /** The stage of a row whose field column says `created`. */
  readonly created?: string;
  /** The zone of wall times and dates written without an offset. */
  readonly timeZone?: string;
  /** Columns copied onto every event (owner, source). */
  readonly carry?: readonly string[];
  /** Reads a date cell the built-in forms do not cover. */
  readonly parseDate?: ParseDate;
  /** `'throw'` (default) at the first bad row, or `'collect'` bad rows as issues. */
  readonly onInvalid?: 'throw' | 'collect';
}

const KEYS = [
  'preset',
  'id',
  'field',
  'value',
  'at',
  'map',
  'created',
  'timeZone',
  'carry',
  'parseDate',
  'onInvalid',
];

/**
 * Turns field-history exports (one row per change of a status field:
 * Salesforce's LeadHistory and OpportunityFieldHistory, HubSpot's property
 * history, Pipedrive's deal flow) into stage events for the reports.
 *
 * A row whose field column names another field is not a change of the
 * tracked one and is passed over; so is a change to an empty value (the
 * field cleared) and a value mapped to `null`. Every other row is one
 * event `{ leadId, stage: map[value], at }` (epoch ms, cells read as
 * {@link fromWideRows} reads them). A value the map lacks is
 * `UNKNOWN_STAGE` naming the row and the value: a status added to the CRM
 * later never disappears from the counts unseen.
 *
 * @param rows - Rows as a CSV parser yields them.
 * @param options - The layout (a preset, or the columns), the value map, time zone, carried columns.
 * @returns The events in row order; `{ events, issues }` with `onInvalid: 'collect'`.
 * @throws {LeadMathError} `INVALID_ARGUMENT` for a column the rows lack or an empty id,
 * `UNKNOWN_STAGE` for an unmapped value, `INVALID_DATE` for a bad or empty instant, each naming
 * the row and column.
 *
 * @example
 * ```ts
 * import { fromFieldHistory, salesforceLeadHistory } from 'leadmath/adapters';
 *
 * const rows = [
 *   { LeadId: '00Q1', Field: 'created', OldValue: '', NewValue: '', CreatedDate: '2026-01-05T09:00:00.000+0000' },
 *   { LeadId: '00Q1', Field: 'Rating', OldValue: '', NewValue: 'Hot', CreatedDate: '2026-01-06T10:00:00.000+0000' },
 *   { LeadId: '00Q1', Field: 'Status', OldValue: 'Open - Not Contacted', NewValue: 'Working - Contacted', CreatedDate: '2026-01-07T11:00:00.000+0000' },
 * ];
 * fromFieldHistory(rows, { preset: salesforceLeadHistory }).map((e) => e.stage); //=> ['lead', 'mql']
 * ```
 *
 * @category Adapters
 */
export function fromFieldHistory(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: FieldHistoryOptions & { readonly onInvalid: 'collect' },
): CrmEventsCollected;
export function fromFieldHistory(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: FieldHistoryOptions & { readonly onInvalid?: 'throw' },
): CrmEvent[];
export function fromFieldHistory(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: FieldHistoryOptions,
): CrmEvent[] | CrmEventsCollected;
export function fromFieldHistory(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: FieldHistoryOptions,
): CrmEvent[] | CrmEventsCollected {
  const fn = 'fromFieldHistory';
  const given = readFields(fn, options, KEYS, 'options');
  const preset = given.preset as FieldHistoryPreset | undefined;
  if (
    preset !== undefined &&
    (typeof preset !== 'object' || preset === null || typeof preset.map !== 'object')
  )
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.preset',
      preset,
      'a preset such as salesforceLeadHistory',
    );
  const o: Readonly<Record<string, unknown>> = {
    ...(preset === undefined ? {} : { timeZone: preset.timeZone }),
    ...given,
  };
  const r = rowReader(fn, rows, o);
  const column = (key: 'id' | 'value' | 'at') => {
    const name = o[key] ?? preset?.[key];
    if (name === undefined)
      fail('INVALID_ARGUMENT', fn, `options.${key}`, name, 'a column name (or a preset)');
    return assertColumn(fn, `options.${key}`, name, r.header);
  };
  const id = column('id');
  const valueColumn = column('value');
  const atColumn = column('at');
  const field = readField(fn, o.field ?? preset?.field, r.header);
  if (o.map !== undefined && (typeof o.map !== 'object' || o.map === null || Array.isArray(o.map)))
    fail('INVALID_ARGUMENT', fn, 'options.map', o.map, 'an object of value → stage (or null)');
  const map: Record<string, string | null> = { ...preset?.map, ...(o.map as object | undefined) };
  for (const [value, stage] of Object.entries(map))
    if (stage !== null && (typeof stage !== 'string' || stage.length === 0))
      fail(
        'INVALID_ARGUMENT',
        fn,
        `options.map[${JSON.stringify(value)}]`,
        stage,
        'a stage name, or null',
      );
  if (Object.keys(map).length === 0)
    fail('INVALID_ARGUMENT', fn, 'options.map', o.map, 'the stage of each value (a non-empty map)');
  const created = o.created ?? preset?.created;
  if (created !== undefined && (typeof created !== 'string' || created.length === 0))
    fail('INVALID_ARGUMENT', fn, 'options.created', created, 'a stage name');
  const known = Object.keys(map);

  const events: CrmEvent[] = [];
  for (let i = 0; i < r.rows.length; i++) {
    const read = r.issues.read(i, (): CrmEvent | null => {
      const row = rowCells(r, i);
      let stage: string | null;
      const changed = field === null ? null : cellText(r, row, i, field.column).trim();
      if (changed !== null && created !== undefined && changed === 'created') {
        stage = created as string;
      } else if (changed !== null && !field!.equals.includes(changed)) {
        return null; // another field's history
      } else {
        const value = cellText(r, row, i, valueColumn).trim();
        if (value === '') return null; // the field cleared
        if (!Object.hasOwn(map, value))
          fail(
            'UNKNOWN_STAGE',
            fn,
            cellPath('rows', i, valueColumn),
            value,
            `a value of options.map (${known
              .slice(0, 6)
              .map((k) => JSON.stringify(k))
              .join(', ')}${known.length > 6 ? ', …' : ''})`,
          );
        stage = map[value]!;
        if (stage === null) return null;
      }
      const leadId = idCell(r, row, i, id);
      const at = dateCell(r, row, i, atColumn);
      if (at === null)
        fail(
          'INVALID_DATE',
          fn,
          cellPath('rows', i, atColumn),
          row[atColumn] ?? '',
          'the instant of the change (not empty)',
        );
      return { leadId, stage, at, ...carried(r, row, i) } as CrmEvent;
    });
    if (read !== undefined && read !== null) events.push(read);
  }
  return answer(r, events);
}

function readField(
  fn: string,
  value: unknown,
  header: readonly string[],
): { column: string; equals: readonly string[] } | null {
  if (value === undefined) return null;
  const f = readFields(fn, value, ['column', 'equals'], 'options.field');
  const column = assertColumn(fn, 'options.field.column', f.column, header);
  const equals = typeof f.equals === 'string' ? [f.equals] : f.equals;
  if (
    !Array.isArray(equals) ||
    equals.length === 0 ||
    !equals.every((e) => typeof e === 'string' && e.length > 0)
  )
    fail(
      'INVALID_ARGUMENT',
      fn,
      'options.field.equals',
      f.equals,
      "the tracked field's name (or a list of names)",
    );
  return { column, equals };
}

/**
 * Salesforce LeadHistory (`LeadId, Field, OldValue, NewValue, CreatedDate`),
 * field `Status`; a `created` row is the lead's entry. The default statuses
 * map as: `Open - Not Contacted`, `Open`, `New` → `lead`; `Working -
 * Contacted`, `Contacted`, `Working` → `mql`; `Closed - Converted`,
 * `Qualified` → `sql`; `Closed - Not Converted`, `Unqualified` →
 * `unqualified` and `Nurturing` → `nurture` (outcomes). Orgs with their own
 * statuses add them with `map`.
 *
 * @example
 * ```ts
 * import { salesforceLeadHistory } from 'leadmath/adapters';
 *
 * salesforceLeadHistory.map['Closed - Converted']; //=> 'sql'
 * salesforceLeadHistory.outcomes; //=> ['unqualified', 'nurture']
 * ```
 *
 * @category Adapters
 */
export const salesforceLeadHistory: FieldHistoryPreset = Object.freeze({
  id: 'LeadId',
  field: Object.freeze({ column: 'Field', equals: 'Status' }),
  value: 'NewValue',
  at: 'CreatedDate',
  created: 'lead',
  map: Object.freeze({
    'Open - Not Contacted': 'lead',
    Open: 'lead',
    New: 'lead',
    'Working - Contacted': 'mql',
    Contacted: 'mql',
    Working: 'mql',
    'Closed - Converted': 'sql',
    Qualified: 'sql',
    'Closed - Not Converted': 'unqualified',
    Unqualified: 'unqualified',
    Nurturing: 'nurture',
  }),
  stages: ['lead', 'mql', 'sql'],
  outcomes: ['unqualified', 'nurture'],
});

const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
];

/**
 * Salesforce OpportunityHistory (`OpportunityId, StageName, CreatedDate`):
 * every row is a stage change; the default stages (`Prospecting` …
 * `Closed Won`) map to themselves, `Closed Lost` is an outcome.
 *
 * @example
 * ```ts
 * import { salesforceOpportunityHistory } from 'leadmath/adapters';
 *
 * salesforceOpportunityHistory.stages.at(-1); //=> 'Closed Won'
 * ```
 *
 * @category Adapters
 */
export const salesforceOpportunityHistory: FieldHistoryPreset = Object.freeze({
  id: 'OpportunityId',
  value: 'StageName',
  at: 'CreatedDate',
  map: Object.freeze(Object.fromEntries([...OPPORTUNITY_STAGES, 'Closed Lost'].map((s) => [s, s]))),
  stages: OPPORTUNITY_STAGES,
  outcomes: ['Closed Lost'],
});

/**
 * HubSpot property history as warehouse syncs write it (`contact_id,
 * timestamp, name, value`), the rows with `name = lifecyclestage`; values
 * are the internal stage names (`marketingqualifiedlead` → `mql`, …), with
 * the same stages as the lifecycle-date preset and `other` an outcome.
 *
 * @example
 * ```ts
 * import { hubspotPropertyHistory } from 'leadmath/adapters';
 *
 * hubspotPropertyHistory.map['salesqualifiedlead']; //=> 'sql'
 * ```
 *
 * @category Adapters
 */
export const hubspotPropertyHistory: FieldHistoryPreset = Object.freeze({
  id: 'contact_id',
  field: Object.freeze({ column: 'name', equals: 'lifecyclestage' }),
  value: 'value',
  at: 'timestamp',
  map: Object.freeze(Object.fromEntries(LIFECYCLE.map(([internal, stage]) => [internal, stage]))),
  stages: HUBSPOT_STAGES,
  outcomes: ['other'],
});

/**
 * Pipedrive's deal flow (`item_id, field_key, new_value, log_time`), the rows
 * with `field_key = stage_id`. Stage ids are each pipeline's own, so the map
 * is yours to give (`{ '1': 'qualified', '2': 'contact made', … }`); log
 * times without an offset are read as UTC, as Pipedrive writes them.
 *
 * @example
 * ```ts
 * import { fromFieldHistory, pipedriveDealFlow } from 'leadmath/adapters';
 *
 * const rows = [{ item_id: '7', field_key: 'stage_id', new_value: '2', log_time: '2026-02-03 10:15:00' }];
 * fromFieldHistory(rows, { preset: pipedriveDealFlow, map: { '1': 'qualified', '2': 'demo' } })[0]; //=> { leadId: '7', stage: 'demo', at: 1770113700000 }
 * ```
 *
 * @category Adapters
 */
export const pipedriveDealFlow: FieldHistoryPreset = Object.freeze({
  id: 'item_id',
  field: Object.freeze({ column: 'field_key', equals: 'stage_id' }),
  value: 'new_value',
  at: 'log_time',
  map: Object.freeze({}),
  timeZone: 'UTC',
  stages: [],
  outcomes: [],
});
