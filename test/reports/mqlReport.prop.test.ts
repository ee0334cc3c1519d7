import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect } from 'vitest';
import { mqlReport } from '../../src/reports/mqlReport';
import { deepFreeze } from '../_helpers';

const STAGES = ['lead', 'mql', 'sql', 'won'];
const ALL = [...STAGES, 'unqualified', 'spam'];
const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const zones = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Sydney'];

const log = fc.array(
  fc.record({
    leadId: fc.integer({ min: 0, max: 12 }),
    stage: fc.constantFrom(...ALL),
    // Hours over ~5 months, with many equal instants.
    at: fc.integer({ min: 0, max: 150 * 24 }).map((h) => T0 + h * HOUR),
    persona: fc.option(fc.constantFrom('CFO', 'CTO', ''), { nil: undefined }),
  }),
  { maxLength: 60 },
);

type Row = { leadId: number; stage: string; at: number; persona?: string | undefined };

/**
 * The rules of DESIGN written out plainly, lead by lead: entry into MQL is
 * the earliest event at MQL or later; accepted when the earliest event past
 * MQL is not after the first rejection (an 'unqualified' at or after the
 * entry, or an event at 'lead' after it).
 */
function oracle(rows: readonly Row[], asOf: number, timeZone: string) {
  const byLead = new Map<number, Row[]>();
  for (const r of rows)
    if (r.at <= asOf) byLead.set(r.leadId, [...(byLead.get(r.leadId) ?? []), r]);
  const months = new Map<
    string,
    { mqls: number; accepted: number; rejected: number; pending: number }
  >();
  for (const list of byLead.values()) {
    const at = (pred: (r: Row) => boolean) => Math.min(...list.filter(pred).map((r) => r.at));
    const rank = (s: string) => STAGES.indexOf(s);
    const entry = at((r) => rank(r.stage) >= 1);
    if (!Number.isFinite(entry)) continue;
    const next = at((r) => rank(r.stage) >= 2);
    const reject = at(
      (r) => (r.stage === 'unqualified' && r.at >= entry) || (r.stage === 'lead' && r.at > entry),
    );
    const zoned = Temporal.Instant.fromEpochMilliseconds(entry).toZonedDateTimeISO(timeZone);
    const key = `${zoned.year}-${String(zoned.month).padStart(2, '0')}`;
    const m = months.get(key) ?? { mqls: 0, accepted: 0, rejected: 0, pending: 0 };
    m.mqls++;
    if (Number.isFinite(next) && next <= reject) m.accepted++;
    else if (Number.isFinite(reject)) m.rejected++;
    else m.pending++;
    months.set(key, m);
  }
  return months;
}

describe('mqlReport properties', () => {
  test.prop([log, fc.constantFrom(...zones), fc.integer({ min: 0, max: 150 * 24 })])(
    'counts each month as the rules say, periods adding up to the total',
    (rows, timeZone, asOfHours) => {
      const asOf = T0 + asOfHours * HOUR;
      const events = deepFreeze(rows.map((r) => ({ ...r })));
      const report = mqlReport(events, {
        stages: STAGES,
        outcomes: { rejected: ['unqualified'], other: ['spam'] },
        every: 'month',
        timeZone,
        asOf,
      });
      const want = oracle(rows, asOf, timeZone);
      const got = new Map(
        report.periods
          .filter((p) => p.mqls > 0)
          .map((p) => [
            p.period,
            { mqls: p.mqls, accepted: p.accepted, rejected: p.rejected, pending: p.pending },
          ]),
      );
      expect(got).toEqual(want);
      for (const key of ['mqls', 'accepted', 'rejected', 'pending'] as const)
        expect(report.periods.reduce((a, p) => a + p[key], 0)).toBe(report.total[key]);
      expect(JSON.stringify(report)).not.toContain('NaN');
    },
  );

  test.prop([log, fc.integer({ min: 0, max: 500 }), fc.constantFrom('week', 'month', 'quarter')])(
    'is the same for rows in any order; segments and spread goals add up exactly',
    (rows, goal, every) => {
      const options = {
        stages: STAGES,
        outcomes: { rejected: ['unqualified'], other: ['spam'] },
        every,
        timeZone: 'Europe/Oslo',
        asOf: T0 + 150 * 24 * HOUR,
        goal,
        sla: { target: { days: 3 } },
        segmentBy: 'persona',
      } as const;
      const report = mqlReport(rows, options);
      const reversed = mqlReport([...rows].reverse(), options);
      expect(reversed).toEqual(report);
      if (report.periods.length > 0)
        expect(report.periods.reduce((a, p) => a + p.goal!, 0)).toBe(goal);
      const segments = report.segments ?? [];
      for (const key of ['mqls', 'accepted', 'rejected', 'pending'] as const)
        expect(segments.reduce((a, s) => a + s.total[key], 0)).toBe(report.total[key]);
      for (const key of ['met', 'breached', 'open'] as const)
        expect(segments.reduce((a, s) => a + s.total.sla![key], 0)).toBe(report.total.sla![key]);
    },
  );
});
