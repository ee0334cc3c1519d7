import { describe, expect, it } from 'vitest';
import { planWithConfidence } from '../../src/plan/planWithConfidence';
import { reversePlan } from '../../src/plan/reversePlan';
import { deepFreeze, expectLeadMathError } from '../_helpers';

// Reference plans: the smallest n found by linear search in Python with
// scipy.stats.binom.sf / betabinom.sf (the two-step evidence chain summed
// over the first step's pmf).
const stages = ['mql', 'sql', 'customer'];

describe('planWithConfidence', () => {
  describe('with known rates (binomial)', () => {
    it('needs 4,357 MQLs for a 90 % chance at 200 deals, against 4,000 on average', () => {
      const plan = planWithConfidence({ stages, rates: [0.2, 0.25], target: 200, confidence: 0.9 });
      expect(plan.method).toBe('binomial');
      expect(plan.stages[0]!.required).toBe(4357);
      expect(plan.probability).toBeCloseTo(0.9001732729615166, 12);
      expect(reversePlan({ stages, rates: [0.2, 0.25], target: 200 }).stages[0]!.required).toBe(
        4000,
      );
    });

    it('gives expected counts below the top, rounded up as reversePlan rounds', () => {
      const plan = planWithConfidence({ stages, rates: [0.2, 0.25], target: 200, confidence: 0.9 });
      // 4357 × 0.2 = 871.4 → 872; 871.4 × 0.25 = 217.85 → 218
      expect(plan.stages.map((s) => s.required)).toEqual([4357, 872, 218]);
      expect(plan.stages[1]!.expected).toBeCloseTo(871.4, 9);
      expect(plan.stages.map((s) => s.rate)).toEqual([0.2, 0.25, null]);
    });

    it('lands at 3,994 for confidence 0.5, within 0.2 % of the average plan', () => {
      const plan = planWithConfidence({ stages, rates: [0.2, 0.25], target: 200, confidence: 0.5 });
      expect(plan.stages[0]!.required).toBe(3994);
    });

    it('plans 100,000 customers at 0.99 exactly as scipy', () => {
      const plan = planWithConfidence({
        stages: ['lead', 'mql', 'sql', 'customer'],
        rates: [0.25, 0.2, 0.25],
        target: 100_000,
        confidence: 0.99,
      });
      expect(plan.stages[0]!.required).toBe(8_058_600);
      expect(plan.probability).toBeCloseTo(0.9900001392762804, 12);
    });

    it('handles small targets: 3 deals at 10 % with 95 % confidence need 61 SQLs', () => {
      const plan = planWithConfidence({
        stages: ['sql', 'customer'],
        rates: [0.1],
        target: 3,
        confidence: 0.95,
      });
      expect(plan.stages[0]!.required).toBe(61);
      expect(plan.probability).toBeCloseTo(0.9508817184690055, 12);
    });

    it('needs no leads for a zero target and exactly the target at 100 % rates', () => {
      expect(
        planWithConfidence({ stages, rates: [0.2, 0.25], target: 0, confidence: 0.99 }).stages[0]!
          .required,
      ).toBe(0);
      const certain = planWithConfidence({ stages, rates: [1, 1], target: 7, confidence: 0.99 });
      expect(certain.stages[0]!.required).toBe(7);
      expect(certain.probability).toBe(1);
    });
  });

  describe('with evidence (beta-binomial)', () => {
    it('plans from one step of evidence exactly as scipy betabinom', () => {
      const plan = planWithConfidence({
        stages: ['sql', 'customer'],
        evidence: [{ entered: 100, advanced: 25 }],
        target: 50,
        confidence: 0.8,
      });
      expect(plan.method).toBe('beta-binomial');
      expect(plan.stages[0]!.required).toBe(235);
      expect(plan.probability).toBeCloseTo(0.8016095375220602, 11);
      expect(plan.stages[0]!.rate).toBeCloseTo(26 / 102, 15);
    });

    it('plans two steps of evidence: 4,690 MQLs, more than 4,357 with rates known', () => {
      const plan = planWithConfidence({
        stages,
        evidence: [
          { entered: 1000, advanced: 200 },
          { entered: 400, advanced: 100 },
        ],
        target: 200,
        confidence: 0.9,
      });
      expect(plan.stages[0]!.required).toBe(4690);
      expect(plan.probability).toBeCloseTo(0.9001436387780205, 10);
    });
  });

  it('does not mutate its input (deep-frozen fixture)', () => {
    const input = deepFreeze({
      stages: ['a', 'b'],
      evidence: [{ entered: 50, advanced: 10 }],
      target: 5,
      confidence: 0.9,
    });
    expect(() => planWithConfidence(input)).not.toThrow();
  });

  describe('bad input', () => {
    it('throws INVALID_RATE for a confidence outside (0, 1)', () => {
      for (const confidence of [0, 1, 1.2, -0.1, Number.NaN]) {
        expectLeadMathError(
          () => planWithConfidence({ stages, rates: [0.2, 0.25], target: 200, confidence }),
          'INVALID_RATE',
          'confidence',
        );
      }
    });

    it('throws INVALID_ARGUMENT for both or neither of rates and evidence', () => {
      expectLeadMathError(
        () => planWithConfidence({ stages, target: 2, confidence: 0.9 } as never),
        'INVALID_ARGUMENT',
        'input',
      );
      expectLeadMathError(
        () =>
          planWithConfidence({
            stages,
            rates: [0.5, 0.5],
            evidence: [],
            target: 2,
            confidence: 0.9,
          } as never),
        'INVALID_ARGUMENT',
        'input',
      );
    });

    it('throws INCONSISTENT_COUNTS and INVALID_COUNT for bad evidence', () => {
      expectLeadMathError(
        () =>
          planWithConfidence({
            stages: ['a', 'b'],
            evidence: [{ entered: 10, advanced: 11 }],
            target: 2,
            confidence: 0.9,
          }),
        'INCONSISTENT_COUNTS',
        'evidence[0].advanced',
      );
      expectLeadMathError(
        () =>
          planWithConfidence({
            stages: ['a', 'b'],
            evidence: [{ entered: -1, advanced: 0 }],
            target: 2,
            confidence: 0.9,
          }),
        'INVALID_COUNT',
        'evidence[0].entered',
      );
      expectLeadMathError(
        () =>
          planWithConfidence({
            stages,
            evidence: [{ entered: 1, advanced: 1 }],
            target: 2,
            confidence: 0.9,
          }),
        'INVALID_ARGUMENT',
        'evidence.length',
      );
    });

    it('throws INVALID_COUNT for a bad target and INVALID_RATE for a bad rate', () => {
      expectLeadMathError(
        () => planWithConfidence({ stages, rates: [0.2, 0.25], target: 1.5, confidence: 0.9 }),
        'INVALID_COUNT',
        'target',
      );
      expectLeadMathError(
        () => planWithConfidence({ stages, rates: [0.2, 0], target: 10, confidence: 0.9 }),
        'INVALID_RATE',
        'rates[1]',
      );
    });

    it('throws INVALID_NUMBER when the plan exceeds the safe integers', () => {
      expectLeadMathError(
        () =>
          planWithConfidence({
            stages: ['a', 'b', 'c'],
            rates: [1e-9, 1e-9],
            target: 1_000_000,
            confidence: 0.9,
          }),
        'INVALID_NUMBER',
        'target',
      );
    });

    it('refuses an evidence plan too large for the exact method instead of hanging', () => {
      expectLeadMathError(
        () =>
          planWithConfidence({
            stages: ['a', 'b', 'c'],
            evidence: [
              { entered: 100, advanced: 20 },
              { entered: 100, advanced: 20 },
            ],
            target: 1_000_000,
            confidence: 0.9,
          }),
        'INVALID_ARGUMENT',
        'evidence[0]',
      );
    });
  });
});

