/**
 * One model definition: the valibot schema that validates models and the
 * documented TypeScript types describe the same shape. Each side is
 * normalised the same way (readonly and `| undefined` on optional keys
 * dropped), and tsc fails when they drift apart: a key added to one and not
 * the other, a narrower or wider value, a required key made optional.
 */
import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import type { DecaySchema, ModelSchema } from '../../src/scoring/_internal/schema';
import type { DecayPolicy, ScoringModel, ScoringRule } from '../../src/scoring/model';

/** Deeply mutable, with optional keys' `undefined` removed. */
type Plain<T> = T extends readonly (infer U)[]
  ? number extends T['length']
    ? Plain<U>[]
    : { -readonly [K in keyof T]: Plain<T[K]> }
  : T extends object
    ? { -readonly [K in keyof T]: Plain<Exclude<T[K], undefined>> }
    : T;

type SchemaModel = Plain<v.InferOutput<typeof ModelSchema>>;

describe('the scoring model schema and types', () => {
  it('agree on the whole model', () => {
    expectTypeOf<SchemaModel>().toEqualTypeOf<Plain<ScoringModel>>();
  });

  it('agree on rules and decay policies', () => {
    expectTypeOf<SchemaModel['rules'][number]>().toEqualTypeOf<Plain<ScoringRule>>();
    expectTypeOf<Plain<v.InferOutput<typeof DecaySchema>>>().toEqualTypeOf<Plain<DecayPolicy>>();
  });
});
