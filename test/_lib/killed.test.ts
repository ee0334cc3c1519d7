/**
 * Tests that kill mutants the runs over `src/_lib` named: each checks a
 * result worked out by hand that a changed line would get wrong.
 */
import { describe, expect, it } from 'vitest';
import { KeyGroups } from '../../src/_lib/columns/groupByKey';
import { IdIndex, rowIdKey } from '../../src/_lib/columns/ids';
import { scaledIntegers } from '../../src/_lib/stats/exact';
import { CompensatedSum } from '../../src/_lib/stats/sum';
import { wilsonBounds } from '../../src/_lib/stats/wilson';
import { expectLeadMathError } from '../_helpers';

describe('KeyGroups', () => {
  it('lists codes by key, null last, whatever order the keys came in', () => {
    const groups = new KeyGroups();
    for (const key of [null, 'b', 'c', 'a', null, 'b']) groups.codeOf(key);
    expect(groups.sortedCodes().map((code) => groups.keys[code])).toEqual(['a', 'b', 'c', null]);
    const reverse = new KeyGroups();
    for (const key of ['z', 'y', 'x']) reverse.codeOf(key);
    expect(reverse.sortedCodes().map((code) => reverse.keys[code])).toEqual(['x', 'y', 'z']);
  });
});

describe('IdIndex', () => {
  it('meets a number only with its canonical decimal string', () => {
    const index = new IdIndex();
    index.add(4);
    index.add(1000);
    expect(index.find('4')).toBe(0);
    expect(index.find('1000')).toBe(1);
    // Not the canonical form of 4 or 1000: other ids.
    for (const other of ['4.0', '04', '+4', '1e3', '4 ', '-']) expect(index.find(other)).toBe(-1);
  });

  it('names a bad id by row and field', () => {
    expectLeadMathError(
      () => rowIdKey('f', 'events', 3, 'leadId', {}),
      'INVALID_ARGUMENT',
      'events[3].leadId',
    );
    expectLeadMathError(
      () => rowIdKey('f', 'events', 0, 'leadId', 1.5),
      'INVALID_ARGUMENT',
      'events[0].leadId',
    );
    expect(rowIdKey('f', 'events', 0, 'leadId', 42)).toBe('42');
  });
});

describe('CompensatedSum', () => {
  it('keeps what plain addition loses, whichever term is the larger', () => {
    // 1 + 1e100 + 1 − 1e100 is 2; plain addition gives 0.
    const sum = new CompensatedSum();
    for (const x of [1, 1e100, 1, -1e100]) sum.add(x);
    expect(sum.value).toBe(2);
    const other = new CompensatedSum();
    for (const x of [1e100, 1, -1e100, 1]) other.add(x);
    expect(other.value).toBe(2);
  });
});

describe('scaledIntegers', () => {
  it('scales subnormal doubles exactly', () => {
    // 5e-324 is 2^-1074; 1e-323 is 2 × 2^-1074.
    expect(scaledIntegers([5e-324, 1e-323, 0])).toEqual([1n, 2n, 0n]);
    // Normal doubles carry their implicit bit: 0.5 = 2^52 × 2^-53, 0.25 = 2^52 × 2^-54.
    expect(scaledIntegers([0.5, 0.25])).toEqual([2n ** 53n, 2n ** 52n]);
    // 3 = 3 × 2^51 × 2^-51 and 1.5 = 3 × 2^51 × 2^-52: the common scale is 2^-52.
    expect(scaledIntegers([3, 1.5])).toEqual([3n * 2n ** 52n, 3n * 2n ** 51n]);
  });
});

describe('wilsonBounds', () => {
  it('reaches 1 exactly when every trial succeeded, and 0 when none did', () => {
    for (const n of [1, 3, 7, 1000]) {
      expect(wilsonBounds(n, n, 1.959963984540054).high).toBe(1);
      expect(wilsonBounds(0, n, 1.959963984540054).low).toBe(0);
    }
  });
});
