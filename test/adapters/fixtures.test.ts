import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  fromFieldHistory,
  fromWideRows,
  hubspotLifecycle,
  hubspotPropertyHistory,
  pipedriveDealFlow,
  salesforceLeadHistory,
  salesforceOpportunityHistory,
} from '../../src/adapters/index';
import { type FunnelCohortReport, funnelReport } from '../../src/reports/funnelReport';
import { mqlReport } from '../../src/reports/mqlReport';

/** A fixture as a CSV parser yields it: objects of string cells (the BOM dropped). */
function csv(name: string): Record<string, string>[] {
  const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true });
}
const utc = (iso: string) => Date.parse(iso);

describe('CRM exports read into events', () => {
  it('reads a HubSpot contacts export: BOM, quoted commas, blank cells, local times across DST', () => {
    const rows = csv('hubspot-contacts.csv');
    expect(rows[0]!['Company Name']).toBe('Acme, Inc.');
    const events = fromWideRows(rows, {
      preset: hubspotLifecycle,
      timeZone: 'America/New_York',
      carry: ['Persona'],
    });
    // Worked by hand: EST is UTC−5 until 2026-03-08 02:00, EDT UTC−4 until 2026-11-01 02:00.
    expect(events.map((e) => [e.leadId, e.stage, new Date(e.at).toISOString(), e.Persona])).toEqual(
      [
        ['101', 'lead', '2026-03-02T14:15:00.000Z', 'CFO'],
        ['101', 'mql', '2026-03-05T19:00:00.000Z', 'CFO'],
        ['101', 'sql', '2026-03-09T14:30:00.000Z', 'CFO'],
        ['101', 'opportunity', '2026-03-16T15:00:00.000Z', 'CFO'],
        ['101', 'customer', '2026-04-20T20:45:00.000Z', 'CFO'],
        ['102', 'lead', '2026-03-06T13:00:00.000Z', null],
        // 02:30 on 8 March does not exist in New York: moved forward by the hour, 03:30 EDT.
        ['102', 'mql', '2026-03-08T07:30:00.000Z', null],
        ['103', 'lead', '2026-11-01T03:00:00.000Z', 'CTO'],
        // 01:30 on 1 November happens twice: the earlier, EDT.
        ['104', 'lead', '2026-11-01T05:30:00.000Z', 'CFO'],
        ['104', 'mql', '2026-11-02T14:00:00.000Z', 'CFO'],
        ['104', 'sql', '2026-11-03T15:00:00.000Z', 'CFO'],
      ],
    );
    // The events feed the funnel report as they are.
    const report = funnelReport(events, {
      stages: hubspotLifecycle.stages.slice(1, 6),
      asOf: '2026-12-01T00:00:00Z',
    }) as FunnelCohortReport;
    expect(report.stages.map((s) => s.reached)).toEqual([4, 3, 2, 1, 1]);
    // The MQL report of the same export, by New York month.
    const mql = mqlReport(events, {
      stages: hubspotLifecycle.stages,
      every: 'month',
      timeZone: 'America/New_York',
      asOf: '2026-12-01T00:00:00Z',
    });
    const months = mql.periods.filter((p) => p.mqls > 0);
    expect(months.map((p) => [p.period, p.mqls, p.accepted, p.pending])).toEqual([
      ['2026-03', 2, 1, 1],
      ['2026-11', 1, 1, 0],
    ]);
    expect(mql.periods.map((p) => p.period)).toEqual(
      ['03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2026-${m}`),
    );
    // 101: 5 March 19:00Z to 9 March 14:30Z; 104: 2 November 14:00Z to 3 November 15:00Z.
    expect(months[0]!.velocity.meanDays).toBeCloseTo(3 + 19.5 / 24, 12);
    expect(mql.total.velocity.medianDays).toBeCloseTo((3 + 19.5 / 24 + 1 + 1 / 24) / 2, 12);
  });

  it('reads a Salesforce LeadHistory export: created rows, other fields passed over, both offset forms', () => {
    const events = fromFieldHistory(csv('salesforce-lead-history.csv'), {
      preset: salesforceLeadHistory,
    });
    expect(events.map((e) => [e.leadId, e.stage, e.at])).toEqual([
      ['00Q01', 'lead', utc('2026-03-02T14:15:00Z')],
      ['00Q01', 'mql', utc('2026-03-04T10:00:00Z')],
      ['00Q01', 'sql', utc('2026-03-10T16:30:00Z')],
      ['00Q02', 'lead', utc('2026-03-03T09:00:00Z')],
      ['00Q02', 'mql', utc('2026-03-05T09:00:00Z')],
      ['00Q02', 'unqualified', utc('2026-03-12T09:00:00Z')],
      ['00Q03', 'lead', utc('2026-03-20T12:00:00Z')],
      ['00Q03', 'mql', utc('2026-03-25T12:00:00Z')],
    ]);
  });

  it('reads HubSpot property history, Salesforce opportunity history and Pipedrive deal flow', () => {
    const hubspot = fromFieldHistory(csv('hubspot-property-history.csv'), {
      preset: hubspotPropertyHistory,
      carry: ['source_type'],
    });
    // The hs_lead_status row is another property; the cleared value is no event.
    expect(hubspot.map((e) => [e.leadId, e.stage, e.source_type])).toEqual([
      ['51', 'lead', 'FORM'],
      ['51', 'mql', 'WORKFLOW'],
      ['52', 'subscriber', 'IMPORT'],
      ['52', 'other', 'CRM_UI'],
    ]);
    const opportunities = fromFieldHistory(csv('salesforce-opportunity-history.csv'), {
      preset: salesforceOpportunityHistory,
    });
    expect(opportunities.map((e) => `${e.leadId} ${e.stage}`)).toEqual([
      '006A Prospecting',
      '006A Qualification',
      '006A Closed Won',
      '006B Prospecting',
      '006B Closed Lost',
    ]);
    const deals = fromFieldHistory(csv('pipedrive-deal-flow.csv'), {
      preset: pipedriveDealFlow,
      map: { '1': 'qualified', '2': 'demo' },
    });
    // Log times without an offset are UTC.
    expect(deals.map((e) => [e.leadId, e.stage, e.at])).toEqual([
      ['901', 'qualified', utc('2026-02-02T09:00:00Z')],
      ['901', 'demo', utc('2026-02-10T14:30:00Z')],
      ['902', 'qualified', utc('2026-02-03T08:00:00Z')],
    ]);
  });
});
