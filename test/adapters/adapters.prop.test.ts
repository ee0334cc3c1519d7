import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fromFieldHistory, fromWideRows } from '../../src/adapters/index';
import { sqlReport } from '../../src/reports/sqlReport';
import { toTable } from '../../src/reports/toTable';
import { deepFreeze } from '../_helpers';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const instant = fc.integer({ min: 0, max: 2000 }).map((h) => T0 + h * HOUR);
const cell = fc.option(instant, { nil: null });

describe('adapters', () => {
  test.prop([
    fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), cell, cell, cell), { maxLength: 30 }),
  ])(
    'wide rows give one event per non-empty date cell, in row and column order, at the instant written',
    (records) => {
      const rows = deepFreeze(
        records.map(([id, a, b, c]) => ({
          id: String(id),
          A: a === null ? '' : new Date(a).toISOString(),
          B: b === null ? '' : String(b),
          C: c === null ? '' : new Date(c).toISOString().replace('Z', '+00:00'),
        })),
      );
      const events = fromWideRows(rows, { id: 'id', columns: { A: 'lead', B: 'mql', C: 'sql' } });
      const want = records.flatMap(([id, a, b, c]) =>
        (
          [
            ['lead', a],
            ['mql', b],
            ['sql', c],
          ] as const
        )
          .filter(([, t]) => t !== null)
          .map(([stage, t]) => ({ leadId: String(id), stage, at: t })),
      );
      expect(events).toEqual(want);
    },
  );

  test.prop([
    fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 9 }),
        field: fc.constantFrom('Status', 'Rating', 'created'),
        value: fc.constantFrom('', 'Open', 'Qualified', 'Hot'),
        at: instant,
      }),
      { maxLength: 40 },
    ),
  ])(
    'history rows give an event per change of the tracked field to a mapped value, and for each created row',
    (changes) => {
      const rows = changes.map((c) => ({
        LeadId: String(c.id),
        Field: c.field,
        NewValue: c.value,
        CreatedDate: new Date(c.at).toISOString(),
      }));
      const events = fromFieldHistory(rows, {
        id: 'LeadId',
        field: { column: 'Field', equals: 'Status' },
        value: 'NewValue',
        at: 'CreatedDate',
        created: 'lead',
        map: { Open: 'lead', Qualified: 'sql', Hot: null },
      });
      const want = changes.flatMap((c) =>
        c.field === 'created'
          ? [{ leadId: String(c.id), stage: 'lead', at: c.at }]
          : c.field === 'Status' && (c.value === 'Open' || c.value === 'Qualified')
            ? [{ leadId: String(c.id), stage: c.value === 'Open' ? 'lead' : 'sql', at: c.at }]
            : [],
      );
      expect(events).toEqual(want);
    },
  );

  test.prop([
    fc.array(
      fc.record({
        leadId: fc.integer({ min: 1, max: 15 }),
        stage: fc.constantFrom('lead', 'sql', 'opportunity', 'customer'),
        at: instant,
      }),
      { maxLength: 50 },
    ),
  ])(
    'the SQL report: quarters add up to the total, and every cell of its table is a string',
    (events) => {
      const report = sqlReport(events, {
        stages: ['lead', 'sql', 'opportunity', 'customer'],
        every: 'quarter',
        timeZone: 'Europe/Oslo',
        asOf: T0 + 2000 * HOUR,
      });
      for (const key of ['sqls', 'accepted', 'opportunities', 'customers'] as const)
        expect(report.periods.reduce((a, p) => a + (p[key] ?? 0), 0)).toBe(report.total[key] ?? 0);
      // Customers of a period's SQLs are among its opportunities (a customer reached the opportunity stage).
      for (const p of [...report.periods, report.total])
        expect(p.customers!).toBeLessThanOrEqual(p.opportunities!);
      const table = toTable(report);
      expect(table).toHaveLength(report.periods.length + 2);
      expect(
        table.every(
          (row) => row.length === table[0]!.length && row.every((c) => typeof c === 'string'),
        ),
      ).toBe(true);
      expect(JSON.stringify(report)).not.toContain('NaN');
    },
  );
});
