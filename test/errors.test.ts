import { describe, expect, it } from 'vitest';
import { alwaysOpen } from '../src/calendar/alwaysOpen';
import { describeValue, isLeadMathError, LEADMATH_ERROR_CODES, LeadMathError } from '../src/errors';
import { reversePlan } from '../src/plan/reversePlan';
import { catchLeadMathError } from './_helpers';

describe('LeadMathError', () => {
  it('carries name, code, details and a message naming function, argument and value', () => {
    const error = catchLeadMathError(() =>
      reversePlan({ stages: ['a', 'b', 'c'], rates: [0.5, 1.2], target: 10 }),
    );
    expect(error).toBeInstanceOf(LeadMathError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LeadMathError');
    expect(error.code).toBe('INVALID_RATE');
    expect(error.message).toBe('reversePlan: rates[1] must be a number in (0, 1], got 1.2');
    expect(error.details).toEqual({
      function: 'reversePlan',
      path: 'rates[1]',
      value: 1.2,
      expected: 'a number in (0, 1]',
    });
  });

  it('lists every code DESIGN.md names', () => {
    expect([...LEADMATH_ERROR_CODES].sort()).toEqual(
      [
        'INVALID_NUMBER',
        'INVALID_COUNT',
        'INVALID_RATE',
        'INCONSISTENT_COUNTS',
        'INVALID_DATE',
        'INVALID_DURATION',
        'INVALID_TIME_ZONE',
        'INVALID_CALENDAR',
        'INVALID_MODEL',
        'UNKNOWN_STAGE',
        'UNKNOWN_LEAD',
        'INVALID_ARGUMENT',
      ].sort(),
    );
  });

  it('exports a frozen list of codes, so no caller can add one', () => {
    expect(Object.isFrozen(LEADMATH_ERROR_CODES)).toBe(true);
    expect(() => (LEADMATH_ERROR_CODES as unknown as string[]).push('FAKE')).toThrow(TypeError);
    const fake = Object.assign(new Error('x'), { name: 'LeadMathError', code: 'FAKE' });
    expect(isLeadMathError(fake)).toBe(false);
  });
});

describe('hostile values', () => {
  const throwingName = Object.create(Error.prototype, {
    name: {
      get() {
        throw new Error('trap');
      },
    },
  });
  const trap = () => {
    throw new Error('trap');
  };
  const proxy = new Proxy({}, { getPrototypeOf: trap, get: trap, ownKeys: trap });

  it('isLeadMathError returns false for an object whose name getter throws', () => {
    expect(isLeadMathError(throwingName)).toBe(false);
    expect(isLeadMathError(proxy)).toBe(false);
  });

  it('describeValue never throws, even for a Proxy whose traps throw', () => {
    expect(describeValue(proxy)).toBe('an object');
  });

  it('validators throw LeadMathError, not the trap’s error, for a Proxy whose getPrototypeOf throws', () => {
    const opaque = new Proxy({}, { getPrototypeOf: trap });
    const rate = catchLeadMathError(() =>
      reversePlan({ stages: ['a', 'b'], rates: [opaque as never], target: 1 }),
    );
    expect(rate.code).toBe('INVALID_RATE');
    expect(rate.message).toBe('reversePlan: rates[0] must be a number in (0, 1], got an object');
    const at = catchLeadMathError(() => alwaysOpen.isOpen(opaque as never));
    expect(at.code).toBe('INVALID_DATE');
  });
});

describe('isLeadMathError', () => {
  it('is true for a LeadMathError', () => {
    const error = new LeadMathError('INVALID_COUNT', 'x', {
      function: 'f',
      path: 'p',
      value: -1,
      expected: 'a count',
    });
    expect(isLeadMathError(error)).toBe(true);
  });

  it('is true for a look-alike from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { name: 'LeadMathError', code: 'INVALID_RATE' });
    expect(isLeadMathError(foreign)).toBe(true);
  });

  it('is false for other errors and non-errors', () => {
    expect(isLeadMathError(new Error('x'))).toBe(false);
    expect(
      isLeadMathError(Object.assign(new Error('x'), { name: 'LeadMathError', code: 'NOPE' })),
    ).toBe(false);
    expect(isLeadMathError({ name: 'LeadMathError', code: 'INVALID_RATE' })).toBe(false);
    expect(isLeadMathError(undefined)).toBe(false);
  });
});

describe('describeValue', () => {
  it('renders values unambiguously', () => {
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(describeValue('12')).toBe('"12"');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(10n)).toBe('10n');
    expect(describeValue([1, 2])).toBe('[1,2]');
    expect(describeValue(() => 1)).toBe('a function');
  });

  it('shortens long values and survives cycles', () => {
    expect(describeValue('x'.repeat(500))).toHaveLength(80);
    expect(describeValue(Array.from({ length: 100 }, (_, i) => i))).toHaveLength(80);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(describeValue(cycle)).toBe('[object Object]');
  });
});

describe('describeValue with dates', () => {
  it('renders a date in UTC whatever the local zone, and an invalid date by name', () => {
    expect(describeValue(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe(
      'Date(2026-01-02T03:04:05.000Z)',
    );
    expect(describeValue(new Date(Number.NaN))).toBe('Invalid Date');
  });
});

describe('describeValue renders every kind of value', () => {
  it('names undefined, symbols, bigints, functions and primitives inside a Proxy', () => {
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
    expect(describeValue(10n)).toBe('10n');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(-0)).toBe('-0');
  });

  it('keeps a text of exactly 80 characters, and cuts one of 81 to 79 and an ellipsis', () => {
    const exact = 'x'.repeat(78); // JSON adds the two quotes: 80 characters
    expect(describeValue(exact)).toBe(`"${exact}"`);
    const long = describeValue('x'.repeat(79));
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('isLeadMathError look-alikes', () => {
  it('rejects a look-alike whose code is not a string, and accepts a real error from a subclass', () => {
    const numeric = Object.assign(new Error('x'), { name: 'LeadMathError', code: 5 });
    expect(isLeadMathError(numeric)).toBe(false);
    const plain = { name: 'LeadMathError', code: 'INVALID_RATE', message: 'x' };
    expect(isLeadMathError(plain)).toBe(false);
    class Sub extends LeadMathError {}
    const sub = new Sub('INVALID_RATE', 'x', { function: 'f', path: 'p', value: 1, expected: 'e' });
    Object.defineProperty(sub, 'name', { value: 'Other' });
    expect(isLeadMathError(sub)).toBe(true);
  });
});

describe('what survived mutation testing, killed', () => {
  it('an error with a leadmath code but another name is not a LeadMathError', () => {
    const impostor = Object.assign(new Error('x'), {
      name: 'TypeError',
      code: 'INVALID_DATE',
      details: { function: 'f', path: 'p', value: 1, expected: 'e' },
    });
    expect(isLeadMathError(impostor)).toBe(false);
    expect(isLeadMathError(Object.assign(impostor, { name: 'LeadMathError' }))).toBe(true);
  });

  it('repeated stages and a wrong number of rates say what was expected', () => {
    const repeated = catchLeadMathError(() =>
      reversePlan({ target: 10, stages: ['mql', 'mql'], rates: [0.5] }),
    );
    expect(repeated.message).toBe(
      'reversePlan: stages[1] must be a stage name not used before, got "mql"',
    );
    const short = catchLeadMathError(() =>
      reversePlan({ target: 10, stages: ['lead', 'mql', 'sql'], rates: [0.5] }),
    );
    expect(short.details.expected).toBe('2 (one rate per step between stages)');
  });
});
