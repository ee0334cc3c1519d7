import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  hashString,
  internIntegers,
  internStrings,
  partitionDense,
} from '../../../src/_lib/columns/internIds';

/** The plain oracle: codes in order of first appearance, through a Map. */
function byMap(values: ArrayLike<unknown>): { codes: number[]; ids: unknown[] } {
  const map = new Map<unknown, number>();
  const codes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!map.has(v)) map.set(v, map.size);
    codes.push(map.get(v)!);
  }
  return { codes, ids: [...map.keys()] };
}

describe('interning a column of ids', () => {
  test.prop({ values: fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }) })(
    'gives Int32 ids codes in order of first appearance, as a Map does',
    ({ values }) => {
      const got = internIntegers(Int32Array.from(values))!;
      const want = byMap(values);
      expect(Array.from(got.codes)).toEqual(want.codes);
      expect(Array.from(got.ids)).toEqual(want.ids);
    },
  );

  test.prop({
    values: fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(2 ** 53 - 1, -(2 ** 52), 2 ** 32, 2 ** 32 + 1),
      ),
      { maxLength: 200 },
    ),
  })(
    'does the same for large safe integers in a Float64Array (colliding halves too)',
    ({ values }) => {
      const got = internIntegers(Float64Array.from(values))!;
      const want = byMap(values);
      expect(Array.from(got.codes)).toEqual(want.codes);
      expect(Array.from(got.ids)).toEqual(want.ids);
    },
  );

  it('gives a large column (interned by partitions) one dense code per distinct id', () => {
    const n = 200_000;
    const values = Float64Array.from(
      { length: n },
      (_, i) => ((i * 7919) % 60_013) * 1_000_003 - 2 ** 40,
    );
    const got = internIntegers(values)!;
    const distinct = new Set(values);
    expect(got.ids.length).toBe(distinct.size);
    expect(new Set(Array.from(got.ids)).size).toBe(distinct.size);
    // Codes come in partition order: row i's code is at positions[i], each place once.
    const positions = got.positions!;
    expect(new Set(positions).size).toBe(n);
    for (let row = 0; row < n; row++) {
      const code = got.codes[positions[row]!]!;
      // Checked without expect per row: 200,000 calls to expect take seconds.
      if (!(code >= 0 && code < distinct.size)) throw new Error(`row ${row}: code ${code}`);
      if (got.ids[code] !== values[row])
        throw new Error(`row ${row}: code ${code} is ${got.ids[code]}, not ${values[row]}`);
    }
    const ints = internIntegers(Int32Array.from(values, (v) => v % 1000))!;
    expect(ints.ids.length).toBe(new Set(Array.from(values, (v) => v % 1000)).size);
  });

  it('gives a large column of strings (interned by partitions) one dense code per distinct id', () => {
    const n = 120_000;
    const values = Array.from({ length: n }, (_, i) => `lead-${(i * 7919) % 50_021}`);
    const got = internStrings(values)!;
    const distinct = new Set(values);
    expect(got.ids.length).toBe(distinct.size);
    expect(new Set(Array.from(got.ids)).size).toBe(distinct.size);
    const positions = got.positions!;
    expect(new Set(positions).size).toBe(n);
    for (let row = 0; row < n; row++) {
      if (got.ids[got.codes[positions[row]!]!] !== values[row]) throw new Error(`row ${row}`);
    }
  });

  it('keeps apart two strings with the same hash, in a small and a large column', () => {
    // A pair found by hashing lead-0, lead-1, … until two hashes met.
    const [a, b] = ['lead-427828', 'lead-1409048'];
    expect(hashString(a)).toBe(hashString(b));
    const small = internStrings([a, 'x', b, a, b])!;
    expect(Array.from(small.codes)).toEqual([0, 1, 2, 0, 2]);
    expect(small.ids).toEqual([a, 'x', b]);
    // Large: the pair spread among other ids, never next to each other.
    const values = Array.from({ length: 100_000 }, (_, i) =>
      i % 1000 === 0 ? a : i % 1000 === 500 ? b : `id-${i}`,
    );
    const large = internStrings(values)!;
    const codeOf = (row: number) => large.codes[large.positions![row]!]!;
    expect(codeOf(0)).not.toBe(codeOf(500));
    expect(codeOf(1000)).toBe(codeOf(0));
    expect(codeOf(1500)).toBe(codeOf(500));
    expect(large.ids[codeOf(0)]).toBe(a);
    expect(large.ids[codeOf(500)]).toBe(b);
    expect(large.ids.length).toBe(100_000 - 200 + 2);
  });

  it('refuses a value that is not a safe integer, and an empty or non-string id', () => {
    expect(internIntegers(Float64Array.of(1, 2.5))).toBeNull();
    expect(internIntegers(Float64Array.of(1, 2 ** 53))).toBeNull();
    expect(internIntegers(Float64Array.of(Number.NaN))).toBeNull();
    expect(internStrings(['a', ''])).toBeNull();
    // A repeat of the row before is taken without its own check only after that row passed one.
    expect(internStrings([undefined, undefined])).toBeNull();
    expect(internStrings(new Array(3))).toBeNull();
    expect(internStrings(['', ''])).toBeNull();
    expect(internStrings(['a', 1])).toBeNull();
    expect(internStrings(['b', 'a', 'b'])).toEqual({
      codes: Int32Array.of(0, 1, 0),
      ids: ['b', 'a'],
      positions: null,
      partitions: null,
    });
    expect(internIntegers(Uint32Array.of(4_000_000_000, 7, 4_000_000_000))).toEqual({
      codes: Int32Array.of(0, 1, 0),
      ids: Uint32Array.of(4_000_000_000, 7),
      positions: null,
      partitions: null,
    });
  });

  test.prop({
    count: fc.integer({ min: 1, max: 5000 }),
    seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 400 }),
  })(
    'puts dense ids into at most 256 ranges of consecutive ids, each range in row order',
    ({ count, seeds }) => {
      const values = Int32Array.from(seeds, (s) => s % count);
      const got = partitionDense(values, count);
      const { rows, codes } = got.partitions;
      const parts = rows.length - 1;
      expect(parts).toBeLessThanOrEqual(256);
      expect(codes[0]).toBe(0);
      expect(codes[parts]).toBe(count);
      // The oracle: rows sorted by range (the range of width w holding each id), stable.
      const width = codes[1]!;
      // The narrowest power of two whose 256 ranges hold every id.
      expect(Number.isInteger(Math.log2(width))).toBe(true);
      expect(width * 256).toBeGreaterThanOrEqual(count);
      if (width > 1) expect((width / 2) * 256).toBeLessThan(count);
      const want = Array.from(values.keys()).sort(
        (a, b) => Math.floor(values[a]! / width) - Math.floor(values[b]! / width) || a - b,
      );
      expect(Array.from(got.codes)).toEqual(want.map((i) => values[i]!));
      want.forEach((row, place) => {
        expect(got.positions[row]).toBe(place);
      });
      for (let p = 0; p < parts; p++) {
        for (let k = rows[p]!; k < rows[p + 1]!; k++) {
          expect(got.codes[k]! >= codes[p]! && got.codes[k]! < codes[p + 1]!).toBe(true);
        }
      }
    },
  );

  test.prop({
    runs: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'ab', 'ba', 'é', '𝔸'), fc.nat(4)), {
      maxLength: 120,
    }),
  })('gives strings in runs (a lead exported row after row) the codes a Map gives', ({ runs }) => {
    const values = runs.flatMap(([v, extra]) => Array.from({ length: extra + 1 }, () => `${v}`));
    const got = internStrings(values)!;
    const want = byMap(values);
    expect(Array.from(got.codes)).toEqual(want.codes);
    expect(Array.from(got.ids)).toEqual(want.ids);
  });

  it('gives a large column of strings in runs one code per distinct id, rows in runs included', () => {
    // 100,000 rows in runs of 1 to 4 of the same id (strings built afresh, not shared),
    // each id coming back later too.
    const values: string[] = [];
    for (let i = 0; values.length < 100_000; i++) {
      const id = `lead-${(i * 7919) % 30_011}`;
      for (let r = 0; r <= i % 4; r++) values.push(`${id}`.slice(0));
    }
    const got = internStrings(values)!;
    const distinct = new Set(values);
    expect(got.ids.length).toBe(distinct.size);
    const positions = got.positions!;
    for (let row = 0; row < values.length; row++) {
      if (got.ids[got.codes[positions[row]!]!] !== values[row]) throw new Error(`row ${row}`);
    }
  });

  it('tells apart two strings whose 32-bit hashes are equal', () => {
    // Find two ids with the same hash (about 77,000 tries give even odds).
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const id = `c${i}`;
      const h = hashString(id);
      const other = seen.get(h);
      if (other === undefined) seen.set(h, id);
      else pair = [other, id];
    }
    const [a, b] = pair;
    expect(a).not.toBe(b);
    expect(hashString(a)).toBe(hashString(b));
    // Small and large columns: the pair (in one partition, as their hashes are equal) gets two codes.
    const small = internStrings([a, b, b, a, 'x'])!;
    expect(Array.from(small.codes)).toEqual([0, 1, 1, 0, 2]);
    expect(small.ids).toEqual([a, b, 'x']);
    const filler = Array.from({ length: 40_000 }, (_, i) => `f${i}`);
    const large = [a, ...filler, b, a, b];
    const got = internStrings(large)!;
    const codeOf = (row: number) => got.codes[got.positions![row]!]!;
    const last = large.length - 1;
    expect(codeOf(0)).not.toBe(codeOf(last));
    expect(codeOf(0)).toBe(codeOf(last - 1));
    expect(codeOf(last)).toBe(codeOf(last - 2));
    expect(got.ids.length).toBe(40_002);
  });
});
