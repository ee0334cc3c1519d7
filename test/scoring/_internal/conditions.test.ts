/**
 * Every condition operator, by hand, in the three ways conditions are
 * evaluated: one object at a time (`compileCondition`, activity `where`),
 * a leaf's truth per distinct value (`leafTest`, columnar properties), and
 * column by column over many objects (`leafRowsOfObjects` and
 * `conditionRows`, fit rules).
 */
import { describe, expect, it } from 'vitest';
import {
  compileCondition,
  conditionRows,
  leafRowsOfObjects,
  leafTest,
  ownField,
  pathGetter,
} from '../../../src/scoring/_internal/conditions';
import type { Condition } from '../../../src/scoring/model';

const subjects: Record<string, unknown>[] = [
  { x: 5, s: 'pricing/teams', tags: ['vip', 2], deep: { n: 10 } },
  { x: 10, s: 'blog', tags: [], deep: { n: 3 } },
  { x: '5', s: null, deep: null },
  { x: 0 },
  Object.create({ x: 5, s: 'pricing' }), // inherited fields are not fields
];

/** Condition → expected truth for each subject above. */
const cases: [Condition, boolean[]][] = [
  [{ field: 'x', equals: 5 }, [true, false, false, false, false]],
  [{ field: 'x', equals: '5' }, [false, false, true, false, false]],
  [{ field: 's', equals: null }, [false, false, true, false, false]],
  [{ field: 'x', in: [0, 10] }, [false, true, false, true, false]],
  [{ field: 'x', between: [5, 10] }, [true, true, false, false, false]],
  [{ field: 'x', between: [6, 9] }, [false, false, false, false, false]],
  [{ field: 'x', gte: 10 }, [false, true, false, false, false]],
  [{ field: 'x', lte: 5 }, [true, false, false, true, false]],
  [{ field: 's', contains: 'ic' }, [true, false, false, false, false]],
  [{ field: 'tags', contains: 'vip' }, [true, false, false, false, false]],
  [{ field: 'tags', contains: 2 }, [true, false, false, false, false]],
  [{ field: 's', contains: 2 }, [false, false, false, false, false]],
  [{ field: 's', exists: true }, [true, true, false, false, false]],
  [{ field: 's', exists: false }, [false, false, true, true, true]],
  [{ field: 's', startsWith: 'pri' }, [true, false, false, false, false]],
  [{ field: 'deep.n', gte: 5 }, [true, false, false, false, false]],
  [{ field: 'deep.n', exists: false }, [false, false, true, true, true]],
  [{ field: 'toString', exists: true }, [false, false, false, false, false]],
  [
    {
      all: [
        { field: 'x', gte: 5 },
        { field: 's', exists: true },
      ],
    },
    [true, true, false, false, false],
  ],
  [
    {
      any: [
        { field: 'x', equals: 0 },
        { field: 's', equals: 'blog' },
      ],
    },
    [false, true, false, true, false],
  ],
  [{ not: { field: 'x', lte: 5 } }, [false, true, true, false, true]],
  [
    {
      all: [
        {
          any: [
            { field: 'x', equals: 5 },
            { field: 'x', equals: 10 },
          ],
        },
        { not: { field: 's', equals: 'blog' } },
      ],
    },
    [true, false, false, false, false],
  ],
];

describe('conditions', () => {
  it.each(cases)('%j on one object at a time', (condition, expected) => {
    const test = compileCondition(condition);
    expect(subjects.map((s) => test(s))).toEqual(expected);
  });

  it.each(cases)('%j column by column', (condition, expected) => {
    const rows = conditionRows(condition, subjects.length, (leaf) =>
      leafRowsOfObjects(leaf, subjects),
    );
    expect(Array.from(rows, (b) => b === 1)).toEqual(expected);
  });

  it('leaf tests read values, not objects', () => {
    expect(leafTest({ field: 'f', equals: 3 })(3)).toBe(true);
    expect(leafTest({ field: 'f', equals: 3 })(4)).toBe(false);
    expect(leafTest({ field: 'f', lte: 3 })(3)).toBe(true);
    expect(leafTest({ field: 'f', lte: 3 })(3.5)).toBe(false);
    expect(leafTest({ field: 'f', lte: 3 })('1')).toBe(false);
    expect(leafTest({ field: 'f', gte: 3 })(3)).toBe(true);
    expect(leafTest({ field: 'f', gte: 3 })('9')).toBe(false);
    expect(() => leafTest({ all: [] } as never)).toThrow('leafTest: not a leaf condition');
  });

  it('read own fields only, along dot paths', () => {
    expect(ownField({ a: 1 }, 'a')).toBe(1);
    expect(ownField({}, 'constructor')).toBeUndefined();
    expect(ownField(null, 'a')).toBeUndefined();
    expect(ownField('text', 'length')).toBeUndefined();
    expect(pathGetter('a')({ a: 2 })).toBe(2);
    expect(pathGetter('a.b')({ a: { b: 3 } })).toBe(3);
    expect(pathGetter('a.b')({ a: null })).toBeUndefined();
    expect(pathGetter('a.b.c')({ a: { b: undefined } })).toBeUndefined();
  });

  it('combine columns without touching the leaves', () => {
    const leaf = Uint8Array.of(1, 0, 1);
    const rows = conditionRows({ not: { field: 'x', equals: 1 } }, 3, () => leaf);
    expect(Array.from(rows)).toEqual([0, 1, 0]);
    expect(Array.from(leaf)).toEqual([1, 0, 1]);
    const both = conditionRows(
      {
        any: [
          { field: 'x', equals: 1 },
          { field: 'y', equals: 1 },
        ],
      },
      3,
      (l) => (l.field === 'x' ? Uint8Array.of(1, 0, 0) : Uint8Array.of(0, 0, 1)),
    );
    expect(Array.from(both)).toEqual([1, 0, 1]);
  });
});

describe('contains', () => {
  it('matches a string field only with a string: the number 2 is not in "a2"', () => {
    const subject = { s: 'a2' };
    expect(compileCondition({ field: 's', contains: 2 })(subject)).toBe(false);
    expect(compileCondition({ field: 's', contains: '2' })(subject)).toBe(true);
    expect(leafTest({ field: 's', contains: 2 })('a2')).toBe(false);
  });
});