describe('planWithConfidence accuracy at the edges', () => {
  // Reference values: mpmath at 40 digits and scipy.stats.betabinom, e.g.
  //   from mpmath import mp, binomial, beta as B; mp.dps = 40
  //   bb = lambda k, n, a, b: 1 - sum(binomial(n, x) * B(x + a, n - x + b) / B(a, b) for x in range(k))
  //   bb(2, 88, 2, 5)       # 0.99000328250425…;  bb(2, 87, 2, 5) = 0.98978931307122…
  //   bb(2, 18506, 1, 1001) # 0.90000089933459…;  bb(2, 18505, 1, 1001) = 0.89999590763428…
  //   p = mpf('1e-7'); 1 - (1-p)**n - n*p*(1-p)**(n-1) at n = 66383518: 0.99000000012100…,
  //   at n = 66383517: 0.98999999925192…
  //   two steps (scipy): sum(betabinom.pmf(j, n, 2, 5) * betabinom.sf(1, j, 4, 8)) at 363: 0.9900068037375…,
  //   at 362: 0.98995705396995…; with (1, 1001) then (4, 8), target 5, by the same sum in
  //   mpmath (pmf ratios at 30 digits; scipy's betabinom is off by 6e-11 there):
  //   168826 → 0.900000320494430819…, 168825 → 0.899999774932770578…
  const cases = [
    {
      evidence: [{ entered: 5, advanced: 1 }],
      target: 2,
      confidence: 0.99,
      n: 88,
      p: 0.9900032825042523,
    },
    {
      evidence: [{ entered: 1000, advanced: 0 }],
      target: 2,
      confidence: 0.9,
      n: 18_506,
      p: 0.900000899334598,
    },
    {
      evidence: [
        { entered: 5, advanced: 1 },
        { entered: 10, advanced: 3 },
      ],
      target: 2,
      confidence: 0.99,
      n: 363,
      p: 0.990006803737556,
    },
    {
      evidence: [
        { entered: 1000, advanced: 0 },
        { entered: 10, advanced: 3 },
      ],
      target: 5,
      confidence: 0.9,
      n: 168_826,
      p: 0.9000003204944308,
    },
  ];
  for (const c of cases) {
    it(`plans ${c.n} for evidence ${JSON.stringify(c.evidence)}, target ${c.target}, confidence ${c.confidence}`, () => {
      const stages = ['a', 'b', 'c'].slice(0, c.evidence.length + 1);
      const plan = planWithConfidence({
        stages,
        evidence: c.evidence,
        target: c.target,
        confidence: c.confidence,
      });
      expect(plan.stages[0]!.required).toBe(c.n);
      expect(plan.probability).toBeCloseTo(c.p, 10);
    });
  }

  it('plans 66,383,518 for a rate of 1e-7, not one short', () => {
    const plan = planWithConfidence({
      stages: ['a', 'b'],
      rates: [1e-7],
      target: 2,
      confidence: 0.99,
    });
    expect(plan.stages[0]!.required).toBe(66_383_518);
    expect(plan.probability).toBeCloseTo(0.9900000001210092, 12);
  });

  it('plans 1 at an exact tie (rate 0.5, confidence 0.5, target 1)', () => {
    const plan = planWithConfidence({
      stages: ['a', 'b'],
      rates: [0.5],
      target: 1,
      confidence: 0.5,
    });
    expect(plan.stages[0]!.required).toBe(1);
    expect(plan.probability).toBe(0.5);
  });

  it('refuses evidence too wide for the exact method quickly, naming the step', () => {
    const error = expectLeadMathError(
      () =>
        planWithConfidence({
          stages: ['a', 'b', 'c', 'd'],
          evidence: [
            { entered: 3, advanced: 1 },
            { entered: 2, advanced: 0 },
            { entered: 3, advanced: 0 },
          ],
          target: 20_000,
          confidence: 0.9,
        }),
      'INVALID_ARGUMENT',
    );
    // The step with the fewest observations: 2 entered, Beta(1, 3).
    expect(error.details.path).toBe('evidence[1]');
    expect(error.details.value).toEqual({ entered: 2, advanced: 0 });
    expect(error.message).toContain('evidence narrow enough');
  });

  it('refuses when the evaluations of a search together spend the whole budget', () => {
    // Each evaluation fits under 2e7 terms, but the search needs several of
    // them: the shared budget runs out partway, and the same refusal follows.
    const error = expectLeadMathError(
      () =>
        planWithConfidence({
          stages: ['a', 'b', 'c'],
          evidence: [
            { entered: 800, advanced: 200 },
            { entered: 800, advanced: 200 },
          ],
          target: 1000,
          confidence: 0.9,
        }),
      'INVALID_ARGUMENT',
      'evidence[0]',
    );
    expect(error.message).toContain('evidence narrow enough');
  });
});
