// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { stageEfficiency } from '../../src/funnel/stageEfficiency';
import { wilsonInterval } from '../../src/funnel/wilsonInterval';
import { expectLeadMathError } from '../_helpers';

describe('stageEfficiency', () => {
  it('is advanced ÷ entered: 200 SQLs from 1,000 MQLs is 20 %, not the inverted 500 %', () => {
    const result = stageEfficiency(1000, 200);
    expect(result.rate).toBe(0.2);
    expect(result.entered).toBe(1000);
    expect(result.advanced).toBe(200);
  });

  it('attaches the 95 % Wilson interval by default', () => {
    const { interval } = stageEfficiency(1000, 200);
    expect(interval.method).toBe('wilson');
    expect(interval.confidence).toBe(0.95);
    // textbook formula in Python (see wilsonInterval.test.ts)
    expect(interval.low).toBeCloseTo(0.17637709044319852, 12);
    expect(interval.high).toBeCloseTo(0.22591896464813463, 12);
  });

  it('uses the requested confidence', () => {
    const { interval } = stageEfficiency(263, 81, { confidence: 0.9 });
    expect(interval.confidence).toBe(0.9);
    expect(interval.low).toBe(wilsonInterval(81, 263, 0.9).low);
    expect(interval.high - interval.low).toBeLessThan(0.3662095769828001 - 0.2552885198782743);
  });

  it('returns a null rate and the whole [0, 1] interval when no lead entered', () => {
    expect(stageEfficiency(0, 0)).toEqual({
      entered: 0,
      advanced: 0,
      rate: null,
      interval: { low: 0, high: 1, confidence: 0.95, method: 'wilson' },
    });
  });

  it('survives a JSON round trip unchanged', () => {
    const result = stageEfficiency(37, 5);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('does not mutate its options', () => {
    const options = Object.freeze({ confidence: 0.8 });
    expect(() => stageEfficiency(10, 3, options)).not.toThrow();
  });

  describe('bad input', () => {
    it('throws INCONSISTENT_COUNTS when more advanced than entered', () => {
      const error = expectLeadMathError(
        () => stageEfficiency(10, 12),
        'INCONSISTENT_COUNTS',
        'advanced',
      );
      expect(error.message).toBe('stageEfficiency: advanced must be ≤ entered (10), got 12');
      expect(error.details.value).toBe(12);
    });

    it('throws INVALID_COUNT for non-integers, negatives, NaN, Infinity and unsafe integers', () => {
      for (const bad of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, null]) {
        expectLeadMathError(() => stageEfficiency(bad as number, 0), 'INVALID_COUNT', 'entered');
        expectLeadMathError(() => stageEfficiency(10, bad as number), 'INVALID_COUNT', 'advanced');
      }
    });

    it('throws INVALID_RATE for a confidence outside (0, 1)', () => {
      expectLeadMathError(
        () => stageEfficiency(10, 2, { confidence: 1 }),
        'INVALID_RATE',
        'options.confidence',
      );
    });

    it('throws INVALID_ARGUMENT when options is not an object', () => {
      expectLeadMathError(
        () => stageEfficiency(10, 2, 0.9 as unknown as { confidence: number }),
        'INVALID_ARGUMENT',
        'options',
      );
    });
  });
});
