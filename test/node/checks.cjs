// The checks both smoke tests run on the modules they loaded, each its own way.
const assert = require('node:assert/strict');

/** Exercises every entry point: funnel, plan (time zones included), scoring, calendar and SLA. */
function check({ root, funnel, plan, scoring, calendar, sla, schema, reports, adapters }) {
  // Reports and adapters: a wall time read in its zone, counted in that zone's month.
  const events = adapters.fromWideRows(
    [{ 'Record ID': '7', 'Became a Marketing Qualified Lead Date': '2026-02-01 00:30' }],
    { preset: adapters.hubspotLifecycle, timeZone: 'Europe/Berlin' },
  );
  assert.equal(events[0].at, Date.UTC(2026, 0, 31, 23, 30));
  const mql = reports.mqlReport(events, {
    stages: ['lead', 'mql', 'sql'],
    every: 'month',
    timeZone: 'Europe/Berlin',
  });
  assert.equal(mql.periods[0].period, '2026-02');
  assert.equal(root.funnelReport, reports.funnelReport);
  assert.equal(root.stageEfficiency(1000, 200).rate, 0.2);
  assert.equal(funnel.wilsonInterval(0, 10).low, 0);
  assert.equal(plan.dealsForRevenue(10_000_000, 50_000), 200);
  assert.equal(root.reversePlan, plan.reversePlan);
  assert.throws(
    () => root.stageEfficiency(1, 2),
    (error) => root.isLeadMathError(error),
  );
  // One error class across entry points: an error from leadmath/plan is a root LeadMathError.
  assert.throws(
    () => plan.reversePlan({ stages: ['a'], rates: [], target: -1 }),
    (error) => error instanceof root.LeadMathError && error.code === 'INVALID_COUNT',
  );
  // Time zones go through temporal-polyfill (bundled into the CommonJS build).
  const lagged = plan.laggedWindow(
    { start: '2026-01-01T00:00:00-05:00', end: '2026-04-01T00:00:00-04:00' },
    30,
    { timeZone: 'America/New_York' },
  );
  assert.equal(lagged.end.toISOString(), '2026-03-02T05:00:00.000Z');
  assert.equal(
    root.planWithConfidence({
      stages: ['sql', 'customer'],
      rates: [0.1],
      target: 3,
      confidence: 0.95,
    }).stages[0].required,
    61,
  );
  assert.equal(schema.title, 'leadmath scoring model');
  const model = scoring.validateModel({
    id: 'm',
    version: 1,
    threshold: 10,
    rules: [{ id: 'demo', kind: 'behavior', points: 10, when: { activity: 'demo' } }],
  });
  assert.equal(root.scoreLead(model, {}, [{ type: 'demo', at: 0 }], { asOf: 1 }).qualified, true);
  const ny = calendar.businessCalendar({
    timeZone: 'America/New_York',
    hours: { fri: [['09:00', '17:00']], mon: [['09:00', '17:00']] },
  });
  assert.equal(
    ny.add('2026-03-06T16:00:00-05:00', { hours: 2 }).toISOString(),
    '2026-03-09T14:00:00.000Z',
  );
  assert.equal(root.alwaysOpen.isOpen(0), true);
  assert.equal(
    sla
      .slaStatus({
        start: '2026-03-06T16:00:00-05:00',
        target: { hours: 2 },
        calendar: ny,
        asOf: '2026-03-06T16:30:00-05:00',
      })
      .dueAt.toISOString(),
    '2026-03-09T14:00:00.000Z',
  );
}

module.exports = { check };
