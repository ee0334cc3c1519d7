import { describe, expect, it } from 'vitest';
import { fromFieldHistory, fromWideRows, salesforceLeadHistory } from '../../src/adapters/index';
import { catchLeadMathError, deepFreeze, expectLeadMathError } from '../_helpers';

const columns = { Lead: 'lead', MQL: 'mql' };

describe('fromWideRows', () => {
  it('reads every date form, and an empty or blank cell as not reached', () => {
    const rows = deepFreeze([
      { id: 'a', Lead: '2026-01-05T10:00:00Z', MQL: '2026-01-06T10:00:00+02:00' },
      { id: 'b', Lead: '2026-01-05T10:00:00.123-0530', MQL: '  ' },
      { id: 'c', Lead: '1767607200000', MQL: '2026-01-07' },
      { id: 'd', Lead: '2026-01-05 10:00', MQL: '2026-01-05T10:00:30,5' },
    ]);
    const got = fromWideRows(rows, { id: 'id', columns, timeZone: 'Asia/Kolkata' });
    expect(got.map((e) => [e.leadId, e.stage, new Date(e.at).toISOString()])).toEqual([
      ['a', 'lead', '2026-01-05T10:00:00.000Z'],
      ['a', 'mql', '2026-01-06T08:00:00.000Z'],
      ['b', 'lead', '2026-01-05T15:30:00.123Z'],
      ['c', 'lead', '2026-01-05T10:00:00.000Z'],
      // A date alone: midnight in Kolkata (UTC+05:30).
      ['c', 'mql', '2026-01-06T18:30:00.000Z'],
      ['d', 'lead', '2026-01-05T04:30:00.000Z'],
      ['d', 'mql', '2026-01-05T04:30:30.500Z'],
    ]);
  });

  it('names the row and column of a bad cell, and what was missing', () => {
    const wall = [{ id: 'a', Lead: '2026-01-05 10:00', MQL: '' }];
    const e = catchLeadMathError(() => fromWideRows(wall, { id: 'id', columns }));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.details.path).toBe('rows[0].Lead');
    expect(e.message).toContain('needs options.timeZone');
    const seconds = catchLeadMathError(() =>
      fromWideRows([{ id: 'a', Lead: '1767607200', MQL: '' }], { id: 'id', columns }),
    );
    expect(seconds.message).toContain('10 digits are epoch seconds');
    for (const bad of [
      '2026-02-30',
      '2026-13-01T00:00Z',
      '2026-01-05T24:00Z',
      '2026-01-05T10:60Z',
      '2026-01-05T10:00+24:00',
      'next week',
      '1899-12-31T00:00:00Z',
      '2200-01-01T00:00:00Z',
      '99999999999999',
    ]) {
      expectLeadMathError(
        () =>
          fromWideRows([{ id: 'a', 'Became a Lead Date': bad }], {
            id: 'id',
            columns: { 'Became a Lead Date': 'lead' },
            timeZone: 'UTC',
          }),
        'INVALID_DATE',
        'rows[0]["Became a Lead Date"]',
      );
    }
    expectLeadMathError(
      () => fromWideRows([{ id: ' ', Lead: '', MQL: '' }], { id: 'id', columns }),
      'INVALID_ARGUMENT',
      'rows[0].id',
    );
    expectLeadMathError(
      () => fromWideRows([{ id: 'a', Lead: 7 as never, MQL: '' }], { id: 'id', columns }),
      'INVALID_DATE',
      'rows[0].Lead',
    );
    expectLeadMathError(
      () => fromWideRows([{ id: 'a', Lead: {} as never, MQL: '' }], { id: 'id', columns }),
      'INVALID_ARGUMENT',
      'rows[0].Lead',
    );
    expectLeadMathError(
      () => fromWideRows([{ id: 'a', Lead: '', MQL: '' }, 'x' as never], { id: 'id', columns }),
      'INVALID_ARGUMENT',
      'rows[1]',
    );
  });

  it('refuses columns the rows lack, naming the one meant, and unknown options', () => {
    const rows = [{ 'Record ID': '1', Lead: '2026-01-05T10:00:00Z', MQL: '' }];
    const e = catchLeadMathError(() => fromWideRows(rows, { id: 'Record Id', columns }));
    expect([e.code, e.details.path]).toEqual(['INVALID_ARGUMENT', 'options.id']);
    expect(e.message).toContain('did you mean "Record ID"?');
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID', columns: { Leads: 'lead' } }),
      'INVALID_ARGUMENT',
      'options.columns["Leads"]',
    );
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID', columns: { Lead: '' } }),
      'INVALID_ARGUMENT',
      'options.columns["Lead"]',
    );
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID', columns: {} }),
      'INVALID_ARGUMENT',
      'options.columns',
    );
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID' }),
      'INVALID_ARGUMENT',
      'options.columns',
    );
    expectLeadMathError(() => fromWideRows(rows, { columns }), 'INVALID_ARGUMENT', 'options.id');
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID', columns, carry: ['Owner'] }),
      'INVALID_ARGUMENT',
      'options.carry[0]',
    );
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID', columns, carry: ['Lead'] }),
      'INVALID_ARGUMENT',
      'options.carry',
    );
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID', columns, timezone: 'UTC' } as never),
      'INVALID_ARGUMENT',
      'options.timezone',
    );
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID', columns, timeZone: 'Nowhere/Land' }),
      'INVALID_TIME_ZONE',
      'options.timeZone',
    );
    expectLeadMathError(
      () => fromWideRows(rows, { id: 'Record ID', columns, onInvalid: 'skip' as never }),
      'INVALID_ARGUMENT',
      'options.onInvalid',
    );
    expectLeadMathError(
      () => fromWideRows('rows' as never, { id: 'Record ID', columns }),
      'INVALID_ARGUMENT',
      'rows',
    );
    // A preset whose columns are all missing is a wrong export, not an empty one.
    expectLeadMathError(
      () =>
        fromWideRows(rows, {
          preset: { id: ['Record ID'], columns: { X: 'lead' }, stages: [], outcomes: [] },
        }),
      'INVALID_ARGUMENT',
      'options.preset',
    );
    expect(fromWideRows([], { id: 'Record ID', columns })).toEqual([]);
  });

  it('collects bad rows as issues, keeping no event of a bad row', () => {
    const rows = deepFreeze([
      { id: 'a', Lead: '2026-01-05T10:00:00Z', MQL: '2026-01-06T10:00:00Z' },
      { id: 'b', Lead: '2026-01-05T10:00:00Z', MQL: 'soon' },
      { id: 'c', Lead: '2026-01-05T10:00:00Z', MQL: '' },
    ]);
    const got = fromWideRows(rows, { id: 'id', columns, onInvalid: 'collect' });
    expect(got.events.map((e) => `${e.leadId} ${e.stage}`)).toEqual(['a lead', 'a mql', 'c lead']);
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0]).toMatchObject({
      code: 'INVALID_DATE',
      row: 1,
      field: 'MQL',
      path: 'rows[1].MQL',
    });
    const titled = fromWideRows([{ id: 'a', 'Became a "Lead" Date': 'x' }], {
      id: 'id',
      columns: { 'Became a "Lead" Date': 'lead' },
      onInvalid: 'collect',
    });
    expect(titled.issues[0]).toMatchObject({
      field: 'Became a "Lead" Date',
      path: String.raw`rows[0]["Became a \"Lead\" Date"]`,
    });
  });

  it('reads dates the built-in forms do not, through parseDate', () => {
    const us = (cell: string) => {
      const [m, d, y] = cell.split('/').map(Number);
      return Date.UTC(y!, m! - 1, d!);
    };
    const got = fromWideRows([{ id: 'a', Lead: '01/05/2026', MQL: '' }], {
      id: 'id',
      columns,
      parseDate: us,
    });
    expect(got[0]!.at).toBe(Date.UTC(2026, 0, 5));
    expectLeadMathError(
      () =>
        fromWideRows([{ id: 'a', Lead: 'x', MQL: '' }], {
          id: 'id',
          columns,
          parseDate: () => Number.NaN,
        }),
      'INVALID_DATE',
      'rows[0].Lead',
    );
    expectLeadMathError(
      () =>
        fromWideRows([{ id: 'a', Lead: 'x', MQL: '' }], {
          id: 'id',
          columns,
          parseDate: 'iso' as never,
        }),
      'INVALID_ARGUMENT',
      'options.parseDate',
    );
  });
});

