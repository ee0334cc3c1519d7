// @ts-nocheck
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { dealsForRevenue } from '../../src/plan/dealsForRevenue';
import { forwardProjection } from '../../src/plan/forwardProjection';
import { reversePlan } from '../../src/plan/reversePlan';
import { catchLeadMathError, deepFreeze } from '../_helpers';

const TOLERANCE = 1e-9;
// 5 steps at 1 % turn a target of 100,000 into 10¹⁵, inside the safe integers.
const rate = fc.double({ min: 0.01, max: 1, noNaN: true });

/** A funnel of 1–6 stages (at least `minStages`) with matching rates. */
const funnelOf = (minStages: number) =>
  fc.integer({ min: minStages, max: 6 }).chain((n) =>
    fc.record({
      stages: fc.constant(Array.from({ length: n }, (_, i) => `s${i}`)),
      rates: fc.array(rate, { minLength: n - 1, maxLength: n - 1 }),
    }),
  );
const funnel = funnelOf(1);
/** A funnel with at least one step, so that it has a rate to change. */
const steppedFunnel = funnelOf(2);
const target = fc.integer({ min: 0, max: 100_000 });

const required = (plan: ReturnType<typeof reversePlan>) => plan.stages.map((s) => s.required);

describe('properties', () => {
  test.prop({ f: funnel, target })(
    'every stage covers the next one, and lowering any stage by one breaks it',
    ({ f, target }) => {
      const plan = reversePlan({ ...f, target });
      const counts = required(plan);
      expect(counts.at(-1)).toBe(target);
      for (let i = 0; i + 1 < counts.length; i++) {
        const [n, next, r] = [counts[i]!, counts[i + 1]!, f.rates[i]!];
        expect(Number.isSafeInteger(n)).toBe(true);
        expect(n * r).toBeGreaterThanOrEqual(next * (1 - TOLERANCE));
        if (n > 0) expect((n - 1) * r).toBeLessThan(next * (1 - TOLERANCE));
      }
    },
  );

  test.prop({
    ks: fc.array(fc.integer({ min: 10, max: 100 }), { minLength: 1, maxLength: 4 }),
    target: fc.integer({ min: 0, max: 100 }),
  })('equals the exact rational answer when rates are whole percentages', ({ ks, target }) => {
    // Independent: integer arithmetic, ceil(next × 100 / k), no floats involved.
    const exact = [BigInt(target)];
    for (let i = ks.length - 1; i >= 0; i--) {
      const next = exact[0]!;
      const k = BigInt(ks[i]!);
      exact.unshift((next * 100n + k - 1n) / k);
    }
    const plan = reversePlan({
      stages: exact.map((_, i) => `s${i}`),
      rates: ks.map((k) => k / 100),
      target,
    });
    expect(required(plan).map(BigInt)).toEqual(exact);
  });

  test.prop({ f: funnel, target })(
    'forwardProjection ∘ reversePlan reaches the target',
    ({ f, target }) => {
      const plan = reversePlan({ ...f, target });
      const projected = forwardProjection({ ...f, top: plan.stages[0]!.required }).stages;
      const bottom = projected.at(-1)!.expected;
      expect(bottom).toBeGreaterThanOrEqual(
        target * (1 - TOLERANCE) ** f.rates.length * (1 - 1e-12),
      );
      // and every stage of the projection covers the plan's stage (up to the tolerance)
      for (let i = 0; i < projected.length; i++) {
        expect(projected[i]!.expected).toBeGreaterThanOrEqual(
          plan.stages[i]!.required * (1 - TOLERANCE) ** i * (1 - 1e-12),
        );
      }
    },
  );

  test.prop({ f: funnel, a: target, b: target })('is monotone in the target', ({ f, a, b }) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const low = required(reversePlan({ ...f, target: lo }));
    const high = required(reversePlan({ ...f, target: hi }));
    for (const [i, n] of low.entries()) expect(n).toBeLessThanOrEqual(high[i]!);
  });

  test.prop({ f: steppedFunnel, target, index: fc.nat(), other: rate })(
    'raising any one rate never raises any stage',
    ({ f, target, index, other }) => {
      const i = index % f.rates.length;
      const [lo, hi] = f.rates[i]! <= other ? [f.rates[i]!, other] : [other, f.rates[i]!];
      const withRate = (r: number) => f.rates.map((x, j) => (j === i ? r : x));
      const slow = required(reversePlan({ stages: f.stages, rates: withRate(lo), target }));
      const fast = required(reversePlan({ stages: f.stages, rates: withRate(hi), target }));
      for (const [j, n] of fast.entries()) expect(n).toBeLessThanOrEqual(slow[j]!);
    },
  );

  test.prop({ f: funnel, target })('does not mutate deep-frozen input', ({ f, target }) => {
    const input = deepFreeze({ ...f, target });
    const copy = structuredClone(input);
    reversePlan(input);
    forwardProjection({ stages: input.stages, rates: input.rates, top: target });
    expect(input).toEqual(copy);
  });

  test.prop({
    f: steppedFunnel,
    target,
    index: fc.nat(),
    bad: fc.oneof(
      fc.double({ min: 1.0000001, max: 1e6, noNaN: true }),
      fc.double({ min: -1e6, max: 0, noNaN: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    ),
  })('any rate outside (0, 1] throws INVALID_RATE naming it', ({ f, target, index, bad }) => {
    const i = index % f.rates.length;
    const rates = f.rates.map((x, j) => (j === i ? bad : x));
    const error = catchLeadMathError(() => reversePlan({ stages: f.stages, rates, target }));
    expect(error.code).toBe('INVALID_RATE');
    expect(error.details.path).toBe(`rates[${i}]`);
  });

  test.prop({
    cents: fc.integer({ min: 1, max: 100_000_000 }),
    k: fc.integer({ min: 0, max: 100_000 }),
  })(
    'a revenue of exactly k deals needs exactly k deals, whatever the float noise',
    ({ cents, k }) => {
      const size = cents / 100;
      expect(dealsForRevenue(k * size, size)).toBe(k);
    },
  );

  test.prop({
    revenue: fc.double({ min: 0, max: 1e12, noNaN: true }),
    size: fc.double({ min: 0.01, max: 1e7, noNaN: true }),
  })('dealsForRevenue is the smallest count that covers the revenue', ({ revenue, size }) => {
    const d = dealsForRevenue(revenue, size);
    expect(d * size).toBeGreaterThanOrEqual(revenue * (1 - TOLERANCE));
    if (d > 0) expect((d - 1) * size).toBeLessThan(revenue * (1 - TOLERANCE));
  });

  test.prop({ f: funnel, top: fc.double({ min: 0, max: 1e9, noNaN: true }) })(
    'forwardProjection never grows down the funnel',
    ({ f, top }) => {
      const { stages } = forwardProjection({ ...f, top });
      expect(stages[0]!.expected).toBe(top);
      for (let i = 0; i + 1 < stages.length; i++) {
        expect(stages[i + 1]!.expected).toBeLessThanOrEqual(stages[i]!.expected);
      }
    },
  );
});
