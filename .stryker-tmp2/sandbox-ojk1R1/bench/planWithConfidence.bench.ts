/**
 * planWithConfidence for 100,000 customers at 0.99 confidence (lead → MQL →
 * SQL → customer at 25 %, 20 %, 25 %), against a peer in the same run: the
 * same bisection, but with the binomial tail summed term by term in log space
 * (what a careful hand-written version does). Both must give the same plan.
 */
// @ts-nocheck

import { planWithConfidence } from 'leadmath';
import { median, report, timeRuns } from './harness';

const stages = ['lead', 'mql', 'sql', 'customer'];
const rates = [0.25, 0.2, 0.25];
const target = 100_000;
const confidence = 0.99;
const p = rates.reduce((a, b) => a * b, 1);

/** ln Γ by Stirling's series with shift; good to ~1e-12 for the peer's purposes. */
function lnGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  return (
    shift +
    (x - 0.5) * Math.log(x) -
    x +
    0.5 * Math.log(2 * Math.PI) +
    inv / 12 -
    inv ** 3 / 360 +
    inv ** 5 / 1260
  );
}

/** P(X ≥ k), X ~ Binomial(n, p): 1 − Σ_{j<k} pmf(j), pmf by recurrence from its log at j = 0.. */
function naiveUpperTail(k: number, n: number, prob: number): number {
  const logQ = Math.log1p(-prob);
  const ratio = prob / (1 - prob);
  // start at the mode for stability, then walk down and up to k − 1
  const mode = Math.min(k - 1, Math.floor((n + 1) * prob));
  const logMode =
    lnGamma(n + 1) -
    lnGamma(mode + 1) -
    lnGamma(n - mode + 1) +
    mode * Math.log(prob) +
    (n - mode) * logQ;
  let below = 0;
  let term = Math.exp(logMode);
  for (let j = mode; j >= 0 && term > 0; j--) {
    below += term;
    term *= j / ((n - j + 1) * ratio);
  }
  term = Math.exp(logMode);
  for (let j = mode; j < k - 1; j++) {
    term *= ((n - j) * ratio) / (j + 1);
    below += term;
  }
  return 1 - below;
}

function naivePlan(): number {
  let low = target - 1;
  let high = Math.ceil(target / p);
  while (naiveUpperTail(target, high, p) < confidence) high *= 2;
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2);
    if (naiveUpperTail(target, mid, p) >= confidence) high = mid;
    else low = mid;
  }
  return high;
}

const ours = planWithConfidence({ stages, rates, target, confidence }).stages[0]!.required;
const peer = naivePlan();
if (ours !== peer) throw new Error(`plans differ: leadmath ${ours}, peer ${peer}`);

const leadmathMs = median(
  timeRuns(30, () => planWithConfidence({ stages, rates, target, confidence })),
);
const peerMs = median(timeRuns(30, naivePlan));
report('planWithConfidence: 100,000 customers at 0.99 confidence', [
  { name: 'leadmath planWithConfidence', ms: leadmathMs },
  { name: 'peer: bisection + term-by-term tail', ms: peerMs },
]);
console.log(`plan: ${ours.toLocaleString('en-US')} leads (same in both)`);
