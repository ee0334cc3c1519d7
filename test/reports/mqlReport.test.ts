import { describe, expect, it } from 'vitest';
import { alwaysOpen } from '../../src/calendar/alwaysOpen';
import { businessCalendar } from '../../src/calendar/businessCalendar';
import { mqlReport } from '../../src/reports/mqlReport';
import { sqlReport } from '../../src/reports/sqlReport';
import { toTable } from '../../src/reports/toTable';
import { catchLeadMathError, deepFreeze, expectLeadMathError } from '../_helpers';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const nine = [['09:00', '17:00']] as const;
// UTC office hours, Monday to Friday; 3 August 2026 is a holiday, so August has 20 business days.
const calendar = businessCalendar({
  timeZone: 'UTC',
  hours: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
  holidays: ['2026-08-03'],
});

/** The business days of a month at 10:00 UTC, listed without the calendar under test. */
function businessDaysOf(year: number, month: number, holidays: readonly string[] = []): number[] {
  const out: number[] = [];
  for (let t = Date.UTC(year, month - 1, 1); new Date(t).getUTCMonth() === month - 1; t += DAY) {
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (holidays.includes(new Date(t).toISOString().slice(0, 10))) continue;
    out.push(t + 10 * HOUR);
  }
  return out;
}

const july = businessDaysOf(2026, 7);
const august = businessDaysOf(2026, 8, ['2026-08-03']);
const nextBusinessDay = (t: number, n: number) => {
  const all = [...july, ...august, ...businessDaysOf(2026, 9)];
  return all[all.indexOf(t) + n]!;
};

/**
 * July: 23 MQLs, one per business day, each accepted 3 business days later.
 * August: 23 MQLs over 20 business days (two on each of the first three);
 * of them 10 accepted and 5 rejected as unqualified a business day later, 3
 * sent back to lead a business day later, 5 never decided.
 */
function scenario() {
  const events: { leadId: string; stage: string; at: number; persona?: string }[] = [];
  july.forEach((t, i) => {
    const id = `j${i}`;
    events.push({ leadId: id, stage: 'lead', at: t - DAY, persona: i % 2 === 0 ? 'CFO' : 'CTO' });
    events.push({ leadId: id, stage: 'mql', at: t });
    events.push({ leadId: id, stage: 'sql', at: nextBusinessDay(t, 3) });
  });
  const augustMqls = [...august.slice(0, 3), ...august];
  augustMqls.forEach((t, i) => {
    const id = `a${i}`;
    events.push({ leadId: id, stage: 'mql', at: t, ...(i < 20 ? { persona: 'CFO' } : {}) });
    const next = nextBusinessDay(t, 1);
    if (i < 10) events.push({ leadId: id, stage: 'sql', at: next });
    else if (i < 15) events.push({ leadId: id, stage: 'unqualified', at: next });
    else if (i < 18) events.push({ leadId: id, stage: 'lead', at: next });
  });
  return events;
}

const spend = [
  { at: Date.UTC(2026, 5, 15), amount: 6000 },
  { at: Date.UTC(2026, 6, 15), amount: 9000 },
  { at: Date.UTC(2026, 7, 15), amount: 12000 },
];
const options = {
  stages: ['lead', 'mql', 'sql'],
  outcomes: { rejected: ['unqualified'] },
  every: 'month' as const,
  timeZone: 'UTC',
  from: '2026-07-01',
  to: '2026-09-01',
  asOf: '2026-09-30T00:00:00Z',
  goal: 43,
  calendar,
  sla: { target: { businessDays: 2 } },
  spend,
};

