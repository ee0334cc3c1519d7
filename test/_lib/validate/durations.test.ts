import { describe, expect, it } from 'vitest';
import { assertWholeDays, readDuration } from '../../../src/_lib/validate/durations';
import { catchLeadMathError, expectLeadMathError } from '../../_helpers';

const H = 3_600_000;

describe('readDuration', () => {
  it('reads milliseconds, days/hours/minutes summed (a day is 24 h), and business days', () => {
    expect(readDuration('f', 'd', 0)).toBe(0);
    expect(readDuration('f', 'd', 1.5)).toBe(1.5);
    expect(readDuration('f', 'd', { days: 1, hours: 2, minutes: 30 })).toBe(26.5 * H);
    expect(readDuration('f', 'd', { minutes: 0 })).toBe(0);
    expect(readDuration('f', 'd', { businessDays: 0 })).toEqual({ businessDays: 0 });
    expect(readDuration('f', 'd', { businessDays: 3 }, true)).toEqual({ businessDays: 3 });
  });

  it('refuses what is not a duration, naming the argument', () => {
    for (const bad of [
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      '2h',
      [1],
      {},
      { weeks: 1 },
      { days: 1, weeks: 1 },
      { days: -1 },
      { hours: Number.NaN },
      { minutes: '5' },
      { businessDays: 1.5 },
      { businessDays: -1 },
      { businessDays: '2' },
      { businessDays: 1, days: 1 },
    ]) {
      expectLeadMathError(
        () => readDuration('f', 'policy.target', bad),
        'INVALID_DURATION',
        'policy.target',
      );
    }
  });

  it('refuses a zero duration when it must be positive, and says which bound applies', () => {
    for (const zero of [0, { days: 0 }, { businessDays: 0 }]) {
      expectLeadMathError(() => readDuration('f', 'd', zero, true), 'INVALID_DURATION', 'd');
    }
    expect(catchLeadMathError(() => readDuration('f', 'd', -1, true)).details.expected).toBe(
      'milliseconds > 0, { days, hours, minutes } > 0, or { businessDays: n }',
    );
    expect(catchLeadMathError(() => readDuration('f', 'd', -1)).details.expected).toBe(
      'milliseconds ≥ 0, { days, hours, minutes } ≥ 0, or { businessDays: n }',
    );
  });
});

describe('assertWholeDays', () => {
  it('takes whole days at or above the minimum', () => {
    expect(assertWholeDays('f', 'lagDays', 0, 0)).toBe(0);
    expect(assertWholeDays('f', 'lagDays', 30, 1)).toBe(30);
    for (const bad of [-1, 0.5, '3', Number.NaN, 2 ** 53]) {
      expectLeadMathError(
        () => assertWholeDays('f', 'lagDays', bad, 0),
        'INVALID_DURATION',
        'lagDays',
      );
    }
    expectLeadMathError(() => assertWholeDays('f', 'every', 0, 1), 'INVALID_DURATION', 'every');
  });
});