describe('fromFieldHistory', () => {
  const history = (rows: [string, string, string, string][]) =>
    rows.map(([LeadId, Field, NewValue, CreatedDate]) => ({
      LeadId,
      Field,
      OldValue: '',
      NewValue,
      CreatedDate,
    }));

  it('reports a value the map lacks as UNKNOWN_STAGE naming the row, or collects it', () => {
    const rows = history([
      ['1', 'Status', 'Working - Contacted', '2026-01-05T10:00:00Z'],
      ['1', 'Status', 'Recycled', '2026-01-06T10:00:00Z'],
    ]);
    const e = catchLeadMathError(() => fromFieldHistory(rows, { preset: salesforceLeadHistory }));
    expect([e.code, e.details.path]).toEqual(['UNKNOWN_STAGE', 'rows[1].NewValue']);
    expect(e.message).toContain('"Recycled"');
    // The map adds to the preset's; null leaves a value out on purpose.
    expect(
      fromFieldHistory(rows, { preset: salesforceLeadHistory, map: { Recycled: 'nurture' } }).map(
        (x) => x.stage,
      ),
    ).toEqual(['mql', 'nurture']);
    expect(
      fromFieldHistory(rows, { preset: salesforceLeadHistory, map: { Recycled: null } }),
    ).toHaveLength(1);
    const collected = fromFieldHistory(rows, {
      preset: salesforceLeadHistory,
      onInvalid: 'collect',
    });
    expect(collected.events).toHaveLength(1);
    expect(collected.issues[0]).toMatchObject({ code: 'UNKNOWN_STAGE', row: 1, field: 'NewValue' });
  });

  it('needs an instant for every change, and columns that exist', () => {
    const rows = history([['1', 'Status', 'Qualified', '']]);
    expectLeadMathError(
      () => fromFieldHistory(rows, { preset: salesforceLeadHistory }),
      'INVALID_DATE',
      'rows[0].CreatedDate',
    );
    expectLeadMathError(
      () => fromFieldHistory(rows, { preset: salesforceLeadHistory, at: 'Created' }),
      'INVALID_ARGUMENT',
      'options.at',
    );
    expectLeadMathError(
      () => fromFieldHistory(rows, { id: 'LeadId', value: 'NewValue', at: 'CreatedDate' }),
      'INVALID_ARGUMENT',
      'options.map',
    );
    expectLeadMathError(
      () =>
        fromFieldHistory(rows, {
          id: 'LeadId',
          value: 'NewValue',
          at: 'CreatedDate',
          map: { Qualified: 3 as never },
        }),
      'INVALID_ARGUMENT',
      'options.map["Qualified"]',
    );
    expectLeadMathError(
      () =>
        fromFieldHistory(rows, {
          preset: salesforceLeadHistory,
          field: { column: 'Field', equals: [] },
        }),
      'INVALID_ARGUMENT',
      'options.field.equals',
    );
    expectLeadMathError(
      () =>
        fromFieldHistory(rows, {
          preset: salesforceLeadHistory,
          field: { column: 'Field', equal: 'Status' } as never,
        }),
      'INVALID_ARGUMENT',
      'options.field.equal',
    );
  });

  it('reads every row as a change when no field column is given', () => {
    const rows = [
      { id: 'x', status: 'open', at: '2026-01-05T10:00:00Z' },
      { id: 'x', status: 'won', at: '2026-01-09T10:00:00Z' },
    ];
    const got = fromFieldHistory(rows, {
      id: 'id',
      value: 'status',
      at: 'at',
      map: { open: 'lead', won: 'customer' },
    });
    expect(got.map((e) => e.stage)).toEqual(['lead', 'customer']);
  });
});
