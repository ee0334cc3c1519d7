import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyGroups } from '../../../src/_lib/columns/groupByKey';
import { groupByLead, sortRowsByTime } from '../../../src/_lib/columns/groupByLead';
import { IdIndex, idKey } from '../../../src/_lib/columns/ids';
import {
  assertFloat64Column,
  assertIndexColumn,
  columnMax,
  firstBadRow,
  firstOutOfRange,
} from '../../../src/_lib/columns/typedArrays';
import { catchLeadMathError, expectLeadMathError } from '../../_helpers';

describe('typed-array columns', () => {
  it('find the largest index, and +∞ for a negative one, for every array type', () => {
    expect(columnMax(Uint8Array.of(3, 250, 7))).toBe(250);
    expect(columnMax(Uint16Array.of(3, 60_000, 7))).toBe(60_000);
    expect(columnMax(Uint32Array.of(3, 4_000_000_000, 7))).toBe(4_000_000_000);
    expect(columnMax(Int32Array.of(3, 9, 7))).toBe(9);
    expect(columnMax(Int32Array.of(3, -1, 7))).toBe(Number.POSITIVE_INFINITY);
    expect(columnMax(new Int32Array(0))).toBe(-1);
  });

  it('name the first cell out of range', () => {
    expect(firstOutOfRange(Uint8Array.of(0, 1, 2), 3)).toBe(-1);
    expect(firstOutOfRange(Uint8Array.of(0, 3, 4), 3)).toBe(1);
    expect(firstOutOfRange(Int32Array.of(0, 2, -1), 3)).toBe(2);
    expect(firstOutOfRange(Uint16Array.of(0, 2, 2), 2)).toBe(1);
    expect(firstOutOfRange(Uint32Array.of(0, 1, 7), 7)).toBe(2);
    expect(firstOutOfRange(Uint32Array.of(0, 1, 6), 7)).toBe(-1);
    expect(firstOutOfRange(new Uint8Array(0), 0)).toBe(-1);
  });

  it('accept integer typed arrays of the right length only', () => {
    expectLeadMathError(() => assertIndexColumn('f', 'col', [0, 1], 2), 'INVALID_ARGUMENT', 'col');
    expectLeadMathError(
      () => assertIndexColumn('f', 'col', Float64Array.of(0, 1), 2),
      'INVALID_ARGUMENT',
      'col',
    );
    expectLeadMathError(
      () => assertIndexColumn('f', 'col', Uint8Array.of(0), 2),
      'INVALID_ARGUMENT',
      'col.length',
    );
    const ok = Uint16Array.of(1, 2);
    expect(assertIndexColumn('f', 'col', ok, 2)).toBe(ok);
  });
});

describe('IdIndex', () => {
  it('treats a safe integer and its decimal string as one id, and nothing else', () => {
    const ids = new IdIndex();
    expect(ids.add(42)).toBe(0);
    expect(ids.add('42')).toBe(0);
    expect(ids.add('a')).toBe(1);
    expect(ids.add('042')).toBe(2);
    expect(ids.add('-7')).toBe(3);
    expect(ids.add(-7)).toBe(3);
    expect(ids.find('4.2e1')).toBe(-1);
    expect(ids.find(0)).toBe(-1);
    expect(ids.find(Number.NaN)).toBe(-2);
    expect(ids.find(1.5)).toBe(-2);
    expect(ids.find('')).toBe(-2);
    expect(ids.find({})).toBe(-2);
    expect(ids.ids).toEqual([42, 'a', '042', '-7']); // the form first seen
    expect(ids.size).toBe(4);
    // 2^53 is not a safe integer, so its string is an ordinary string id.
    expect(ids.add('9007199254740992')).toBe(4);
    expect(ids.find(9007199254740992)).toBe(-2);
    expect(ids.add('0')).toBe(5);
    expect(ids.find(0)).toBe(5);
    expect(ids.find(-0)).toBe(5);
    expect(ids.add('-0')).toBe(6);
  });

  it('agrees with idKey on random ids', () => {
    const id = fc.oneof(
      fc.integer({ min: -50, max: 50 }),
      fc.integer({ min: -50, max: 50 }).map(String),
      fc.constantFrom('a', 'b', '007', '-0', '1e2', ' 1', '+1', '9007199254740993'),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
      fc.constantFrom(String(Number.MAX_SAFE_INTEGER), String(-Number.MAX_SAFE_INTEGER)),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (values) => {
        const index = new IdIndex();
        const byKey = new Map<string, number>();
        for (const value of values) {
          const key = idKey('f', 'id', value);
          if (!byKey.has(key)) byKey.set(key, byKey.size);
          expect(index.add(value)).toBe(byKey.get(key));
        }
        expect(index.size).toBe(byKey.size);
      }),
    );
  });
});

