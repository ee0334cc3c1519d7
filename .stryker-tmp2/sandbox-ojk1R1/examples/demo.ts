/**
 * leadmath demo: plan a $10M year backwards through the funnel with pass rates
 * measured on last quarter's sample data, for the average and for a 90 %
 * chance of hitting it, then check one month's MQL → SQL efficiency with its
 * confidence interval.
 *
 * Run with `npm run demo` (it builds the package first and imports it by name).
 */
// @ts-nocheck

import { funnelEfficiency, planWithConfidence, reversePlan, stageEfficiency } from 'leadmath';

// Embedded sample data: last quarter's funnel, counted per stage.
const lastQuarter = [
  { stage: 'lead', count: 12_400 },
  { stage: 'mql', count: 3_100 },
  { stage: 'sql', count: 620 },
  { stage: 'customer', count: 155 },
] as const;

// One month of hand-offs: MQLs passed to sales, and how many sales turned into SQLs.
const november = { mqls: 1_130, sqls: 214 };

const revenueTarget = 10_000_000;
const averageDealSize = 50_000;

const int = new Intl.NumberFormat('en-US');
const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

// 1. Measure the pass rates of last quarter.
const stages = lastQuarter.map((s) => s.stage);
const measured = funnelEfficiency(lastQuarter);
const rates = measured.steps.map((step) => step.rate ?? 0);

// 2. Plan backwards from revenue with those rates: the average plan...
const plan = reversePlan({ stages, rates, revenue: revenueTarget, averageDealSize });
// ...a plan with a 90 % chance of reaching the same number of deals...
const confident = planWithConfidence({ stages, rates, target: plan.target, confidence: 0.9 });
// ...and the same, treating last quarter's rates as estimates rather than facts.
const cautious = planWithConfidence({
  stages,
  evidence: measured.steps.map((s) => ({ entered: s.entered, advanced: s.advanced })),
  target: plan.target,
  confidence: 0.9,
});

console.log(
  `Reverse plan: ${money.format(revenueTarget)} at ${money.format(averageDealSize)} a deal = ${int.format(plan.target)} deals`,
);
console.log('');
const header = ['stage', 'rate to next', 'average', '90% chance', '90%, rates uncertain'];
const widths = [10, 14, 10, 12, 23];
const row = (cells: string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('');
console.log(row(header));
plan.stages.forEach(({ stage, required, rate }, i) => {
  console.log(
    row([
      stage,
      pct(rate),
      int.format(required),
      int.format(confident.stages[i]!.required),
      int.format(cautious.stages[i]!.required),
    ]),
  );
});
console.log('');
console.log(
  `The average plan reaches ${int.format(plan.target)} deals about half the time; ` +
    `${int.format(confident.stages[0]!.required)} leads give a ${pct(confident.probability)} chance ` +
    `(${int.format(cautious.stages[0]!.required)} if last quarter's rates are only estimates).`,
);
console.log(
  `Last quarter converted ${pct(measured.overall.rate)} of leads into customers ` +
    `(95% interval ${pct(measured.overall.interval.low)}–${pct(measured.overall.interval.high)}; 2–5% is usual).`,
);

// 3. One month's MQL → SQL efficiency: SQLs ÷ MQLs, never MQLs ÷ SQLs.
const month = stageEfficiency(november.mqls, november.sqls);
console.log('');
console.log(
  `November MQL → SQL efficiency: ${int.format(month.advanced)} of ${int.format(month.entered)} MQLs = ${pct(month.rate)} ` +
    `(95% interval ${pct(month.interval.low)}–${pct(month.interval.high)}, ${month.interval.method}).`,
);
