import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { planWithConfidence } from '../../src/plan/planWithConfidence';
import { bigRatio } from '../_helpers/bigRatio';

// Exact oracles in BigInt, written apart from the library: rates are whole
// percents, so P(X < t) for X ~ Binomial(n, a / 100) is a ratio of integers;
// a beta-binomial with integer α, β likewise.

/** P(X ≥ t), X ~ Binomial(n, num / den). */
function binomialAtLeast(t: number, n: number, num: bigint, den: bigint): number {
  if (t > n) return 0;
  const total = den ** BigInt(n);
  let below = 0n;
  let choose = 1n;
  for (let j = 0; j < t; j++) {
    below += choose * num ** BigInt(j) * (den - num) ** BigInt(n - j);
    choose = (choose * BigInt(n - j)) / BigInt(j + 1);
  }
  return bigRatio(total - below, total);
}

/** P(X ≥ t), X ~ BetaBinomial(n, α, β): C(n, j) α⁽ʲ⁾ β⁽ⁿ⁻ʲ⁾ / (α + β)⁽ⁿ⁾. */
function betaBinomialAtLeast(t: number, n: number, alpha: number, beta: number): number {
  if (t > n) return 0;
  const rise = (x: number, k: number) => {
    let r = 1n;
    for (let i = 0; i < k; i++) r *= BigInt(x + i);
    return r;
  };
  const total = rise(alpha + beta, n);
  let below = 0n;
  let choose = 1n;
  let up = 1n; // α⁽ʲ⁾
  let down = rise(beta, n); // β⁽ⁿ⁻ʲ⁾
  for (let j = 0; j < t; j++) {
    below += choose * up * down;
    choose = (choose * BigInt(n - j)) / BigInt(j + 1);
    up *= BigInt(alpha + j);
    down /= BigInt(beta + n - j - 1);
  }
  return bigRatio(total - below, total);
}

const TIE = 1e-9;
const confidence = fc.double({ min: 0.05, max: 0.99, noNaN: true });

describe('planWithConfidence finds the smallest top count', () => {
  test.prop({
    target: fc.integer({ min: 1, max: 25 }),
    percents: fc.array(fc.integer({ min: 8, max: 100 }), { minLength: 1, maxLength: 2 }),
    confidence,
  })(
    'with rates: P(top) reaches the confidence and P(top − 1) does not',
    ({ target, percents, confidence }) => {
      const stages = ['s0', ...percents.map((_, i) => `s${i + 1}`)];
      const plan = planWithConfidence({
        stages,
        rates: percents.map((p) => p / 100),
        target,
        confidence,
      });
      const top = plan.stages[0]!.required;
      const num = percents.reduce((a, p) => a * BigInt(p), 1n);
      const den = 100n ** BigInt(percents.length);
      const at = binomialAtLeast(target, top, num, den);
      expect(at).toBeGreaterThanOrEqual(confidence - TIE);
      expect(binomialAtLeast(target, top - 1, num, den)).toBeLessThan(confidence + TIE);
      expect(Math.abs(plan.probability - at)).toBeLessThan(1e-9);
    },
  );

  test.prop({
    target: fc.integer({ min: 1, max: 20 }),
    entered: fc.integer({ min: 2, max: 60 }),
    share: fc.double({ min: 0.15, max: 1, noNaN: true }),
    confidence,
  })(
    'with one step of evidence: the same against the exact beta-binomial',
    ({ target, entered, share, confidence }) => {
      const advanced = Math.max(1, Math.round(entered * share));
      const plan = planWithConfidence({
        stages: ['a', 'b'],
        evidence: [{ entered, advanced }],
        target,
        confidence,
      });
      const top = plan.stages[0]!.required;
      const alpha = advanced + 1;
      const beta = entered - advanced + 1;
      const at = betaBinomialAtLeast(target, top, alpha, beta);
      expect(at).toBeGreaterThanOrEqual(confidence - TIE);
      expect(betaBinomialAtLeast(target, top - 1, alpha, beta)).toBeLessThan(confidence + TIE);
      expect(Math.abs(plan.probability - at)).toBeLessThan(1e-9);
    },
  );
});
