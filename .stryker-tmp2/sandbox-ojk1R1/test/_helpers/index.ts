// @ts-nocheck
import { expect } from 'vitest';
import { isLeadMathError, type LeadMathErrorCode } from '../../src/errors';

/** Freezes a value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    }
  }
  return value;
}

/** Runs `fn` and returns the LeadMathError it throws; fails if it throws anything else. */
export function catchLeadMathError(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isLeadMathError(error)) return error;
    throw error;
  }
  throw new Error('expected a LeadMathError, but nothing was thrown');
}

/** Asserts that `fn` throws a LeadMathError with `code` (and, if given, `path`). */
export function expectLeadMathError(fn: () => unknown, code: LeadMathErrorCode, path?: string) {
  const error = catchLeadMathError(fn);
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.details.path).toBe(path);
  return error;
}
