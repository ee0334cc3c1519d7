// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { funnelEfficiency } from '../../src/funnel/funnelEfficiency';
import { deepFreeze, expectLeadMathError } from '../_helpers';

const sample = deepFreeze([
  { stage: 'lead', count: 8000 },
  { stage: 'mql', count: 2000 },
  { stage: 'sql', count: 400 },
  { stage: 'customer', count: 100 },
]);

describe('funnelEfficiency', () => {
  it('computes each step as the lower count over the upper one', () => {
    const { steps } = funnelEfficiency(sample);
    expect(steps.map((s) => [s.from, s.to, s.entered, s.advanced, s.rate])).toEqual([
      ['lead', 'mql', 8000, 2000, 0.25],
      ['mql', 'sql', 2000, 400, 0.2],
      ['sql', 'customer', 400, 100, 0.25],
    ]);
  });

  it('reports the overall rate from first to last stage (1.25 %, inside the usual 2–5 % band? no: below it)', () => {
    const { overall } = funnelEfficiency(sample);
    expect(overall.from).toBe('lead');
    expect(overall.to).toBe('customer');
    expect(overall.rate).toBe(100 / 8000);
    // textbook Wilson formula in Python for 100 / 8000
    expect(overall.interval.low).toBeCloseTo(0.01028874626116762, 12);
    expect(overall.interval.high).toBeCloseTo(0.01517920682978836, 12);
  });

  it('attaches Wilson intervals at the requested confidence to every step', () => {
    const { steps } = funnelEfficiency(sample, { confidence: 0.95 });
    expect(steps[0]!.interval.low).toBeCloseTo(0.2406328716481283, 12);
    expect(steps[0]!.interval.high).toBeCloseTo(0.2596071042959516, 12);
    expect(steps[1]!.interval.low).toBeCloseTo(0.18305203450854435, 12);
    expect(steps[2]!.interval.high).toBeCloseTo(0.2946771329306741, 12);
  });

  it('gives a null rate after an empty stage', () => {
    const { steps } = funnelEfficiency([
      { stage: 'mql', count: 3 },
      { stage: 'sql', count: 0 },
      { stage: 'customer', count: 0 },
    ]);
    expect(steps[0]!.rate).toBe(0);
    expect(steps[1]!.rate).toBeNull();
  });

  it('does not mutate its input (deep-frozen fixture)', () => {
    expect(() => funnelEfficiency(sample)).not.toThrow();
    expect(sample[1]).toEqual({ stage: 'mql', count: 2000 });
  });

  describe('bad input', () => {
    it('throws INCONSISTENT_COUNTS when a stage has more leads than the one above', () => {
      const error = expectLeadMathError(
        () =>
          funnelEfficiency([
            { stage: 'mql', count: 100 },
            { stage: 'sql', count: 120 },
          ]),
        'INCONSISTENT_COUNTS',
        'counts[1].count',
      );
      expect(error.message).toContain('counts[1].count must be ≤ counts[0].count (100), got 120');
    });

    it('throws INVALID_ARGUMENT for fewer than two stages or a non-array', () => {
      expectLeadMathError(
        () => funnelEfficiency([{ stage: 'mql', count: 1 }]),
        'INVALID_ARGUMENT',
        'counts',
      );
      expectLeadMathError(() => funnelEfficiency({} as never), 'INVALID_ARGUMENT', 'counts');
    });

    it('throws INVALID_ARGUMENT for a repeated, empty or missing stage name', () => {
      expectLeadMathError(
        () =>
          funnelEfficiency([
            { stage: 'mql', count: 2 },
            { stage: 'mql', count: 1 },
          ]),
        'INVALID_ARGUMENT',
        'counts[1].stage',
      );
      expectLeadMathError(
        () =>
          funnelEfficiency([
            { stage: '', count: 2 },
            { stage: 'sql', count: 1 },
          ]),
        'INVALID_ARGUMENT',
        'counts[0].stage',
      );
      expectLeadMathError(
        () => funnelEfficiency([null, { stage: 'sql', count: 1 }] as never),
        'INVALID_ARGUMENT',
        'counts[0]',
      );
    });

    it('throws INVALID_COUNT for a bad count', () => {
      expectLeadMathError(
        () =>
          funnelEfficiency([
            { stage: 'mql', count: 2.5 },
            { stage: 'sql', count: 1 },
          ]),
        'INVALID_COUNT',
        'counts[0].count',
      );
    });
  });
});

describe('funnelEfficiency messages', () => {
  it('names itself in errors', () => {
    const error = expectLeadMathError(
      () =>
        funnelEfficiency([
          { stage: 'a', count: 1 },
          { stage: 'b', count: 2 },
        ]),
      'INCONSISTENT_COUNTS',
      'counts[1].count',
    );
    expect(error.details.function).toBe('funnelEfficiency');
    expect(error.message.startsWith('funnelEfficiency: ')).toBe(true);
  });
});