describe('mqlReport on a worked example', () => {
  const events = deepFreeze(scenario());
  const report = mqlReport(events, options);
  const [jul, aug] = report.periods;

  it('counts MQLs per period against a goal spread by business days', () => {
    expect(report.periods.map((p) => [p.period, p.businessDays, p.mqls, p.goal])).toEqual([
      ['2026-07', 23, 23, 23],
      ['2026-08', 20, 23, 20],
    ]);
    expect(jul!.attainment).toBe(1);
    expect(aug!.attainment).toBeCloseTo(23 / 20, 12);
    // 23 in 23 business days, then 23 in 20: 15 % more per business day.
    expect(jul!.perBusinessDay).toBe(1);
    expect(aug!.perBusinessDay).toBeCloseTo(1.15, 12);
    expect(jul!.perBusinessDayChange).toBeNull();
    expect(aug!.perBusinessDayChange).toBeCloseTo(0.15, 12);
    expect([report.total.mqls, report.total.goal, report.total.businessDays]).toEqual([46, 43, 43]);
  });

  it('sorts the hand-off into accepted, rejected and pending', () => {
    expect([jul!.accepted, jul!.rejected, jul!.pending]).toEqual([23, 0, 0]);
    expect([aug!.accepted, aug!.rejected, aug!.pending]).toEqual([10, 8, 5]);
    expect(aug!.acceptanceRate!.rate).toBeCloseTo(10 / 18, 15);
    expect(aug!.efficiency!.advanced).toBe(10);
    expect(aug!.efficiency!.rate).toBeCloseTo(10 / 23, 15);
    expect([report.total.accepted, report.total.rejected, report.total.pending]).toEqual([
      33, 8, 5,
    ]);
  });

  it('measures velocity in business days against the SLA: 3 days against 2 is a breach by 1', () => {
    expect(jul!.velocity.count).toBe(23);
    expect(jul!.velocity.meanBusinessDays).toBeCloseTo(3, 12);
    expect(jul!.velocity.medianBusinessDays).toBeCloseTo(3, 12);
    expect(jul!.velocity.p90BusinessDays).toBeCloseTo(3, 12);
    expect(jul!.sla).toMatchObject({ targetDays: 2, met: 0, breached: 23, open: 0 });
    expect(jul!.sla!.overByDays).toBeCloseTo(1, 12);
    expect(jul!.sla!.breachRate!.rate).toBe(1);
    // August: 18 decided within a business day; the 5 undecided are long past due at asOf.
    expect(aug!.velocity.meanBusinessDays).toBeCloseTo(1, 12);
    expect(aug!.sla).toMatchObject({ met: 18, breached: 5, open: 0, overByDays: 0 });
    // Kaplan–Meier within 2 business days: July's leads all took 3 (none within); August's 10 of 23, no censoring before 16 h.
    expect(jul!.efficiency!.withinSla).toMatchObject({ horizonMs: 16 * HOUR, rate: 0 });
    expect(aug!.efficiency!.withinSla!.rate).toBeCloseTo(10 / 23, 12);
  });

  it('gives cost per MQL simple and moved back 30 days', () => {
    expect(jul!.spend).toBe(9000);
    expect(jul!.costPerMql).toBeCloseTo(9000 / 23, 12);
    // July 1 − 30 days = June 1, August 1 − 30 days = July 2: the June spend.
    expect(jul!.costPerMqlLagged).toBeCloseTo(6000 / 23, 12);
    expect(aug!.costPerMql).toBeCloseTo(12000 / 23, 12);
    expect(aug!.costPerMqlLagged).toBeCloseTo(9000 / 23, 12);
    expect(report.total.spend).toBe(21000);
    expect(report.total.costPerMqlLagged).toBeCloseTo(15000 / 46, 12);
  });

  it('splits by first-touch persona, segments adding up to the total', () => {
    const segmented = mqlReport(events, { ...options, segmentBy: 'persona' });
    const seg = segmented.segments!;
    expect(seg.map((s) => s.segment)).toEqual(['CFO', 'CTO', null]);
    // July: even leads are CFO (12), odd CTO (11); August: 20 CFO, 3 without one.
    expect(seg.map((s) => s.periods.map((p) => p.mqls))).toEqual([
      [12, 20],
      [11, 0],
      [0, 3],
    ]);
    for (const key of ['mqls', 'accepted', 'rejected', 'pending'] as const) {
      expect(seg.reduce((a, s) => a + s.total[key], 0)).toBe(segmented.total[key]);
    }
    expect(seg[0]!.total.goal).toBeNull();
    expect(seg[0]!.total.spend).toBeNull();
  });

  it('gives the same report from columns, and collects bad rows', () => {
    const columns = {
      leadId: events.map((e) => e.leadId),
      stage: events.map((e) => e.stage),
      at: Float64Array.from(events, (e) => e.at),
    };
    const { spend: _spend, ...noSpend } = options;
    expect(mqlReport(columns, noSpend)).toEqual(mqlReport(events, noSpend));
    const bad = [...events, { leadId: 'x', stage: 'mql', at: Number.NaN }];
    const collected = mqlReport(bad, { ...noSpend, onInvalid: 'collect' });
    expect(collected.issues).toHaveLength(1);
    expect(collected.issues![0]).toMatchObject({ code: 'INVALID_DATE', row: events.length });
    expect(collected.total.mqls).toBe(46);
  });

  it('splits by a function of the lead id, refusing a value that is not a key', () => {
    const byFunction = mqlReport(events, {
      ...options,
      segmentBy: (id) => (String(id).startsWith('j') ? 'July lead' : null),
    });
    expect(byFunction.segments!.map((s) => [s.segment, s.total.mqls])).toEqual([
      ['July lead', 23],
      [null, 23],
    ]);
    expectLeadMathError(
      () => mqlReport(events, { ...options, segmentBy: () => ({}) as never }),
      'INVALID_ARGUMENT',
      'options.segmentBy',
    );
  });

  it('prints as a table', () => {
    const table = toTable(report);
    expect(table).toHaveLength(4);
    expect(table[2]!.slice(0, 10)).toEqual([
      '2026-08',
      '23',
      '20',
      '115.0 %',
      '1.1',
      '+15.0 %',
      '10',
      '8',
      '5',
      '55.6 %',
    ]);
  });
});