/** The same grouping by a plain sort of row indices: lead, then row. */
function naiveGroups(lead: Int32Array, leadCount: number): number[][] {
  const groups: number[][] = Array.from({ length: leadCount }, () => []);
  const rows = Array.from(lead.keys()).filter((i) => lead[i]! >= 0);
  rows.sort((a, b) => lead[a]! - lead[b]! || a - b);
  for (const row of rows) groups[lead[row]!]!.push(row);
  return groups;
}

function groupsOf(lead: Int32Array, leadCount: number): number[][] {
  const { start, order } = groupByLead(lead, leadCount, true);
  return Array.from({ length: leadCount }, (_, j) => {
    const rows: number[] = [];
    for (let k = start[j]!; k < start[j + 1]!; k++) rows.push(order === null ? k : order[k]!);
    return rows;
  });
}

describe('groupByLead', () => {
  it('keeps rows already grouped by ascending lead as they are', () => {
    const groups = groupByLead(Int32Array.of(0, 0, 1, 2, 2, 2), 4, false);
    expect(groups.order).toBeNull();
    expect(Array.from(groups.start)).toEqual([0, 2, 3, 6, 6]);
  });

  it('groups by lead in row order, leaving out rows of no lead', () => {
    const lead = Int32Array.of(1, 0, 1, -1, 0, 1);
    expect(groupsOf(lead, 2)).toEqual([
      [1, 4],
      [0, 2, 5],
    ]);
    expect(groupByLead(lead, 2, true).order).not.toBeNull();
    expect(groupByLead(lead, 2, false).bad).toBe(3);
    expect(groupByLead(Int32Array.of(0, 2, 1), 2, true).bad).toBe(1);
  });

  it('equals a plain sort on random rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 200 }),
        (leadCount, rows) => {
          const lead = Int32Array.from(rows, (j) => (j >= leadCount ? -1 : j));
          expect(groupsOf(lead, leadCount)).toEqual(naiveGroups(lead, leadCount));
        },
      ),
    );
  });
});

describe('sortRowsByTime', () => {
  it('orders rows by instant, ties in row order, short and long runs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 120 }), (times) => {
        const at = Float64Array.from(times);
        const rows = Int32Array.from(times.keys());
        sortRowsByTime(rows, 0, rows.length, at);
        const expected = Array.from(times.keys()).sort((a, b) => at[a]! - at[b]! || a - b);
        expect(Array.from(rows)).toEqual(expected);
      }),
    );
  });

  it('sorts only the given range', () => {
    const at = Float64Array.of(5, 4, 3, 2, 1);
    const rows = Int32Array.of(0, 1, 2, 3, 4);
    sortRowsByTime(rows, 1, 4, at);
    expect(Array.from(rows)).toEqual([0, 3, 2, 1, 4]);
  });
});

