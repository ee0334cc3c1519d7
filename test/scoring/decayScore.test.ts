import { describe, expect, it } from 'vitest';
import { decayScore } from '../../src/scoring/decayScore';
import { defaultFloor } from '../../src/scoring/defaultFloor';
import { expectLeadMathError } from '../_helpers';

describe('decayScore', () => {
  it('percent: loses the rate per whole period after the grace', () => {
    const policy = { kind: 'percent', rate: 0.1, everyDays: 30, afterDays: 10 } as const;
    // 39 days: 29 past the grace, no whole period yet
    expect(decayScore(80, { elapsedDays: 39, policy })).toBe(80);
    // 40 days: one period → 80 × 0.9 = 72; 70 days: two → 64.8
    expect(decayScore(80, { elapsedDays: 40, policy })).toBeCloseTo(72, 12);
    expect(decayScore(80, { elapsedDays: 70, policy })).toBeCloseTo(64.8, 12);
  });

  it('points: loses a fixed number per whole period, down to the floor', () => {
    const policy = { kind: 'points', points: 5, everyDays: 7 } as const;
    expect(decayScore(50, { elapsedDays: 20, policy, floor: 25 })).toBe(40);
    expect(decayScore(50, { elapsedDays: 200, policy, floor: 25 })).toBe(25);
  });

  it('halfLife: halves continuously', () => {
    const policy = { kind: 'halfLife', halfLifeDays: 14 } as const;
    expect(decayScore(80, { elapsedDays: 14, policy })).toBe(40);
    expect(decayScore(80, { elapsedDays: 7, policy })).toBeCloseTo(80 / Math.SQRT2, 12);
  });

  it('leaves a score at or below the floor unchanged, and returns it at zero elapsed', () => {
    const policy = { kind: 'percent', rate: 0.5, everyDays: 1 } as const;
    expect(decayScore(20, { elapsedDays: 100, policy, floor: 25 })).toBe(20);
    expect(decayScore(-5, { elapsedDays: 100, policy })).toBe(-5);
    expect(decayScore(80, { elapsedDays: 0, policy, floor: 25 })).toBe(80);
  });

  describe('bad input', () => {
    const policy = { kind: 'halfLife', halfLifeDays: 14 } as const;
    it('throws INVALID_NUMBER for bad numbers', () => {
      expectLeadMathError(
        () => decayScore(Number.NaN, { elapsedDays: 1, policy }),
        'INVALID_NUMBER',
        'score',
      );
      expectLeadMathError(
        () => decayScore(10, { elapsedDays: -1, policy }),
        'INVALID_NUMBER',
        'options.elapsedDays',
      );
      expectLeadMathError(
        () => decayScore(10, { elapsedDays: 1, policy, floor: -1 }),
        'INVALID_NUMBER',
        'options.floor',
      );
    });
    it('throws INVALID_ARGUMENT naming the bad policy field', () => {
      expectLeadMathError(
        () =>
          decayScore(10, { elapsedDays: 1, policy: { kind: 'percent', rate: 2, everyDays: 1 } }),
        'INVALID_ARGUMENT',
        'options.policy.rate',
      );
      expectLeadMathError(
        () => decayScore(10, { elapsedDays: 1, policy: { kind: 'linear' } as never }),
        'INVALID_ARGUMENT',
        'options.policy.kind',
      );
    });
  });
});

describe('defaultFloor', () => {
  it('is half the threshold', () => {
    expect(defaultFloor(50)).toBe(25);
    expect(defaultFloor(0)).toBe(0);
  });
  it('throws INVALID_NUMBER for a negative threshold', () => {
    expectLeadMathError(() => defaultFloor(-2), 'INVALID_NUMBER', 'threshold');
  });
});

describe('decayScore with a hostile policy', () => {
  it('refuses a policy whose reads throw, naming it', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const policy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap });
    const error = expectLeadMathError(
      () => decayScore(10, { elapsedDays: 1, policy: policy as never }),
      'INVALID_ARGUMENT',
      'options.policy',
    );
    expect(error.message).toBe(
      'decayScore: options.policy must be a decay policy object, got an object',
    );
  });
});
