/**
 * Every export that takes objects or arrays leaves them as they were. Each
 * input is a plain (unfrozen) value compared with a structured clone taken
 * before the call, so a write anywhere in it, even one that sorts a copy in
 * place by mistake, fails the test. (Freezing the input instead would only
 * turn a write into a throw, and comparing afterwards could never fail.)
 */
import { describe, expect, it } from 'vitest';
import * as leadmath from '../src/index';

const nine = [['09:00', '17:00']];
const calendarConfig = {
  timeZone: 'America/New_York',
  hours: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
  holidays: ['2026-07-03'],
};
const model = {
  id: 'm',
  version: 1,
  threshold: 30,
  decay: { kind: 'halfLife', halfLifeDays: 14 },
  rules: [
    { id: 'fit', kind: 'fit', points: 10, when: { all: [{ field: 'company.size', gte: 50 }] } },
    {
      id: 'pricing',
      kind: 'behavior',
      points: 10,
      cap: 30,
      when: {
        activity: 'page_view',
        where: { field: 'path', startsWith: '/pricing' },
        withinDays: 30,
      },
    },
  ],
};
const activities = [
  { leadId: 'b', type: 'page_view', at: '2026-03-03T10:00:00Z', properties: { path: '/pricing' } },
  { leadId: 'a', type: 'page_view', at: '2026-03-01T10:00:00Z', properties: { path: '/pricing' } },
  { leadId: 'a', type: 'page_view', at: '2026-02-01T10:00:00Z', properties: { path: '/pricing' } },
];
const leads = [
  { id: 'a', company: { size: 80 } },
  { id: 'b', company: { size: 10 } },
];
const items = [
  {
    owner: 'ana',
    start: '2026-03-02T09:00:00Z',
    stop: '2026-03-02T12:00:00Z',
    source: 'ads',
    pauses: [{ from: '2026-03-02T10:00:00Z', to: '2026-03-02T10:30:00Z' }],
  },
  { owner: 'bo', start: '2026-03-01T09:00:00Z', source: 'seo' },
];
const events = [
  { leadId: 1, type: 'accepted', at: '2026-03-02T11:00:00Z' },
  { leadId: 1, type: 'mql', at: '2026-03-02T09:00:00Z', owner: 'ana' },
];

