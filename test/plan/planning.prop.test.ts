import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect } from 'vitest';
import { binomialUpperTail } from '../../src/_lib/stats/special';
import { compareDailyRates } from '../../src/plan/compareDailyRates';
import { costPer } from '../../src/plan/costPer';
import { dailyRate } from '../../src/plan/dailyRate';
import { laggedCostPer } from '../../src/plan/laggedCostPer';
import { laggedWindow } from '../../src/plan/laggedWindow';
import { marketingSourcedShare } from '../../src/plan/marketingSourcedShare';
import { pace } from '../../src/plan/pace';
import { planWithConfidence } from '../../src/plan/planWithConfidence';
import { reversePlan } from '../../src/plan/reversePlan';
import { spreadTarget } from '../../src/plan/spreadTarget';
import { catchLeadMathError, deepFreeze } from '../_helpers';

const rate = fc.double({ min: 0.05, max: 1, noNaN: true });
const funnel = fc.integer({ min: 1, max: 3 }).chain((steps) =>
  fc.record({
    stages: fc.constant(Array.from({ length: steps + 1 }, (_, i) => `s${i}`)),
    rates: fc.array(rate, { minLength: steps, maxLength: steps }),
  }),
);
const confidence = fc.double({ min: 0.5, max: 0.99, noNaN: true });
const target = fc.integer({ min: 0, max: 2000 });
const top = (plan: ReturnType<typeof planWithConfidence>) => plan.stages[0]!.required;
const product = (rates: readonly number[]) => rates.reduce((a, b) => a * b, 1);

describe('planWithConfidence properties', () => {
  test.prop({ f: funnel, target, confidence })(
    'reaches the confidence at n and not at n − 1',
    ({ f, target, confidence }) => {
      const plan = planWithConfidence({ ...f, target, confidence });
      const n = top(plan);
      const p = product(f.rates);
      expect(plan.probability).toBeGreaterThanOrEqual(confidence);
      // The incomplete beta is a different method from the term-by-term sum the
      // plan uses for these targets: they agree to far better than 1e-9.
      expect(Math.abs(binomialUpperTail(target, n, p) - plan.probability)).toBeLessThan(1e-9);
      if (target > 0) expect(binomialUpperTail(target, n - 1, p)).toBeLessThan(confidence + 1e-9);
    },
  );

  test.prop({ f: funnel, target, a: confidence, b: confidence })(
    'is non-decreasing in confidence',
    ({ f, target, a, b }) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(top(planWithConfidence({ ...f, target, confidence: lo }))).toBeLessThanOrEqual(
        top(planWithConfidence({ ...f, target, confidence: hi })),
      );
    },
  );

  test.prop({ f: funnel, a: target, b: target, confidence })(
    'is non-decreasing in the target',
    ({ f, a, b, confidence }) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(top(planWithConfidence({ ...f, target: lo, confidence }))).toBeLessThanOrEqual(
        top(planWithConfidence({ ...f, target: hi, confidence })),
      );
    },
  );

  test.prop({ f: funnel, target, confidence, index: fc.nat(), other: rate })(
    'is non-increasing in each rate',
    ({ f, target, confidence, index, other }) => {
      const i = index % f.rates.length;
      const [lo, hi] = f.rates[i]! <= other ? [f.rates[i]!, other] : [other, f.rates[i]!];
      const withRate = (r: number) => f.rates.map((x, j) => (j === i ? r : x));
      const slow = top(
        planWithConfidence({ stages: f.stages, rates: withRate(lo), target, confidence }),
      );
      const fast = top(
        planWithConfidence({ stages: f.stages, rates: withRate(hi), target, confidence }),
      );
      expect(fast).toBeLessThanOrEqual(slow);
    },
  );

  test.prop({ f: funnel, target: fc.integer({ min: 100, max: 100_000 }) })(
    'at confidence 0.5 lands within a few percent of reversePlan',
    ({ f, target }) => {
      const median = top(planWithConfidence({ ...f, target, confidence: 0.5 }));
      const average = reversePlan({ ...f, target }).stages[0]!.required;
      expect(Math.abs(median - average)).toBeLessThanOrEqual(0.03 * average + 2);
    },
  );

  test.prop(
    {
      advanced: fc.integer({ min: 1, max: 50 }),
      extra: fc.integer({ min: 1, max: 150 }),
      target: fc.integer({ min: 5, max: 60 }),
      confidence: fc.double({ min: 0.6, max: 0.95, noNaN: true }),
    },
    { numRuns: 25 },
  )(
    'with evidence, approaches the plan for the observed rate as evidence grows',
    ({ advanced, extra, target, confidence }) => {
      const entered = advanced + extra;
      const known = top(
        planWithConfidence({ stages: ['a', 'b'], rates: [advanced / entered], target, confidence }),
      );
      const withEvidence = (k: number) =>
        top(
          planWithConfidence({
            stages: ['a', 'b'],
            evidence: [{ entered: entered * k, advanced: advanced * k }],
            target,
            confidence,
          }),
        );
      // 10⁵ times the evidence: posterior mean within 1e-5 of the observed rate, spread negligible
      expect(Math.abs(withEvidence(100_000) - known)).toBeLessThanOrEqual(
        Math.max(2, 0.01 * known),
      );
    },
  );

  test.prop({ f: funnel, target, confidence })(
    'does not mutate its input',
    ({ f, target, confidence }) => {
      const input = deepFreeze({ ...f, target, confidence });
      const copy = structuredClone(input);
      planWithConfidence(input);
      expect(input).toEqual(copy);
    },
  );

  test.prop({
    bad: fc.oneof(
      fc.double({ min: 1, max: 10, noNaN: true }),
      fc.double({ min: -10, max: 0, noNaN: true }),
      fc.constant(Number.NaN),
    ),
  })('any confidence outside (0, 1) throws INVALID_RATE', ({ bad }) => {
    const error = catchLeadMathError(() =>
      planWithConfidence({ stages: ['a', 'b'], rates: [0.5], target: 3, confidence: bad }),
    );
    expect(error.code).toBe('INVALID_RATE');
  });
});

