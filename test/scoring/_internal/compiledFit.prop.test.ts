import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { compileFit } from '../../../src/scoring/_internal/compiledFit';
import type { Condition } from '../../../src/scoring/model';
import { naiveMatches } from '../naiveScorer';

// Top-level fields only: the conditions the generated loop compiles.
const values = [0, -0, 1, 50, 500, 501, Number.NaN, 'SaaS', 'NO', '50', true, null];
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...values).map((v) => ({ field: 'industry', equals: v })),
  fc.subarray(values).map((v) => ({ field: 'country', in: v })),
  fc
    .array(fc.integer({ min: 0, max: 30 }), { minLength: 9, maxLength: 20 })
    .map((v) => ({ field: 'country', in: v })),
  fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 })).map(([a, b]) => ({
    field: 'employees',
    between: [Math.min(a, b), Math.max(a, b)] as const,
  })),
  fc.constantFrom('constructor', 'toString').map((field) => ({ field, equals: 'x' })),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;
const value = fc.oneof(
  fc.constantFrom(...values),
  fc.integer({ min: 0, max: 600 }),
  fc.constant(undefined),
);
/** A lead with some of the fields, some inherited rather than own. */
const lead = fc
  .record({
    own: fc.record({ industry: value, country: value, employees: value }, { requiredKeys: [] }),
    inherited: fc.record({ industry: value, employees: value }, { requiredKeys: [] }),
  })
  .map(({ own, inherited }) => Object.assign(Object.create(inherited), own));

describe('the generated fit loop', () => {
  test.prop({
    rules: fc.array(fc.record({ points: fc.integer({ min: -30, max: 40 }), when: condition }), {
      minLength: 1,
      maxLength: 5,
    }),
    leads: fc.array(lead, { minLength: 1, maxLength: 30 }),
  })('adds each rule whose condition holds, as a plain evaluation does', ({ rules, leads }) => {
    const loop = compileFit(rules);
    expect(loop).not.toBeNull();
    const points = new Float64Array(leads.length);
    loop!(leads, points);
    leads.forEach((l, j) => {
      let want = 0;
      for (const rule of rules) if (naiveMatches(rule.when, l)) want += rule.points;
      expect(points[j]).toBe(want);
    });
  });
});
