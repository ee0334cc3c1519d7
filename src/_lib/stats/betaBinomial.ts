import { betaBinomialLowerTail, DIRECT_ALPHA_MAX, DIRECT_TAIL_MAX } from './special';

/**
 * Exact distribution of the bottom of a funnel whose pass rates are uncertain.
 *
 * With independent Beta(αₖ, βₖ) rates, the count after step k given the
 * count before it is BetaBinomial(Xₖ₋₁, αₖ, βₖ), and the counts form a Markov
 * chain. Each pmf is built from the ratio of consecutive terms, walking out
 * from the mean until terms fall below 1e-18 of the peak, and normalised over
 * that support: no log-gamma differences, so no cancellation for large counts.
 */

const CUTOFF = 1e-18;

/** Beta posterior parameters of one step. */
export interface BetaParameters {
  readonly alpha: number;
  readonly beta: number;
}

/** A pmf over the integers `lo .. lo + p.length − 1`. */
export interface Pmf {
  readonly lo: number;
  readonly p: Float64Array;
}

/** Raised when the exact computation would exceed its work budget. */
export class WorkBudgetExceeded extends Error {}

/** A shared allowance of pmf terms, spent across several evaluations. */
export interface WorkBudget {
  remaining: number;
}

/** Width, in standard deviations, of the support the pmfs keep (1e-18 tails). */
const SUPPORT_SDS = 18;

/**
 * Mean and variance of the count after each step when n leads enter, by the
 * laws of total expectation and variance (beta-binomial steps).
 */
export function chainMoments(
  n: number,
  steps: readonly BetaParameters[],
): { mean: number; variance: number; work: number } {
  let mean = n;
  let variance = 0;
  let work = 0;
  for (const { alpha, beta } of steps) {
    const s = alpha + beta;
    const mu = alpha / s;
    // Var(X | m) = m μ(1 − μ)(s + m) / (s + 1), averaged over m: E[m(s + m)]
    // = s·E[m] + E[m]² + Var(m).
    const stepVariance = (mu * (1 - mu) * (s * mean + mean * mean + variance)) / (s + 1);
    // Terms computed: (support of the count before) × (support of one step's pmf).
    work += (SUPPORT_SDS * Math.sqrt(variance) + 1) * (SUPPORT_SDS * Math.sqrt(stepVariance) + 1);
    variance = stepVariance + mu * mu * variance;
    mean *= mu;
  }
  return { mean, variance, work };
}

/** pmf of BetaBinomial(m, α, β) over its significant support (α, β ≥ 1). */
export function betaBinomialPmf(m: number, alpha: number, beta: number): Pmf {
  if (m === 0) return { lo: 0, p: Float64Array.of(1) };
  const start = Math.min(m, Math.max(0, Math.round((m * alpha) / (alpha + beta))));
  const up: number[] = [];
  const down: number[] = [];
  // Upward: P(j+1)/P(j) = (m − j)(j + α) / ((j + 1)(m − j − 1 + β)).
  let peak = 1;
  let term = 1;
  for (let j = start; j < m; j++) {
    term *= ((m - j) * (j + alpha)) / ((j + 1) * (m - j - 1 + beta));
    if (term > peak) peak = term;
    if (term < CUTOFF * peak) break;
    up.push(term);
  }
  // Downward: P(j−1)/P(j) = j (m − j + β) / ((m − j + 1)(j − 1 + α)).
  term = 1;
  for (let j = start; j > 0; j--) {
    term *= (j * (m - j + beta)) / ((m - j + 1) * (j - 1 + alpha));
    if (term > peak) peak = term;
    if (term < CUTOFF * peak) break;
    down.push(term);
  }
  const p = new Float64Array(down.length + 1 + up.length);
  let k = 0;
  for (let i = down.length - 1; i >= 0; i--) p[k++] = down[i]!;
  p[k++] = 1;
  for (const t of up) p[k++] = t;
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += p[i]!;
  for (let i = 0; i < p.length; i++) p[i]! /= sum;
  return { lo: start - down.length, p };
}

/**
 * P(X_K ≥ target) when n leads enter and pass the steps (at least one) in turn.
 * Spends `budget.remaining` by the pmf terms computed, and throws
 * {@link WorkBudgetExceeded} when it runs out.
 */
export function betaBinomialChainUpperTail(
  n: number,
  steps: readonly BetaParameters[],
  target: number,
  budget: WorkBudget,
): number {
  let dist: Pmf = { lo: n, p: Float64Array.of(1) };
  const last = steps[steps.length - 1]!;
  // A small target: the last step as a lower tail per count, O(target + α)
  // each, instead of its whole pmf.
  const direct = target <= DIRECT_TAIL_MAX && last.alpha <= DIRECT_ALPHA_MAX;
  const chain = direct ? steps.slice(0, -1) : steps;
  for (const { alpha, beta } of chain) {
    const { lo, p } = dist;
    // Skip counts of negligible weight; find the support of the next pmf.
    let first = 0;
    while (first < p.length - 1 && p[first]! < CUTOFF) first++;
    let last = p.length - 1;
    while (last > first && p[last]! < CUTOFF) last--;
    const low = betaBinomialPmf(lo + first, alpha, beta);
    const high = betaBinomialPmf(lo + last, alpha, beta);
    const nextLo = low.lo;
    const next = new Float64Array(high.lo + high.p.length - nextLo);
    for (let i = first; i <= last; i++) {
      const weight = p[i]!;
      if (weight < CUTOFF) continue;
      const pmf = betaBinomialPmf(lo + i, alpha, beta);
      budget.remaining -= pmf.p.length;
      if (budget.remaining < 0) throw new WorkBudgetExceeded();
      const offset = pmf.lo - nextLo;
      for (let j = 0; j < pmf.p.length; j++) next[offset + j]! += weight * pmf.p[j]!;
    }
    dist = { lo: nextLo, p: next };
  }
  if (direct) {
    let tail = 0;
    for (let i = dist.p.length - 1; i >= 0 && dist.lo + i >= target; i--) {
      const weight = dist.p[i]!;
      if (weight < CUTOFF) continue;
      budget.remaining -= target + last.alpha;
      if (budget.remaining < 0) throw new WorkBudgetExceeded();
      tail += weight * (1 - betaBinomialLowerTail(target, dist.lo + i, last.alpha, last.beta));
    }
    return Math.min(1, tail);
  }
  // Sum the upper tail, smallest terms first for accuracy.
  let tail = 0;
  for (let i = dist.p.length - 1; i >= 0 && dist.lo + i >= target; i--) tail += dist.p[i]!;
  return Math.min(1, tail);
}