describe('spreading and pacing properties', () => {
  // At least one positive weight: the rest may be zero.
  const weights = fc
    .tuple(
      fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { maxLength: 23 }),
      fc.double({ min: 1e-3, max: 1000, noNaN: true }),
      fc.nat(),
    )
    .map(([rest, positive, at]) => {
      const out = [...rest];
      out.splice(at % (rest.length + 1), 0, positive);
      return out;
    });

  test.prop({ total: fc.integer({ min: 0, max: 1e9 }), weights })(
    'spreadTarget preserves the total and keeps each part within 1 of its exact share',
    ({ total, weights }) => {
      const sum = weights.reduce((a, b) => a + b, 0);
      const parts = spreadTarget(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((part, i) => {
        expect(Number.isInteger(part)).toBe(true);
        expect(part).toBeGreaterThanOrEqual(0);
        expect(Math.abs(part - (total * weights[i]!) / sum)).toBeLessThan(1 + 1e-6);
        if (weights[i] === 0) expect(part).toBe(0);
      });
      expect(spreadTarget(total, weights)).toEqual(parts);
    },
  );

  const days = fc.double({ min: 0.5, max: 31, noNaN: true });
  const count = fc.integer({ min: 0, max: 1e7 });

  test.prop({ a: count, b: count, da: days, db: days })(
    'compareDailyRates is consistent with dailyRate',
    ({ a, b, da, db }) => {
      const result = compareDailyRates(
        { count: a, businessDays: da },
        { count: b, businessDays: db },
      );
      expect(result.rateA).toBe(dailyRate(a, da));
      expect(result.rateB).toBe(dailyRate(b, db));
      if (result.change === null) expect(result.rateA).toBe(0);
      else expect((1 + result.change) * result.rateA).toBeCloseTo(result.rateB, 6);
    },
  );

  test.prop({
    target: count,
    actual: count,
    total: fc.integer({ min: 1, max: 31 }),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })(
    'pace matches exact integer arithmetic: on track when actual × total ≥ target × elapsed',
    ({ target, actual, total, fraction }) => {
      const elapsed = Math.floor(fraction * total);
      const result = pace({
        target,
        actual,
        elapsedBusinessDays: elapsed,
        totalBusinessDays: total,
      });
      // Whole numbers throughout, so the decision is exact in BigInt: the
      // projection actual ÷ elapsed × total reaches target iff actual × total ≥ target × elapsed.
      const reached = BigInt(actual) * BigInt(total) >= BigInt(target) * BigInt(elapsed);
      expect(result.onTrack).toBe(actual >= target || (elapsed > 0 && reached));
      expect(result.remaining).toBe(Math.max(0, target - actual));
      if (elapsed === 0) expect(result.projected).toBeNull();
      if (actual >= target) expect(result.requiredDailyRate).toBe(0);
      else if (elapsed === total) expect(result.requiredDailyRate).toBeNull();
      else {
        // (target − actual) ÷ (total − elapsed), to the last few digits.
        const want = (target - actual) / (total - elapsed);
        expect(Math.abs(result.requiredDailyRate! - want)).toBeLessThanOrEqual(want * 1e-15);
      }
    },
  );

  test.prop({ spend: count, n: fc.integer({ min: 1, max: 1e6 }) })(
    'costPer times the count gives back the spend',
    ({ spend, n }) => {
      expect(costPer(spend, n)! * n).toBeCloseTo(spend, 6);
    },
  );
});