describe('mqlReport rules', () => {
  const stages = ['lead', 'mql', 'sql'];
  const base = { stages, every: 'month' as const, timeZone: 'UTC' };

  it('counts an MQL in the month of its zone, and a skipped MQL stage as entered', () => {
    const events = [
      // 00:30 on 1 February in Berlin is still 31 January in UTC.
      { leadId: 1, stage: 'mql', at: '2026-01-31T23:30:00Z' },
      // Straight to SQL: it entered MQL then, and was accepted at once.
      { leadId: 2, stage: 'sql', at: '2026-01-15T12:00:00Z' },
    ];
    const berlin = mqlReport(events, { ...base, timeZone: 'Europe/Berlin' });
    expect(berlin.periods.map((p) => [p.period, p.mqls, p.accepted])).toEqual([
      ['2026-01', 1, 1],
      ['2026-02', 1, 0],
    ]);
    expect(berlin.periods[0]!.velocity.meanDays).toBe(0);
  });

  it('decides by what comes first: a rejection before acceptance stands, acceptance wins a tie', () => {
    const t = Date.UTC(2026, 2, 2, 9);
    const events = [
      { leadId: 'r', stage: 'mql', at: t },
      { leadId: 'r', stage: 'nurture', at: t + DAY },
      { leadId: 'r', stage: 'sql', at: t + 2 * DAY },
      { leadId: 'tie', stage: 'mql', at: t },
      { leadId: 'tie', stage: 'nurture', at: t + DAY },
      { leadId: 'tie', stage: 'sql', at: t + DAY },
      // A lead event at the MQL instant is not a step back; one after it is.
      { leadId: 'same', stage: 'mql', at: t },
      { leadId: 'same', stage: 'lead', at: t },
      { leadId: 'back', stage: 'mql', at: t },
      { leadId: 'back', stage: 'lead', at: t + HOUR },
      // Outcomes that do not reject are kept and ignored.
      { leadId: 'other', stage: 'mql', at: t },
      { leadId: 'other', stage: 'duplicate', at: t + HOUR },
    ];
    const report = mqlReport(events, {
      ...base,
      outcomes: { rejected: ['nurture'], other: ['duplicate'] },
      asOf: t + 10 * DAY,
    });
    const m = report.periods[0]!;
    expect([m.mqls, m.accepted, m.rejected, m.pending]).toEqual([5, 1, 2, 2]);
    // The rejected-then-accepted lead still entered SQL: efficiency counts it.
    expect(m.efficiency!.advanced).toBe(2);
  });

  it('leaves out events after asOf, and counts a pending MQL past due as breached', () => {
    const t = Date.UTC(2026, 2, 2, 9);
    const events = [
      { leadId: 1, stage: 'mql', at: t },
      { leadId: 1, stage: 'sql', at: t + 5 * DAY },
      { leadId: 2, stage: 'mql', at: t + 3 * DAY },
    ];
    const report = mqlReport(events, {
      ...base,
      asOf: t + 4 * DAY,
      sla: { target: { days: 2 } },
      calendar: alwaysOpen,
    });
    const m = report.total;
    expect([m.accepted, m.pending]).toEqual([0, 2]);
    // Lead 1 is 4 days in (past due), lead 2 one day (not yet due).
    expect(m.sla).toMatchObject({ met: 0, breached: 1, open: 1 });
    expect(m.velocity).toEqual({
      count: 0,
      meanDays: null,
      medianDays: null,
      p90Days: null,
      meanBusinessDays: null,
      medianBusinessDays: null,
      p90BusinessDays: null,
    });
  });

  it('takes goals per period key, and refuses a key the report has no period for', () => {
    const events = [{ leadId: 1, stage: 'mql', at: '2026-03-10T10:00:00Z' }];
    const report = mqlReport(events, {
      ...base,
      from: '2026-03-01',
      to: '2026-05-01',
      goal: { '2026-03': 4 },
    });
    expect(report.periods.map((p) => [p.goal, p.attainment])).toEqual([
      [4, 0.25],
      [null, null],
    ]);
    expect(report.total.goal).toBeNull();
    expectLeadMathError(
      () => mqlReport(events, { ...base, goal: { '2026-3': 4 } }),
      'INVALID_ARGUMENT',
      'options.goal["2026-3"]',
    );
  });

  it('gives an empty report for no events, every figure a number or null', () => {
    const report = mqlReport([], base);
    expect(report.periods).toEqual([]);
    expect(report.total.mqls).toBe(0);
    expect(report.total.acceptanceRate).toBeNull();
    expect(report.total.efficiency).toBeNull();
    expect(JSON.stringify(report)).not.toContain('NaN');
  });

  it('refuses bad options, naming them', () => {
    const events = [{ leadId: 1, stage: 'mql', at: '2026-03-10T10:00:00Z' }];
    expectLeadMathError(
      () => mqlReport(events, { ...base, mql: 'MQL' }),
      'INVALID_ARGUMENT',
      'options.mql',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, every: 'day' as never }),
      'INVALID_ARGUMENT',
      'options.every',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, timeZone: undefined as never }),
      'INVALID_TIME_ZONE',
      'options.timeZone',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, outcomes: { rejected: ['sql'] } }),
      'INVALID_ARGUMENT',
      'options.outcomes.rejected[0]',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, outcomes: { reject: ['x'] } as never }),
      'INVALID_ARGUMENT',
      'options.outcomes.reject',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, sla: { target: { days: 0 } } }),
      'INVALID_DURATION',
      'options.sla.target',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, spend: [{ at: '2026-03-01T00:00:00Z', amount: -1 }] }),
      'INVALID_NUMBER',
      'options.spend[0].amount',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, goal: 2.5 }),
      'INVALID_COUNT',
      'options.goal',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, calendar: {} as never }),
      'INVALID_CALENDAR',
      'options.calendar',
    );
    expectLeadMathError(
      () => mqlReport(events, { ...base, sourceBy: 'x' } as never),
      'INVALID_ARGUMENT',
      'options.sourceBy',
    );
    const e = catchLeadMathError(() =>
      mqlReport([{ leadId: 1, stage: 'MQL', at: '2026-03-10T10:00:00Z' }], base),
    );
    expect([e.code, e.details.path]).toEqual(['UNKNOWN_STAGE', 'events[0].stage']);
  });
});

