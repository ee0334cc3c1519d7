import { describe, expect, it } from 'vitest';
import { epochMsOrNaN, rowInstant, rowPath } from '../../../src/_lib/validate/instants';
import { eachRow, issueOf, readOnInvalid } from '../../../src/_lib/validate/issues';
import { issueExpected, issuePath } from '../../../src/_lib/validate/valibot';
import { fail, LeadMathError } from '../../../src/errors';
import { catchLeadMathError, expectLeadMathError } from '../../_helpers';

describe('row paths and instants', () => {
  it('name a field of a row, of an argument, or the row itself', () => {
    expect(rowPath('items', 3, 'start')).toBe('items[3].start');
    expect(rowPath('items', 3, '')).toBe('items[3]');
    expect(rowPath('', -1, 'start')).toBe('start');
    expect(rowPath('input', -1, 'start')).toBe('input.start');
  });

  it('read instants as toEpochMs does, NaN where it would throw', () => {
    const t = Date.UTC(2026, 2, 2);
    expect(epochMsOrNaN(t)).toBe(t);
    expect(epochMsOrNaN(new Date(t))).toBe(t);
    expect(epochMsOrNaN('2026-03-02T00:00:00Z')).toBe(t);
    for (const bad of [
      t + 0.5,
      '2026-03-02T00:00:00',
      Date.UTC(2200, 0, 1),
      Date.UTC(1899, 11, 31),
      {},
      null,
    ]) {
      expect(epochMsOrNaN(bad)).toBeNaN();
    }
    expect(epochMsOrNaN(Date.UTC(1900, 0, 1))).toBe(Date.UTC(1900, 0, 1));
    expect(rowInstant('f', 'items', 2, 'stop', t)).toBe(t);
    const error = catchLeadMathError(() => rowInstant('f', 'items', 2, 'stop', 'later'));
    expect([error.code, error.details.path]).toEqual(['INVALID_DATE', 'items[2].stop']);
  });
});

describe('rows in throw and collect mode', () => {
  const read = (values: unknown[], mode: 'throw' | 'collect') => {
    const kept: unknown[] = [];
    const issues = eachRow(values.length, mode, (i) => {
      if (typeof values[i] !== 'number')
        fail('INVALID_NUMBER', 'f', `rows[${i}].x`, values[i], 'a number');
      kept.push(values[i]);
    });
    return { kept, issues };
  };

  it('throw on the first bad row, or collect every bad one and keep the rest', () => {
    expectLeadMathError(() => read([1, 'a', 'b'], 'throw'), 'INVALID_NUMBER', 'rows[1].x');
    const { kept, issues } = read([1, 'a', 2, 'b'], 'collect');
    expect(kept).toEqual([1, 2]);
    expect(issues.map((i) => [i.row, i.field, i.received])).toEqual([
      [1, 'x', '"a"'],
      [3, 'x', '"b"'],
    ]);
    expect(read([1, 2], 'throw').issues).toEqual([]);
  });

  it("let an error that is not leadmath's through, even when collecting", () => {
    expect(() =>
      eachRow(1, 'collect', () => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
  });

  it('read onInvalid', () => {
    expect(readOnInvalid('f', 'o', undefined)).toBe('throw');
    expect(readOnInvalid('f', 'o', 'collect')).toBe('collect');
    expectLeadMathError(
      () => readOnInvalid('f', 'options.onInvalid', 'skip'),
      'INVALID_ARGUMENT',
      'options.onInvalid',
    );
  });

  it('name the field of a row, of a column cell, and of a property column', () => {
    const issue = (path: string) =>
      issueOf(
        new LeadMathError('INVALID_ARGUMENT', `f: ${path} must be x, got 1`, {
          function: 'f',
          path,
          value: 1,
          expected: 'x',
        }),
        0,
      );
    expect(issue('activities[3].leadId').field).toBe('leadId');
    expect(issue('activities.at[5]').field).toBe('at');
    expect(issue('activities.properties.path.codes[5]').field).toBe('path');
    expect(issue('events[2]').field).toBeUndefined();
    expect(issue('events[2]')).not.toHaveProperty('field');
    expect(issue('activities.at[5]').received).toBe('1');
  });
});

describe('valibot issues in leadmath words', () => {
  const raw = (type: string, expected: string | null, message: string, keys: unknown[] = []) => ({
    type,
    expected,
    message,
    input: 1,
    path: keys.map((key) => ({ key })),
  });

  it('join paths with dots and brackets', () => {
    expect(issuePath('', raw('x', null, 'm', ['rules', 3, 'when', 'between']))).toBe(
      'rules[3].when.between',
    );
    expect(issuePath('policy', raw('x', null, 'm', ['kind']))).toBe('policy.kind');
    expect(issuePath('model', raw('x', null, 'm'))).toBe('model');
  });

  it('tell an unknown key, a missing key and a non-object apart, and otherwise use the message', () => {
    expect(issueExpected(raw('strict_object', 'never', 'm'))).toBe('absent (unknown key)');
    expect(issueExpected(raw('strict_object', '"kind"', 'm'))).toBe('present (a required key)');
    expect(issueExpected(raw('strict_object', 'Object', 'm'))).toBe('an object');
    expect(issueExpected(raw('strict_object', null, 'm'))).toBe('an object');
    expect(issueExpected(raw('number', 'number', 'a finite number'))).toBe('a finite number');
  });
});