describe('KeyGroups', () => {
  it('sorts any keys, null anywhere among them, as a sort by < with null last would', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'é', '1'), maxLength: 3 })),
          {
            maxLength: 40,
          },
        ),
        (keys) => {
          const groups = new KeyGroups();
          for (const key of keys) groups.codeOf(key);
          const distinct = [...new Set(keys.filter((k): k is string => k !== null))].sort((x, y) =>
            x < y ? -1 : 1,
          );
          const want = keys.includes(null) ? [...distinct, null] : distinct;
          expect(groups.sortedCodes().map((c) => groups.keys[c])).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('codes keys in order of appearance and lists them sorted, null last', () => {
    const groups = new KeyGroups();
    expect(groups.codeOf('b')).toBe(0);
    expect(groups.codeOf(null)).toBe(1);
    expect(groups.codeOf('B')).toBe(2);
    expect(groups.codeOf('b')).toBe(0);
    expect(groups.codeOf('a')).toBe(3);
    expect(groups.codeOf(null)).toBe(1);
    expect(groups.size).toBe(4);
    expect(groups.sortedCodes().map((c) => groups.keys[c])).toEqual(['B', 'a', 'b', null]);
  });

  it('keeps one null group when null comes first, and lists it last', () => {
    const groups = new KeyGroups();
    expect(groups.codeOf(null)).toBe(0);
    expect(groups.codeOf(null)).toBe(0);
    expect(groups.codeOf('b')).toBe(1);
    expect(groups.codeOf('a')).toBe(2);
    expect(groups.codeOf('b')).toBe(1);
    expect(groups.sortedCodes()).toEqual([2, 1, 0]);
  });
});

describe('firstBadRow', () => {
  // 10,000 rows (three blocks of 4,096): instants in [100, 200), indices below
  // 5, 7 and 3; each case spoils one cell of one column at one row.
  const n = 10_000;
  const table = () => ({
    at: new Float64Array(n).fill(150),
    a: new Uint8Array(n).fill(4),
    b: new Uint16Array(n).fill(6),
    c: new Int32Array(n).fill(2),
  });
  const first = (t: ReturnType<typeof table>) =>
    firstBadRow(t.at, 100, 200, t.a, 5, t.b, 7, t.c, 3);

  it('is −1 when every row is good, at the edges of the ranges included', () => {
    const t = table();
    t.at[0] = 100;
    t.at[n - 1] = 199.5;
    expect(first(t)).toBe(-1);
    expect(firstBadRow(new Float64Array(0), 0, 1, t.a, 1, t.b, 1, t.c, 1)).toBe(-1);
  });

  const spoil: ReadonlyArray<[string, (t: ReturnType<typeof table>, i: number) => void]> = [
    [
      'an instant below the range',
      (t, i) => {
        t.at[i] = 99.5;
      },
    ],
    [
      'an instant at the end of the range',
      (t, i) => {
        t.at[i] = 200;
      },
    ],
    [
      'an instant that is NaN',
      (t, i) => {
        t.at[i] = Number.NaN;
      },
    ],
    [
      'a first index at its limit',
      (t, i) => {
        t.a[i] = 5;
      },
    ],
    [
      'a second index at its limit',
      (t, i) => {
        t.b[i] = 7;
      },
    ],
    [
      'a third index at its limit',
      (t, i) => {
        t.c[i] = 3;
      },
    ],
    [
      'a negative third index',
      (t, i) => {
        t.c[i] = -1;
      },
    ],
  ];
  it('passes over good rows at the edges of the range inside a failing block', () => {
    const t = table();
    t.at[10] = 100; // the first instant of the range: good
    t.at[11] = 199.5;
    t.a[12] = 4;
    t.at[20] = 200;
    expect(first(t)).toBe(20);
  });

  for (const [what, bad] of spoil) {
    it(`finds ${what} in the middle of a block, the first of two`, () => {
      for (const row of [0, 4095, 4096, 6000, n - 1]) {
        const t = table();
        bad(t, row);
        if (row + 7 < n) bad(t, row + 7);
        expect(first(t)).toBe(row);
      }
    });
  }
});

describe('column messages', () => {
  it('say what the column must be', () => {
    expect(catchLeadMathError(() => assertIndexColumn('f', 'col', [0, 1], 2)).message).toBe(
      'f: col must be an integer typed array, got [0,1]',
    );
    expect(
      catchLeadMathError(() => assertIndexColumn('f', 'col', Uint8Array.of(0), 2)).message,
    ).toBe('f: col.length must be 2 (one per row), got 1');
    expectLeadMathError(() => assertFloat64Column('f', 'at', [1]), 'INVALID_ARGUMENT', 'at');
    expect(catchLeadMathError(() => assertFloat64Column('f', 'at', [1])).message).toBe(
      'f: at must be a Float64Array, got [1]',
    );
    const column = Float64Array.of(1);
    expect(assertFloat64Column('f', 'at', column)).toBe(column);
  });
});