describe('cost window properties', () => {
  const zone = fc.constantFrom(
    'UTC',
    'America/New_York',
    'Europe/Oslo',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Asia/Kathmandu',
  );
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
  const lag = fc.integer({ min: 0, max: 400 });

  test.prop({ a: instant, b: instant, lag })(
    'in UTC a lag of n days is exactly n × 24 hours',
    ({ a, b, lag }) => {
      const [start, end] = a <= b ? [a, b] : [b, a];
      const w = laggedWindow({ start, end }, lag);
      expect(w.start.getTime()).toBe(start - lag * 86_400_000);
      expect(w.end.getTime()).toBe(end - lag * 86_400_000);
    },
  );

  test.prop({ at: instant, lag, zone })(
    'in any zone the local calendar date moves back exactly n days',
    ({ at, lag, zone }) => {
      const w = laggedWindow({ start: at, end: at }, lag, { timeZone: zone });
      const before = Temporal.Instant.fromEpochMilliseconds(at)
        .toZonedDateTimeISO(zone)
        .toPlainDate();
      const after = Temporal.Instant.fromEpochMilliseconds(w.start.getTime())
        .toZonedDateTimeISO(zone)
        .toPlainDate();
      expect(after.until(before).days).toBe(lag);
    },
  );

  test.prop({
    entries: fc.array(
      fc.record({ at: instant, amount: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
      { maxLength: 50 },
    ),
    a: instant,
    b: instant,
    lag,
  })(
    'laggedCostPer sums exactly the entries inside the lagged window',
    ({ entries, a, b, lag }) => {
      const [start, end] = a <= b ? [a, b] : [b, a];
      const result = laggedCostPer({
        spend: entries,
        count: 10,
        window: { start, end },
        lagDays: lag,
      });
      const lo = start - lag * 86_400_000;
      const hi = end - lag * 86_400_000;
      const expected = entries
        .filter((e) => e.at >= lo && e.at < hi)
        .reduce((s, e) => s + e.amount, 0);
      expect(result.spend).toBeCloseTo(expected, 3);
      expect(result.costPer).toBe(result.spend / 10);
    },
  );

  test.prop({
    customers: fc.integer({ min: 0, max: 10_000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    salesModel: fc.constantFrom('field' as const, 'inside' as const),
  })(
    'marketingSourcedShare positions the share against its band',
    ({ customers, share, salesModel }) => {
      const marketingSourced = Math.floor(share * customers);
      const result = marketingSourcedShare({ marketingSourced, customers, salesModel });
      if (result.share === null) {
        expect(customers).toBe(0);
        return;
      }
      // The bands DESIGN states, compared in exact integers: field 20–40 %, inside 40–80 %
      // (m ÷ c < 0.2 ⇔ 5m < c, and so on).
      const [low, high] = salesModel === 'field' ? [1, 2] : [2, 4];
      const fifths = 5 * marketingSourced;
      const expected =
        fifths < low * customers ? 'below' : fifths > high * customers ? 'above' : 'within';
      expect(result.position).toBe(expected);
      expect(result.benchmark).toEqual(
        salesModel === 'field' ? { low: 0.2, high: 0.4 } : { low: 0.4, high: 0.8 },
      );
      expect(result.interval.low).toBeLessThanOrEqual(result.share);
      expect(result.interval.high).toBeGreaterThanOrEqual(result.share);
    },
  );
});
