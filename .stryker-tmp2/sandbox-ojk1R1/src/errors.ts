/**
 * The stable error codes of {@link LeadMathError}. Codes are part of the
 * public API and follow semver; message wording is not.
 *
 * @category Errors
 */
// @ts-nocheck

export const LEADMATH_ERROR_CODES = Object.freeze([
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
] as const);

/**
 * One of {@link LEADMATH_ERROR_CODES}:
 *
 * - `INVALID_NUMBER`: NaN, ±Infinity, a wrong sign, or a result too large to represent.
 * - `INVALID_COUNT`: not a non-negative safe integer.
 * - `INVALID_RATE`: outside the range a rate must lie in (usually (0, 1]).
 * - `INCONSISTENT_COUNTS`: more advanced than entered.
 * - `INVALID_DATE`: not an instant, a string without an offset, or an instant
 *   outside 1900-01-01T00:00Z ≤ t < 2200-01-01T00:00Z.
 * - `INVALID_DURATION`: a malformed duration, or one too long to reach an
 *   instant before 2200.
 * - `INVALID_TIME_ZONE`, `INVALID_CALENDAR`, `INVALID_MODEL`, `UNKNOWN_STAGE`: as named.
 * - `UNKNOWN_LEAD`: a row of data (an activity, an event) whose lead id matches no lead.
 * - `INVALID_ARGUMENT`: anything else of the wrong shape (a missing option,
 *   duplicate stage names, arrays of mismatched length).
 *
 * @category Errors
 */
export type LeadMathErrorCode = (typeof LEADMATH_ERROR_CODES)[number];

/**
 * Machine-readable facts about a {@link LeadMathError}.
 *
 * @category Errors
 */
export interface LeadMathErrorDetails {
  /** Name of the function that rejected the input, e.g. `'reversePlan'`. */
  readonly function: string;
  /** Path of the bad argument, e.g. `'rates[1]'` or `'counts[2].count'`. */
  readonly path: string;
  /** The offending value, as passed. */
  readonly value: unknown;
  /** What was expected instead, in words, e.g. `'a number in (0, 1]'`. */
  readonly expected: string;
  /** Every problem found, when there can be several (e.g. an invalid scoring model). */
  readonly issues?: readonly LeadMathIssue[];
}

/**
 * One of several problems reported together by a {@link LeadMathError}.
 *
 * @category Errors
 */
export interface LeadMathIssue {
  /** Stable code of the problem. */
  readonly code: LeadMathErrorCode;
  /** Path of the problem, e.g. `'rules[3].when.between'` or `'activities[7].leadId'`. */
  readonly path: string;
  /** 0-based index of the bad row, for problems in rows of data. */
  readonly row?: number;
  /** The column or key of the bad row, for problems in rows of data. */
  readonly field?: string;
  /** What was expected there, in words. */
  readonly expected: string;
  /** What was found, rendered briefly. */
  readonly received: string;
  /** `path must be expected, got received`. */
  readonly message: string;
}

/**
 * The one error type leadmath throws for bad input. Every message names the
 * function, the argument path and the bad value, e.g.
 * `reversePlan: rates[1] must be a number in (0, 1], got 1.2`.
 *
 * @example
 * ```ts
 * import { isLeadMathError, stageEfficiency } from 'leadmath';
 *
 * try {
 *   stageEfficiency(10, 12);
 * } catch (error) {
 *   if (isLeadMathError(error)) {
 *     error.code; //=> 'INCONSISTENT_COUNTS'
 *     error.details.path; //=> 'advanced'
 *   }
 * }
 * ```
 *
 * @category Errors
 */
export class LeadMathError extends Error {
  /** Stable code: branch on this, not on the message. */
  readonly code: LeadMathErrorCode;
  /** Function, argument path, value and expectation of the failed check. */
  readonly details: LeadMathErrorDetails;