describe('sqlReport', () => {
  it('follows the period SQLs to opportunities and customers, and the period leads to customers', () => {
    const t = Date.UTC(2026, 0, 5, 9);
    const events: { leadId: number; stage: string; at: number; source?: string }[] = [];
    // 40 leads in January: 10 become SQLs in January, 4 of them opportunities, 1 a customer.
    for (let i = 0; i < 40; i++) {
      events.push({
        leadId: i,
        stage: 'lead',
        at: t + i * HOUR,
        source: i % 4 === 0 ? 'webinar' : 'outbound',
      });
      if (i < 10) events.push({ leadId: i, stage: 'sql', at: t + 5 * DAY });
      if (i < 4) events.push({ leadId: i, stage: 'opportunity', at: t + 20 * DAY });
      if (i < 1) events.push({ leadId: i, stage: 'customer', at: t + 40 * DAY });
    }
    const report = sqlReport(events, {
      stages: ['lead', 'sql', 'opportunity', 'customer'],
      every: 'quarter',
      timeZone: 'UTC',
      sourceBy: 'source',
      marketingSources: ['webinar'],
      salesModel: 'field',
    });
    const q = report.periods[0]!;
    expect([q.period, q.sqls, q.opportunities, q.customers]).toEqual(['2026-Q1', 10, 4, 1]);
    expect(q.closeRate!.rate).toBe(0.25);
    // 1 customer of 40 leads: 2.5 %, inside the usual 2–5 %.
    expect(q.leadToCustomer).toMatchObject({
      leads: 40,
      customers: 1,
      position: 'within',
      band: { low: 0.02, high: 0.05 },
    });
    expect(q.leadToCustomer!.rate!.rate).toBe(0.025);
    // The one customer (lead 0) came from a webinar: 100 % marketing-sourced, above field sales' 20–40 %.
    expect(q.marketingSourced).toMatchObject({
      customers: 1,
      marketingSourced: 1,
      share: 1,
      position: 'above',
    });
    const table = toTable(report);
    expect(table[0]!.slice(-4)).toEqual([
      'opportunities',
      'customers',
      'close rate',
      'lead → customer',
    ]);
    expect(table[1]!.slice(-4)).toEqual(['4', '1', '25.0 %', '2.5 %']);
  });

  it('refuses a customer stage before the SQL stage, and source options without the others', () => {
    const events = [{ leadId: 1, stage: 'sql', at: '2026-03-10T10:00:00Z' }];
    const stages = ['customer', 'sql'];
    expectLeadMathError(
      () => sqlReport(events, { stages, every: 'year', timeZone: 'UTC', customer: 'customer' }),
      'INVALID_ARGUMENT',
      'options.customer',
    );
    expectLeadMathError(
      () =>
        sqlReport(events, {
          stages: ['lead', 'sql'],
          every: 'year',
          timeZone: 'UTC',
          sourceBy: 'source',
        }),
      'INVALID_ARGUMENT',
      'options.sourceBy',
    );
    const plain = sqlReport(events, { stages: ['lead', 'sql'], every: 'year', timeZone: 'UTC' });
    expect([
      plain.total.opportunities,
      plain.total.customers,
      plain.total.leadToCustomer,
      plain.total.marketingSourced,
    ]).toEqual([null, null, null, null]);
    expectLeadMathError(() => toTable({} as never), 'INVALID_ARGUMENT', 'report');
  });
});
