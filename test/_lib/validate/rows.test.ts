import { describe, expect, it } from 'vitest';
import {
  assertTimeZone,
  epochMsOrNaN,
  minusCalendarDays,
  rowFinite,
  rowInstant,
  rowNonEmptyString,
  rowObject,
  rowPath,
  toEpochMs,
} from '../../../src/_lib/validate/instants';
import { eachRow, issueOf, RowIssues, readOnInvalid } from '../../../src/_lib/validate/issues';
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

  it("let an error that is not leadmath's through, even when collecting, as it is", () => {
    const bug = new TypeError('a bug');
    const thrown = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const fails = () => {
      throw bug;
    };
    expect(thrown(() => eachRow(1, 'collect', fails))).toBe(bug);
    expect(thrown(() => new RowIssues('collect').read(0, fails))).toBe(bug);
    expect(thrown(() => new RowIssues('throw').read(0, fails))).toBe(bug);
  });

  it('collect a bad row with RowIssues and give back the good rows', () => {
    const rows = new RowIssues('collect');
    expect(rows.read(0, () => 7)).toBe(7);
    expect(rows.read(1, () => fail('INVALID_NUMBER', 'f', 'rows[1].x', 'a', 'a number'))).toBe(
      undefined,
    );
    expect(rows.issues.map((i) => [i.row, i.field, i.code])).toEqual([[1, 'x', 'INVALID_NUMBER']]);
  });

  it('read onInvalid', () => {
    expect(readOnInvalid('f', 'o', undefined)).toBe('throw');
    expect(readOnInvalid('f', 'o', 'throw')).toBe('throw');
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
    // Rows past 9: the index has several digits.
    expect(issue('activities.at[12]').field).toBe('at');
    expect(issue('activities.properties.path.codes[15]').field).toBe('path');
    expect(issue('items[31].start').field).toBe('start');
  });
});

describe('row checks that build their path only for a bad value', () => {
  it('pass good values through and name the row and field of a bad one', () => {
    const row = { a: 1 };
    expect(rowObject('f', 'items', 2, row)).toBe(row);
    expectLeadMathError(() => rowObject('f', 'items', 2, null), 'INVALID_ARGUMENT', 'items[2]');
    expectLeadMathError(() => rowObject('f', 'items', 2, [1]), 'INVALID_ARGUMENT', 'items[2]');
    expectLeadMathError(
      () => rowObject('f', 'events', 4, 'x', 'properties'),
      'INVALID_ARGUMENT',
      'events[4].properties',
    );
    expect(rowNonEmptyString('f', 'events', 1, 'type', 'mql')).toBe('mql');
    const e = catchLeadMathError(() =>
      rowNonEmptyString('f', 'events', 1, 'type', '', 'an event type'),
    );
    expect([e.details.path, e.details.expected]).toEqual(['events[1].type', 'an event type']);
    expect(rowFinite('f', 'scored', 0, 'score', -2.5)).toBe(-2.5);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '3', null]) {
      expectLeadMathError(
        () => rowFinite('f', 'scored', 9, 'score', bad),
        'INVALID_NUMBER',
        'scored[9].score',
      );
    }
  });
});

describe('instants, zones and calendar days', () => {
  it('refuse an invalid Date', () => {
    expectLeadMathError(() => toEpochMs('f', 'at', new Date(Number.NaN)), 'INVALID_DATE', 'at');
  });

  it('take a zone name only as a string, however it converts', () => {
    expect(assertTimeZone('f', 'timeZone', 'Europe/Oslo')).toBe('Europe/Oslo');
    const disguised = { toString: () => 'UTC' };
    for (const bad of [disguised, '', 7, null, 'Mars/Olympus']) {
      expectLeadMathError(
        () => assertTimeZone('f', 'timeZone', bad),
        'INVALID_TIME_ZONE',
        'timeZone',
      );
    }
  });

  it('count calendar days back, with no answer past the supported range', () => {
    const t = Date.UTC(2026, 2, 10, 12);
    expect(minusCalendarDays(t, 9, 'UTC')).toBe(Date.UTC(2026, 2, 1, 12));
    // Oslo moves to summer time on 2026-03-29: 12:00 CEST on the 30th, two
    // days back, is 12:00 CET on the 28th (11:00Z), not 10:00Z.
    expect(minusCalendarDays(Date.UTC(2026, 2, 30, 10), 2, 'Europe/Oslo')).toBe(
      Date.UTC(2026, 2, 28, 11),
    );
    expect(minusCalendarDays(t, 1e9, 'UTC')).toBeNull();
    expect(minusCalendarDays(t, 50_000, 'UTC')).toBeNull(); // before 1900
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