  /**
   * @param code - One of {@link LEADMATH_ERROR_CODES}.
   * @param message - Human-readable text naming the argument and value.
   * @param details - Function, argument path, value and expectation.
   */
  constructor(code: LeadMathErrorCode, message: string, details: LeadMathErrorDetails) {
    super(message);
    this.name = 'LeadMathError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Narrows an unknown thrown value to {@link LeadMathError}. Works across
 * duplicated copies of the package (ESM and CJS loaded side by side) by
 * checking the name and code rather than relying on `instanceof` alone.
 *
 * @param error - Anything caught.
 * @returns `true` when `error` is a leadmath error.
 *
 * @example
 * ```ts
 * import { isLeadMathError, wilsonInterval } from 'leadmath';
 *
 * try {
 *   wilsonInterval(3, 2);
 * } catch (error) {
 *   isLeadMathError(error); //=> true
 * }
 * isLeadMathError(new Error('x')); //=> false
 * ```
 *
 * @category Errors
 */
export function isLeadMathError(error: unknown): error is LeadMathError {
  // A hostile object (a throwing getter, a Proxy trap) is simply not ours.
  try {
    if (error instanceof LeadMathError) return true;
    if (!(error instanceof Error) || error.name !== 'LeadMathError') return false;
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && (LEADMATH_ERROR_CODES as readonly string[]).includes(code);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Assertion helpers shared by every module. Not re-exported from the package
// entry points: they exist so that every message reads the same way,
// `fn: path must be <expected>, got <value>`.
// ---------------------------------------------------------------------------

const MAX_DESCRIBED_LENGTH = 80;

/** Renders a bad value for a message: short, unambiguous, never throws. @internal */
export function describeValue(value: unknown): string {
  try {
    return describeUnsafe(value);
  } catch {
    // A Proxy whose traps throw, a getter that throws: say what it is, no more.
    return typeof value === 'object' ? 'an object' : typeof value;
  }
}

function describeUnsafe(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return value.toString();
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`;
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > MAX_DESCRIBED_LENGTH ? `${text.slice(0, MAX_DESCRIBED_LENGTH - 1)}…` : text;
}

/** Throws a {@link LeadMathError} with the standard message. @internal */
export function fail(
  code: LeadMathErrorCode,
  fn: string,
  path: string,
  value: unknown,
  expected: string,
): never {
  throw new LeadMathError(code, `${fn}: ${path} must be ${expected}, got ${describeValue(value)}`, {
    function: fn,
    path,
    value,
    expected,
  });
}

/** A finite number (not NaN, not ±Infinity). @internal */
export function assertFinite(fn: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail('INVALID_NUMBER', fn, path, value, 'a finite number');
  }
  return value;
}

/** A finite number ≥ 0. @internal */
export function assertNonNegative(fn: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail('INVALID_NUMBER', fn, path, value, 'a finite number ≥ 0');
  }
  return value;
}

/** A finite number > 0. @internal */
export function assertPositive(fn: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail('INVALID_NUMBER', fn, path, value, 'a finite number > 0');
  }
  return value;
}

/** A non-negative safe integer. @internal */
export function assertCount(fn: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail('INVALID_COUNT', fn, path, value, 'a non-negative safe integer');
  }
  return value;
}

/**
 * A count that cannot exceed another (advanced ≤ entered): throws
 * `INCONSISTENT_COUNTS` naming both. @internal
 */
export function assertNotAbove(
  fn: string,
  path: string,
  value: number,
  limitPath: string,
  limit: number,
): void {
  if (value > limit) fail('INCONSISTENT_COUNTS', fn, path, value, `≤ ${limitPath} (${limit})`);
}

/** A rate in (0, 1]. @internal */
export function assertRate(fn: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    fail('INVALID_RATE', fn, path, value, 'a number in (0, 1]');
  }
  return value;
}

/** A probability strictly inside (0, 1), such as a confidence level. @internal */
export function assertOpenUnit(fn: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    fail('INVALID_RATE', fn, path, value, 'a number in (0, 1)');
  }
  return value;
}

/** A plain object (not null, not an array). @internal */
export function assertObject(
  fn: string,
  path: string,
  value: unknown,
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('INVALID_ARGUMENT', fn, path, value, 'an object');
  }
  return value as Readonly<Record<string, unknown>>;
}

/** An array with at least `minLength` items. @internal */
export function assertArray(
  fn: string,
  path: string,
  value: unknown,
  minLength = 0,
): readonly unknown[] {
  if (!Array.isArray(value)) fail('INVALID_ARGUMENT', fn, path, value, 'an array');
  if (value.length < minLength) {
    fail('INVALID_ARGUMENT', fn, path, value, `an array of at least ${minLength} item(s)`);
  }
  return value;
}

/** A non-empty string (a name, a type, a field). @internal */
export function assertNonEmptyString(
  fn: string,
  path: string,
  value: unknown,
  expected = 'a non-empty string',
): string {
  if (typeof value !== 'string' || value.length === 0)
    fail('INVALID_ARGUMENT', fn, path, value, expected);
  return value;
}

/** One stage name: a non-empty string not in `seen`, which it is added to. @internal */
export function assertStageName(
  fn: string,
  path: string,
  value: unknown,
  seen: Set<string>,
): string {
  const name = assertNonEmptyString(fn, path, value);
  if (seen.has(name)) fail('INVALID_ARGUMENT', fn, path, name, 'a stage name not used before');
  seen.add(name);
  return name;
}

/** Non-empty, unique stage names, top → bottom. @internal */
export function assertStageNames(
  fn: string,
  path: string,
  value: unknown,
  minLength = 1,
): readonly string[] {
  const stages = assertArray(fn, path, value, minLength);
  const seen = new Set<string>();
  for (let i = 0; i < stages.length; i++) assertStageName(fn, `${path}[${i}]`, stages[i], seen);
  return stages as readonly string[];
}

/** Rates in (0, 1], one per step between `stepCount + 1` stages. @internal */
export function assertRates(
  fn: string,
  path: string,
  value: unknown,
  stepCount: number,
): readonly number[] {
  const rates = assertArray(fn, path, value);
  if (rates.length !== stepCount) {
    fail(
      'INVALID_ARGUMENT',
      fn,
      `${path}.length`,
      rates.length,
      `${stepCount} (one rate per step between stages)`,
    );
  }
  for (let i = 0; i < rates.length; i++) assertRate(fn, `${path}[${i}]`, rates[i]);
  return rates as readonly number[];
}

/**
 * A computed result that must be finite: otherwise `INVALID_NUMBER` naming
 * the argument that made it overflow (`path`, `value`). @internal
 */
export function assertFiniteResult(
  fn: string,
  path: string,
  value: unknown,
  result: number,
): number {
  if (!Number.isFinite(result)) {
    fail('INVALID_NUMBER', fn, path, value, 'small enough that the result is a finite number');
  }
  return result;
}