/** [name, arguments] for every export that takes objects or arrays. */
const calls: [string, () => unknown[], (...args: never[]) => unknown][] = [
  ['businessCalendar', () => [calendarConfig], leadmath.businessCalendar as never],
  [
    'funnelEfficiency',
    () => [
      [
        { stage: 'mql', count: 100 },
        { stage: 'sql', count: 20 },
      ],
      { confidence: 0.9 },
    ],
    leadmath.funnelEfficiency as never,
  ],
  ['stageEfficiency', () => [100, 20, { confidence: 0.9 }], leadmath.stageEfficiency as never],
  [
    'compareDailyRates',
    () => [
      { count: 1000, businessDays: 23 },
      { count: 1000, businessDays: 20 },
    ],
    leadmath.compareDailyRates as never,
  ],
  [
    'forwardProjection',
    () => [{ stages: ['a', 'b', 'c'], rates: [0.5, 0.2], top: 100 }],
    leadmath.forwardProjection as never,
  ],
  [
    'reversePlan',
    () => [{ stages: ['a', 'b', 'c'], rates: [0.5, 0.2], target: 10 }],
    leadmath.reversePlan as never,
  ],
  [
    'planWithConfidence',
    () => [
      {
        stages: ['a', 'b', 'c'],
        evidence: [
          { entered: 50, advanced: 20 },
          { entered: 40, advanced: 10 },
        ],
        target: 5,
        confidence: 0.8,
      },
    ],
    leadmath.planWithConfidence as never,
  ],
  ['spreadTarget', () => [1000, [3, 1, 2]], leadmath.spreadTarget as never],
  [
    'pace',
    () => [{ target: 1000, actual: 450, elapsedBusinessDays: 10, totalBusinessDays: 21 }],
    leadmath.pace as never,
  ],
  [
    'laggedWindow',
    () => [
      { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' },
      30,
      { timeZone: 'Europe/Oslo' },
    ],
    leadmath.laggedWindow as never,
  ],
  [
    'laggedCostPer',
    () => [
      {
        spend: [
          { at: '2026-02-01T00:00:00Z', amount: 5 },
          { at: '2025-12-10T00:00:00Z', amount: 7 },
        ],
        count: 3,
        window: { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' },
        lagDays: 30,
      },
    ],
    leadmath.laggedCostPer as never,
  ],
  [
    'marketingSourcedShare',
    () => [{ marketingSourced: 45, customers: 150, salesModel: 'field' }],
    leadmath.marketingSourcedShare as never,
  ],
  ['validateModel', () => [model], leadmath.validateModel as never],
  ['safeValidateModel', () => [model], leadmath.safeValidateModel as never],
  [
    'decayScore',
    () => [
      80,
      { elapsedDays: 14, policy: { kind: 'percent', rate: 0.5, everyDays: 7 }, floor: 10 },
    ],
    leadmath.decayScore as never,
  ],
  [
    'diffModels',
    () => [model, { ...model, threshold: 40, rules: [model.rules[1]] }],
    leadmath.diffModels as never,
  ],
  [
    'evaluateModel',
    () => [
      [
        { score: 90, converted: true },
        { score: 20, converted: false },
        { score: 60, converted: false },
      ],
      { threshold: 50, bands: [25, 50, 75] },
    ],
    leadmath.evaluateModel as never,
  ],
  [
    'reviewDates',
    () => ['2026-01-15T00:00:00Z', { count: 3, firstAfterDays: 30 }],
    leadmath.reviewDates as never,
  ],
  [
    'scoreLead',
    () => [
      model,
      leads[0],
      activities.filter((a) => a.leadId === 'a'),
      { asOf: '2026-03-05T00:00:00Z' },
    ],
    leadmath.scoreLead as never,
  ],
  [
    'scoreLeads',
    () => [model, leads, activities, { asOf: '2026-03-05T00:00:00Z' }],
    leadmath.scoreLeads as never,
  ],
  [
    'conversionCurve',
    () => [
      [
        { leadId: 1, stage: 'mql', at: new Date('2026-03-02T09:00:00Z') },
        { leadId: '1', stage: 'sql', at: '2026-03-03T09:00:00Z' },
      ],
      { stages: ['mql', 'sql'], from: 'mql', to: 'sql', points: [{ days: 1 }] },
    ],
    leadmath.conversionCurve as never,
  ],
  [
    'createFunnelAccumulator',
    () => [{ stages: ['mql', 'sql'], horizons: [{ days: 1 }], segmentBy: 'source' }],
    leadmath.createFunnelAccumulator as never,
  ],
  [
    'funnelAccumulatorFromJSON',
    () => [
      {
        version: 1,
        options: { stages: ['mql', 'sql'] },
        segmentByFunction: false,
        maxAt: Date.UTC(2026, 2, 2),
        leads: [[1, [[0, Date.UTC(2026, 2, 2)]], null, null]],
        issues: [],
      },
    ],
    leadmath.funnelAccumulatorFromJSON as never,
  ],
  [
    'funnelReport',
    () => [
      [
        { leadId: 1, stage: 'mql', at: new Date('2026-03-02T09:00:00Z'), source: 'ads' },
        { leadId: '1', stage: 'sql', at: '2026-03-03T09:00:00Z' },
        { leadId: 2, stage: 'mql', at: Date.UTC(2026, 2, 2) },
      ],
      {
        stages: ['mql', 'sql'],
        horizons: [{ days: 1 }],
        quantiles: [0.25],
        segmentBy: 'source',
        window: { days: 30 },
      },
    ],
    leadmath.funnelReport as never,
  ],
  [
    'scoreLeadsColumns',
    () => [model, leads, activities, { asOf: '2026-03-05T00:00:00Z' }],
    leadmath.scoreLeadsColumns as never,
  ],
  [
    'slaItemsFromEvents',
    () => [events, { start: ['mql'], stop: ['accepted'] }],
    leadmath.slaItemsFromEvents as never,
  ],
  [
    'slaReport',
    () => [items, { target: { hours: 4 }, asOf: '2026-03-03T00:00:00Z', segmentBy: 'source' }],
    leadmath.slaReport as never,
  ],
  [
    'slaStatus',
    () => [{ ...items[0], target: { hours: 4 }, asOf: '2026-03-03T00:00:00Z' }],
    leadmath.slaStatus as never,
  ],
  ['speedToLead', () => [items], leadmath.speedToLead as never],
  [
    'periods',
    () => [
      { from: new Date('2026-01-10T00:00:00Z'), to: '2026-03-01', every: 'month', timeZone: 'UTC' },
    ],
    leadmath.periods as never,
  ],
  [
    'periodOf',
    () => [
      leadmath.periods({ from: '2026-01-01', to: '2026-03-01', every: 'month', timeZone: 'UTC' }),
      new Date('2026-02-02T00:00:00Z'),
    ],
    leadmath.periodOf as never,
  ],
  [
    'fromWideRows',
    () => [
      [{ 'Record ID': '1', 'Became a Lead Date': '2026-01-05 09:00', Persona: 'CFO' }],
      { preset: leadmath.hubspotLifecycle, timeZone: 'UTC', carry: ['Persona'] },
    ],
    leadmath.fromWideRows as never,
  ],
  [
    'fromFieldHistory',
    () => [
      [
        {
          LeadId: '1',
          Field: 'Status',
          NewValue: 'Qualified',
          CreatedDate: '2026-01-05T09:00:00Z',
        },
      ],
      { preset: leadmath.salesforceLeadHistory, map: { Recycled: 'nurture' } },
    ],
    leadmath.fromFieldHistory as never,
  ],
  ...(
    [
      ['mqlReport', leadmath.mqlReport],
      ['sqlReport', leadmath.sqlReport],
    ] as const
  ).map(
    ([name, report]) =>
      [
        name,
        () => [
          [
            { leadId: 1, stage: 'mql', at: new Date('2026-03-02T09:00:00Z'), persona: 'CFO' },
            { leadId: '1', stage: 'sql', at: '2026-03-03T09:00:00Z' },
            { leadId: 2, stage: 'customer', at: Date.UTC(2026, 2, 9) },
          ],
          {
            stages: ['lead', 'mql', 'sql', 'customer'],
            every: 'month',
            timeZone: 'UTC',
            goal: { '2026-03': 3 },
            sla: { target: { businessDays: 2 } },
            spend: [{ at: new Date('2026-03-01T00:00:00Z'), amount: 100 }],
            segmentBy: 'persona',
          },
        ],
        report as never,
      ] as [string, () => unknown[], (...args: never[]) => unknown],
  ),
  [
    'toTable',
    () => [
      leadmath.mqlReport([{ leadId: 1, stage: 'mql', at: '2026-03-02T09:00:00Z' }], {
        stages: ['mql', 'sql'],
        every: 'month',
        timeZone: 'UTC',
      }),
    ],
    leadmath.toTable as never,
  ],
  ['velocityVsSla', () => [{ averageDaysInStage: 3, slaDays: 2 }], leadmath.velocityVsSla as never],
];

describe('no export mutates its input', () => {
  for (const [name, makeArgs, fn] of calls) {
    it(`${name} leaves its arguments as they were`, () => {
      const args = makeArgs();
      const before = structuredClone(args);
      fn(...(args as never[]));
      expect(args).toEqual(before);
    });
  }

  it('covers every export that takes an object or array', () => {
    const covered = new Set(calls.map(([name]) => name));
    // Exports that take only numbers, strings or nothing at all.
    const scalarOnly = new Set([
      'costPer',
      'dailyRate',
      'dealsForRevenue',
      'defaultFloor',
      'wilsonInterval',
      'isLeadMathError',
      'isBusinessCalendar',
      'LeadMathError',
    ]);
    const functions = Object.entries(leadmath)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    expect(functions.filter((name) => !covered.has(name) && !scalarOnly.has(name))).toEqual([]);
  });

  it('calendar methods leave Date arguments as they were', () => {
    const calendar = leadmath.businessCalendar(calendarConfig as never);
    const at = new Date('2026-03-06T16:00:00-05:00');
    const copy = new Date(at.getTime());
    calendar.add(at, { hours: 2 });
    calendar.between(at, new Date('2026-03-10T00:00:00Z'));
    calendar.nextOpen(at);
    expect(at).toEqual(copy);
  });
});
