import { describe, expect, it } from 'vitest';
import { evaluateModel } from '../../src/scoring/evaluateModel';
import { expectLeadMathError } from '../_helpers';

const sample = [
  { score: 90, converted: true },
  { score: 70, converted: true },
  { score: 60, converted: false },
  { score: 30, converted: true },
  { score: 20, converted: false },
];

describe('evaluateModel', () => {
  it('computes AUC, precision, recall, conversion and lift (by hand; AUC = scipy Mann–Whitney U / 6)', () => {
    const r = evaluateModel(sample, { threshold: 50 });
    expect(r.auc).toBeCloseTo(5 / 6, 12); // 5 of 6 (converted, not) pairs ordered correctly
    expect(r.precision).toBeCloseTo(2 / 3, 12); // 90, 70 of 90, 70, 60
    expect(r.recall).toBeCloseTo(2 / 3, 12); // 90, 70 of 90, 70, 30
    expect(r.conversionAboveThreshold).toBe(r.precision);
    expect(r.conversionBelow).toBe(0.5); // 30 of 30, 20
    expect(r.lift).toBeCloseTo(2 / 3 / (3 / 5), 12);
    expect(r.salesReady).toMatchObject({ count: 3, converted: 2 });
  });

  it('counts ties as half', () => {
    const r = evaluateModel(
      [
        { score: 5, converted: true },
        { score: 5, converted: false },
      ],
      { threshold: 1 },
    );
    expect(r.auc).toBe(0.5);
  });

  it('counts a tie group of more than two as one mid rank', () => {
    // Converted: 1 and 2; not: 1 and 3. Pairs (converted, not): (1, 1) a tie = ½,
    // (1, 3) 0, (2, 1) 1, (2, 3) 0: 1.5 of 4.
    const r = evaluateModel(
      [
        { score: 1, converted: true },
        { score: 1, converted: false },
        { score: 2, converted: true },
        { score: 3, converted: false },
      ],
      { threshold: 10 },
    );
    expect(r.auc).toBe(0.375);
    // Three tied, two of them converted, against one lower: 2 of 3 pairs ordered, the rest ties.
    // Pairs: (5, 5) × 2 ties = 1, (5, 1) × 2 = 2 → 3 of 4.
    const tied = evaluateModel(
      [
        { score: 5, converted: true },
        { score: 5, converted: true },
        { score: 5, converted: false },
        { score: 1, converted: false },
      ],
      { threshold: 10 },
    );
    expect(tied.auc).toBe(0.75);
  });

  it('counts a score exactly at the threshold as sales-ready, and one at a band edge in the upper band', () => {
    const r = evaluateModel(
      [
        { score: 50, converted: true },
        { score: 25, converted: false },
        { score: 10, converted: true },
      ],
      { threshold: 50 },
    );
    expect([r.salesReady.count, r.salesReady.converted]).toEqual([1, 1]);
    expect(r.bands.map((b) => b.count)).toEqual([1, 1, 1, 0]);
    // No one sales-ready while some converted: no precision and no lift.
    const none = evaluateModel([{ score: 10, converted: true }], { threshold: 50 });
    expect([none.precision, none.lift]).toEqual([null, null]);
    expect(none).not.toHaveProperty('issues');
  });

  it('groups conversion by score band (default edges: 25, 50, 75 for threshold 50)', () => {
    const { bands } = evaluateModel(sample, { threshold: 50 });
    expect(bands.map((b) => [b.from, b.to, b.count, b.converted])).toEqual([
      [null, 25, 1, 0],
      [25, 50, 1, 1],
      [50, 75, 2, 1],
      [75, null, 1, 1],
    ]);
    expect(evaluateModel(sample, { threshold: 50, bands: [50] }).bands.map((b) => b.count)).toEqual(
      [2, 3],
    );
  });

  it('splits at the threshold alone when it is zero or negative', () => {
    const scored = [
      { score: -5, converted: false },
      { score: 3, converted: true },
    ];
    expect(
      evaluateModel(scored, { threshold: 0 }).bands.map((b) => [b.from, b.to, b.count]),
    ).toEqual([
      [null, 0, 1],
      [0, null, 1],
    ]);
    expect(evaluateModel(scored, { threshold: -10 }).bands).toHaveLength(2);
  });

  it('returns nulls where undefined', () => {
    const none = evaluateModel([], { threshold: 50 });
    expect(none.auc).toBeNull();
    expect(none.precision).toBeNull();
    expect(none.recall).toBeNull();
    expect(none.lift).toBeNull();
    const allLost = evaluateModel([{ score: 80, converted: false }], { threshold: 50 });
    expect(allLost.recall).toBeNull();
    expect(allLost.lift).toBeNull();
  });

  it('throws for bad input', () => {
    expectLeadMathError(
      () => evaluateModel([{ score: Number.NaN, converted: true }], { threshold: 1 }),
      'INVALID_NUMBER',
      'scored[0].score',
    );
    expectLeadMathError(
      () => evaluateModel([{ score: 1, converted: 'yes' as never }], { threshold: 1 }),
      'INVALID_ARGUMENT',
      'scored[0].converted',
    );
    expectLeadMathError(
      () => evaluateModel([], { threshold: 1, bands: [5, 5] }),
      'INVALID_ARGUMENT',
      'options.bands[1]',
    );
    expectLeadMathError(
      () => evaluateModel([], { threshold: 1, confidence: 2 }),
      'INVALID_RATE',
      'options.confidence',
    );
  });
});

describe('evaluateModel bad input', () => {
  it('throws INVALID_NUMBER for a hole in a sparse bands array', () => {
    // biome-ignore lint/suspicious/noSparseArray: the sparse array is the point
    const bands = [10, , 30] as number[];
    expectLeadMathError(
      () => evaluateModel([{ score: 1, converted: true }], { threshold: 20, bands }),
      'INVALID_NUMBER',
      'options.bands[1]',
    );
  });

  it('rejects an unknown option key', () => {
    expectLeadMathError(
      () => evaluateModel([], { threshold: 20, treshold: 1 } as never),
      'INVALID_ARGUMENT',
      'options.treshold',
    );
  });
});

describe('evaluateModel edges', () => {
  it('has no AUC when every lead converted or none did', () => {
    const none = [
      { score: 10, converted: false },
      { score: 20, converted: false },
    ];
    expect(evaluateModel(none, { threshold: 15 }).auc).toBeNull();
    const all = none.map((s) => ({ ...s, converted: true }));
    expect(evaluateModel(all, { threshold: 15 }).auc).toBeNull();
  });

  it('names a bad onInvalid and a band out of order by their paths', () => {
    const scored = [{ score: 1, converted: true }];
    expectLeadMathError(
      () => evaluateModel(scored, { threshold: 1, onInvalid: 'skip' } as never),
      'INVALID_ARGUMENT',
      'options.onInvalid',
    );
    const error = expectLeadMathError(
      () => evaluateModel(scored, { threshold: 1, bands: [1, 5, 3] }),
      'INVALID_ARGUMENT',
      'options.bands[2]',
    );
    expect(error.details.expected).toBe('a number above options.bands[1]');
  });
});
