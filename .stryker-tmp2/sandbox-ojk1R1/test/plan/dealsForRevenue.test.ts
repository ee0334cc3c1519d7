// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { dealsForRevenue } from '../../src/plan/dealsForRevenue';
import { expectLeadMathError } from '../_helpers';

describe('dealsForRevenue', () => {
  it('needs 200 deals for $10M at $50k (not the 400 some articles print)', () => {
    expect(dealsForRevenue(10_000_000, 50_000)).toBe(200);
  });

  it('rounds a fractional number of deals up', () => {
    expect(dealsForRevenue(1_000_001, 50_000)).toBe(21);
    expect(dealsForRevenue(10, 3)).toBe(4);
    expect(dealsForRevenue(1, 1_000_000)).toBe(1);
  });

  it('is tolerant of binary float noise: 0.3 / 0.1 is 3 deals', () => {
    expect(0.3 / 0.1).toBeLessThan(3); // 2.9999999999999996
    expect(dealsForRevenue(0.3, 0.1)).toBe(3);
    expect(57 / 0.57).toBeGreaterThan(100); // 100.00000000000001
    expect(dealsForRevenue(57, 0.57)).toBe(100);
    expect(dealsForRevenue(1.1, 0.1)).toBe(11);
  });

  it('needs no deals for no revenue', () => {
    expect(dealsForRevenue(0, 50_000)).toBe(0);
  });

  describe('bad input', () => {
    it('throws INVALID_NUMBER for negative or non-finite revenue', () => {
      expectLeadMathError(() => dealsForRevenue(-1, 10), 'INVALID_NUMBER', 'revenue');
      expectLeadMathError(() => dealsForRevenue(Number.NaN, 10), 'INVALID_NUMBER', 'revenue');
      expectLeadMathError(
        () => dealsForRevenue(Number.POSITIVE_INFINITY, 10),
        'INVALID_NUMBER',
        'revenue',
      );
    });

    it('throws INVALID_NUMBER for a zero, negative or non-finite deal size', () => {
      const error = expectLeadMathError(
        () => dealsForRevenue(100, 0),
        'INVALID_NUMBER',
        'averageDealSize',
      );
      expect(error.message).toBe(
        'dealsForRevenue: averageDealSize must be a finite number > 0, got 0',
      );
      expectLeadMathError(() => dealsForRevenue(100, -5), 'INVALID_NUMBER', 'averageDealSize');
      expectLeadMathError(
        () => dealsForRevenue(100, Number.NaN),
        'INVALID_NUMBER',
        'averageDealSize',
      );
    });

    it('throws INVALID_NUMBER instead of returning an unsafe integer or Infinity', () => {
      expectLeadMathError(() => dealsForRevenue(1e300, 1e-300), 'INVALID_NUMBER', 'revenue');
      expectLeadMathError(() => dealsForRevenue(1e17, 1), 'INVALID_NUMBER', 'revenue');
    });
  });
});
