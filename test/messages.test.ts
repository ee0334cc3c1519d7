/**
 * Every argument check names its function and the argument's path, so that a
 * message says where to look. One bad value per checked argument, with the
 * code, function and path it must report.
 */
import { describe, expect, it } from 'vitest';
import * as lm from '../src/index';
import { catchLeadMathError } from './_helpers';

const window = { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' };
const spend = [{ at: '2026-02-01T00:00:00Z', amount: 5 }];
const stages = ['a', 'b', 'c'];
const bad = (x: unknown) => x as never;

/** [description, call, code, function, path] */
const cases: [string, () => unknown, lm.LeadMathErrorCode, string, string][] = [
  // planning
  [
    'reversePlan input',
    () => lm.reversePlan(bad(null)),
    'INVALID_ARGUMENT',
    'reversePlan',
    'input',
  ],
  [
    'reversePlan stages',
    () => lm.reversePlan(bad({ stages: [], rates: [], target: 1 })),
    'INVALID_ARGUMENT',
    'reversePlan',
    'stages',
  ],
  [
    'reversePlan both goals',
    () =>
      lm.reversePlan(bad({ stages, rates: [0.5, 0.5], target: 1, revenue: 5, averageDealSize: 1 })),
    'INVALID_ARGUMENT',
    'reversePlan',
    'input',
  ],
  [
    'reversePlan no goal',
    () => lm.reversePlan(bad({ stages, rates: [0.5, 0.5] })),
    'INVALID_ARGUMENT',
    'reversePlan',
    'target',
  ],
  [
    'reversePlan revenue only a deal size',
    () => lm.reversePlan(bad({ stages, rates: [0.5, 0.5], averageDealSize: 5 })),
    'INVALID_NUMBER',
    'reversePlan',
    'revenue',
  ],
  [
    'reversePlan revenue too large',
    () => lm.reversePlan({ stages, rates: [0.5, 0.5], revenue: 1e300, averageDealSize: 1 }),
    'INVALID_NUMBER',
    'reversePlan',
    'revenue',
  ],
  [
    'forwardProjection input',
    () => lm.forwardProjection(bad(1)),
    'INVALID_ARGUMENT',
    'forwardProjection',
    'input',
  ],
  [
    'forwardProjection stages',
    () => lm.forwardProjection(bad({ stages: [''], rates: [], top: 1 })),
    'INVALID_ARGUMENT',
    'forwardProjection',
    'stages[0]',
  ],
  [
    'forwardProjection top',
    () => lm.forwardProjection({ stages: ['a'], rates: [], top: -1 }),
    'INVALID_NUMBER',
    'forwardProjection',
    'top',
  ],
  [
    'planWithConfidence input',
    () => lm.planWithConfidence(bad('x')),
    'INVALID_ARGUMENT',
    'planWithConfidence',
    'input',
  ],
  [
    'planWithConfidence stages',
    () => lm.planWithConfidence(bad({ stages: 'a', rates: [], target: 1, confidence: 0.9 })),
    'INVALID_ARGUMENT',
    'planWithConfidence',
    'stages',
  ],
  [
    'planWithConfidence neither',
    () => lm.planWithConfidence(bad({ stages, target: 1, confidence: 0.9 })),
    'INVALID_ARGUMENT',
    'planWithConfidence',
    'input',
  ],
  [
    'planWithConfidence evidence',
    () => lm.planWithConfidence(bad({ stages, evidence: 'x', target: 1, confidence: 0.9 })),
    'INVALID_ARGUMENT',
    'planWithConfidence',
    'evidence',
  ],
  [
    'planWithConfidence evidence length',
    () => lm.planWithConfidence(bad({ stages, evidence: [], target: 1, confidence: 0.9 })),
    'INVALID_ARGUMENT',
    'planWithConfidence',
    'evidence.length',
  ],
  [
    'planWithConfidence evidence entered',
    () =>
      lm.planWithConfidence(
        bad({
          stages,
          evidence: [
            { entered: -1, advanced: 0 },
            { entered: 1, advanced: 0 },
          ],
          target: 1,
          confidence: 0.9,
        }),
      ),
    'INVALID_COUNT',
    'planWithConfidence',
    'evidence[0].entered',
  ],
  [
    'planWithConfidence evidence advanced',
    () =>
      lm.planWithConfidence(
        bad({
          stages,
          evidence: [
            { entered: 1, advanced: 0 },
            { entered: 1, advanced: 1.5 },
          ],
          target: 1,
          confidence: 0.9,
        }),
      ),
    'INVALID_COUNT',
    'planWithConfidence',
    'evidence[1].advanced',
  ],
  [
    'planWithConfidence evidence above',
    () =>
      lm.planWithConfidence({
        stages,
        evidence: [
          { entered: 1, advanced: 0 },
          { entered: 1, advanced: 2 },
        ],
        target: 1,
        confidence: 0.9,
      }),
    'INCONSISTENT_COUNTS',
    'planWithConfidence',
    'evidence[1].advanced',
  ],
  [
    'planWithConfidence target',
    () => lm.planWithConfidence({ stages, rates: [0.5, 0.5], target: -1, confidence: 0.9 }),
    'INVALID_COUNT',
    'planWithConfidence',
    'target',
  ],
  [
    'planWithConfidence confidence',
    () => lm.planWithConfidence({ stages, rates: [0.5, 0.5], target: 1, confidence: 1 }),
    'INVALID_RATE',
    'planWithConfidence',
    'confidence',
  ],
  [
    'planWithConfidence too large',
    () =>
      lm.planWithConfidence({ stages, rates: [1e-12, 1e-6], target: 100_000, confidence: 0.99 }),
    'INVALID_NUMBER',
    'planWithConfidence',
    'target',
  ],
  ['spreadTarget total', () => lm.spreadTarget(1.5, [1]), 'INVALID_COUNT', 'spreadTarget', 'total'],
  [
    'spreadTarget weights',
    () => lm.spreadTarget(1, []),
    'INVALID_ARGUMENT',
    'spreadTarget',
    'weights',
  ],
  [
    'spreadTarget weight',
    () => lm.spreadTarget(1, [1, -1]),
    'INVALID_NUMBER',
    'spreadTarget',
    'weights[1]',
  ],
  ['dailyRate count', () => lm.dailyRate(-1, 1), 'INVALID_NUMBER', 'dailyRate', 'count'],
  ['dailyRate days', () => lm.dailyRate(1, 0), 'INVALID_NUMBER', 'dailyRate', 'businessDays'],
  [
    'compareDailyRates a',
    () => lm.compareDailyRates(bad(null), { count: 1, businessDays: 1 }),
    'INVALID_ARGUMENT',
    'compareDailyRates',
    'a',
  ],
  [
    'compareDailyRates b.count',
    () => lm.compareDailyRates({ count: 1, businessDays: 1 }, { count: -1, businessDays: 1 }),
    'INVALID_NUMBER',
    'compareDailyRates',
    'b.count',
  ],
  [
    'compareDailyRates b.businessDays',
    () => lm.compareDailyRates({ count: 1, businessDays: 1 }, { count: 1, businessDays: 0 }),
    'INVALID_NUMBER',
    'compareDailyRates',
    'b.businessDays',
  ],
  ['pace input', () => lm.pace(bad([])), 'INVALID_ARGUMENT', 'pace', 'input'],
  [
    'pace target',
    () => lm.pace({ target: -1, actual: 0, elapsedBusinessDays: 0, totalBusinessDays: 1 }),
    'INVALID_NUMBER',
    'pace',
    'target',
  ],
  [
    'pace actual',
    () => lm.pace({ target: 1, actual: -1, elapsedBusinessDays: 0, totalBusinessDays: 1 }),
    'INVALID_NUMBER',
    'pace',
    'actual',
  ],
  [
    'pace total',
    () => lm.pace({ target: 1, actual: 0, elapsedBusinessDays: 0, totalBusinessDays: 0 }),
    'INVALID_NUMBER',
    'pace',
    'totalBusinessDays',
  ],
  [
    'pace elapsed',
    () => lm.pace({ target: 1, actual: 0, elapsedBusinessDays: -1, totalBusinessDays: 1 }),
    'INVALID_NUMBER',
    'pace',
    'elapsedBusinessDays',
  ],
  [
    'pace elapsed beyond',
    () => lm.pace({ target: 1, actual: 0, elapsedBusinessDays: 2, totalBusinessDays: 1 }),
    'INVALID_NUMBER',
    'pace',
    'elapsedBusinessDays',
  ],
  [
    'pace projected overflow',
    () => lm.pace({ target: 1, actual: 1e308, elapsedBusinessDays: 1, totalBusinessDays: 3 }),
    'INVALID_NUMBER',
    'pace',
    'actual',
  ],
  ['costPer spend', () => lm.costPer(-1, 1), 'INVALID_NUMBER', 'costPer', 'spend'],
  ['costPer count', () => lm.costPer(1, 1.5), 'INVALID_COUNT', 'costPer', 'count'],
  [
    'laggedWindow window',
    () => lm.laggedWindow(bad(null), 1),
    'INVALID_ARGUMENT',
    'laggedWindow',
    'window',
  ],
  [
    'laggedWindow end',
    () => lm.laggedWindow({ start: window.end, end: window.start }, 1),
    'INVALID_ARGUMENT',
    'laggedWindow',
    'window.end',
  ],
  [
    'laggedWindow lag',
    () => lm.laggedWindow(window, 1.5),
    'INVALID_DURATION',
    'laggedWindow',
    'lagDays',
  ],
  [
    'laggedWindow zone',
    () => lm.laggedWindow(window, 1, { timeZone: 'Mars/Base' }),
    'INVALID_TIME_ZONE',
    'laggedWindow',
    'options.timeZone',
  ],
  [
    'laggedCostPer input',
    () => lm.laggedCostPer(bad(null)),
    'INVALID_ARGUMENT',
    'laggedCostPer',
    'input',
  ],
  [
    'laggedCostPer count',
    () => lm.laggedCostPer({ spend, count: -1, window, lagDays: 1 }),
    'INVALID_COUNT',
    'laggedCostPer',
    'count',
  ],
  [
    'laggedCostPer window',
    () => lm.laggedCostPer(bad({ spend, count: 1, window: null, lagDays: 1 })),
    'INVALID_ARGUMENT',
    'laggedCostPer',
    'window',
  ],
  [
    'laggedCostPer lag',
    () => lm.laggedCostPer({ spend, count: 1, window, lagDays: -1 }),
    'INVALID_DURATION',
    'laggedCostPer',
    'lagDays',
  ],
  [
    'laggedCostPer zone',
    () => lm.laggedCostPer({ spend, count: 1, window, lagDays: 1, timeZone: 'x' }),
    'INVALID_TIME_ZONE',
    'laggedCostPer',
    'timeZone',
  ],
  [
    'laggedCostPer spend',
    () => lm.laggedCostPer(bad({ spend: null, count: 1, window, lagDays: 1 })),
    'INVALID_ARGUMENT',
    'laggedCostPer',
    'spend',
  ],
  [
    'laggedCostPer spend row',
    () => lm.laggedCostPer(bad({ spend: [null], count: 1, window, lagDays: 1 })),
    'INVALID_ARGUMENT',
    'laggedCostPer',
    'spend[0]',
  ],
  [
    'laggedCostPer spend at',
    () => lm.laggedCostPer(bad({ spend: [{ at: 'x', amount: 1 }], count: 1, window, lagDays: 1 })),
    'INVALID_DATE',
    'laggedCostPer',
    'spend[0].at',
  ],
  [
    'laggedCostPer spend amount',
    () =>
      lm.laggedCostPer({ spend: [{ at: window.start, amount: -1 }], count: 1, window, lagDays: 1 }),
    'INVALID_NUMBER',
    'laggedCostPer',
    'spend[0].amount',
  ],
  [
    'marketingSourcedShare input',
    () => lm.marketingSourcedShare(bad(null)),
    'INVALID_ARGUMENT',
    'marketingSourcedShare',
    'input',
  ],
  [
    'marketingSourcedShare customers',
    () => lm.marketingSourcedShare({ marketingSourced: 0, customers: -1, salesModel: 'field' }),
    'INVALID_COUNT',
    'marketingSourcedShare',
    'customers',
  ],
  [
    'marketingSourcedShare sourced',
    () => lm.marketingSourcedShare({ marketingSourced: 0.5, customers: 1, salesModel: 'field' }),
    'INVALID_COUNT',
    'marketingSourcedShare',
    'marketingSourced',
  ],
  [
    'marketingSourcedShare above',
    () => lm.marketingSourcedShare({ marketingSourced: 2, customers: 1, salesModel: 'field' }),
    'INCONSISTENT_COUNTS',
    'marketingSourcedShare',
    'marketingSourced',
  ],
  [
    'marketingSourcedShare model',
    () => lm.marketingSourcedShare(bad({ marketingSourced: 0, customers: 1, salesModel: 'x' })),
    'INVALID_ARGUMENT',
    'marketingSourcedShare',
    'salesModel',
  ],
  [
    'dealsForRevenue',
    () => lm.dealsForRevenue(-1, 1),
    'INVALID_NUMBER',
    'dealsForRevenue',
    'revenue',
  ],
  // funnel
  [
    'stageEfficiency options',
    () => lm.stageEfficiency(1, 1, bad(5)),
    'INVALID_ARGUMENT',
    'stageEfficiency',
    'options',
  ],
  [
    'funnelEfficiency counts',
    () => lm.funnelEfficiency(bad([{ stage: 'a', count: 1 }])),
    'INVALID_ARGUMENT',
    'funnelEfficiency',
    'counts',
  ],
];

describe('every check names its function and argument', () => {
  for (const [name, call, code, fn, path] of cases) {
    it(`${name}: ${code} from ${fn} at ${path}`, () => {
      const error = catchLeadMathError(call);
      expect([error.code, error.details.function, error.details.path]).toEqual([code, fn, path]);
      expect(error.message.startsWith(`${fn}: ${path} must be `)).toBe(true);
      expect(error.details.expected.length).toBeGreaterThan(0);
    });
  }
});
