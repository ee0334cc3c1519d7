// @ts-nocheck
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { funnelEfficiency } from '../../src/funnel/funnelEfficiency';
import { stageEfficiency } from '../../src/funnel/stageEfficiency';
import { wilsonInterval } from '../../src/funnel/wilsonInterval';
import { catchLeadMathError, deepFreeze } from '../_helpers';

/** `{ trials, successes }` with successes ≤ trials (and trials ≥ minTrials). */
const counts = (maxTrials: number, minTrials = 0) =>
  fc
    .integer({ min: minTrials, max: maxTrials })
    .chain((trials) =>
      fc.record({ trials: fc.constant(trials), successes: fc.integer({ min: 0, max: trials }) }),
    );

const confidence = fc.double({ min: 0.5, max: 0.999999, noNaN: true });

/** a ≤ b up to floating-point rounding (a few units in the last place). */
const ROUNDING = 1e-14;

describe('properties', () => {
  test.prop({ c: counts(1e7), confidence })(
    'the Wilson interval lies in [0, 1] and contains the observed rate',
    ({ c, confidence }) => {
      const { low, high } = wilsonInterval(c.successes, c.trials, confidence);
      expect(low).toBeGreaterThanOrEqual(0);
      expect(high).toBeLessThanOrEqual(1);
      if (c.trials > 0) {
        const rate = c.successes / c.trials;
        expect(low).toBeLessThanOrEqual(rate);
        expect(high).toBeGreaterThanOrEqual(rate);
      }
    },
  );

  test.prop({ c: counts(1e5, 1), k: fc.integer({ min: 2, max: 1000 }), confidence })(
    'the Wilson interval narrows as n grows at a fixed rate',
    ({ c, k, confidence }) => {
      const small = wilsonInterval(c.successes, c.trials, confidence);
      const large = wilsonInterval(c.successes * k, c.trials * k, confidence);
      expect(large.high - large.low).toBeLessThan(small.high - small.low);
    },
  );

  test.prop({ c: counts(1e5), a: confidence, b: confidence })(
    'a higher confidence never gives a narrower interval',
    ({ c, a, b }) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const narrow = wilsonInterval(c.successes, c.trials, lo);
      const wide = wilsonInterval(c.successes, c.trials, hi);
      expect(wide.low).toBeLessThanOrEqual(narrow.low * (1 + ROUNDING));
      expect(wide.high).toBeGreaterThanOrEqual(narrow.high * (1 - ROUNDING));
    },
  );

  test.prop({ c: counts(1e6) })(
    'the interval is symmetric: swapping successes and failures mirrors it',
    ({ c }) => {
      const a = wilsonInterval(c.successes, c.trials);
      const b = wilsonInterval(c.trials - c.successes, c.trials);
      expect(a.low).toBeCloseTo(1 - b.high, 12);
      expect(a.high).toBeCloseTo(1 - b.low, 12);
    },
  );

  test.prop({ c: counts(1e6) })('stage efficiency rates lie in [0, 1] or are null', ({ c }) => {
    const { rate } = stageEfficiency(c.trials, c.successes);
    if (c.trials === 0) expect(rate).toBeNull();
    else expect(rate).toBe(c.successes / c.trials);
  });

  test.prop({
    sizes: fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 2, maxLength: 8 }),
  })('funnel steps chain: each step advances into the next one', ({ sizes }) => {
    const sorted = [...sizes].sort((a, b) => b - a);
    const counts = deepFreeze(sorted.map((count, i) => ({ stage: `s${i}`, count })));
    const { steps, overall } = funnelEfficiency(counts);
    expect(steps).toHaveLength(counts.length - 1);
    for (let i = 0; i + 1 < steps.length; i++) {
      expect(steps[i]!.advanced).toBe(steps[i + 1]!.entered);
    }
    expect(overall.entered).toBe(sorted[0]);
    expect(overall.advanced).toBe(sorted.at(-1));
  });

  test.prop({
    entered: fc.integer({ min: 0, max: 1000 }),
    extra: fc.integer({ min: 1, max: 1000 }),
  })('more advanced than entered always throws INCONSISTENT_COUNTS', ({ entered, extra }) => {
    expect(catchLeadMathError(() => stageEfficiency(entered, entered + extra)).code).toBe(
      'INCONSISTENT_COUNTS',
    );
  });

  test.prop({
    bad: fc.oneof(
      fc.double({ noInteger: true }),
      fc.integer({ max: -1 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e300),
    ),
  })('any non-count throws INVALID_COUNT', ({ bad }) => {
    expect(catchLeadMathError(() => stageEfficiency(bad, 0)).code).toBe('INVALID_COUNT');
    expect(catchLeadMathError(() => wilsonInterval(0, bad)).code).toBe('INVALID_COUNT');
  });
});
