import { describe, expectTypeOf, it } from 'vitest';
import type { Condition, ScoringModel } from '../../src/scoring/model';
import { type ScoreLeadResult, scoreLead } from '../../src/scoring/scoreLead';
import {
  type ScoreLeadsColumnsResult,
  scoreLeadsColumns,
} from '../../src/scoring/scoreLeadsColumns';
import { validateModel } from '../../src/scoring/validateModel';

describe('scoring types', () => {
  it('validateModel turns unknown JSON into a typed model', () => {
    expectTypeOf(validateModel).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(validateModel({})).toEqualTypeOf<ScoringModel>();
  });

  it('accepts a model literal checked against ScoringModel', () => {
    const model = {
      id: 'm',
      version: 1,
      threshold: 10,
      rules: [{ id: 'r', kind: 'fit', points: 5, when: { field: 'industry', equals: 'SaaS' } }],
    } as const satisfies ScoringModel;
    expectTypeOf(scoreLead(model, {}, [], { asOf: 0 })).toEqualTypeOf<ScoreLeadResult>();
    expectTypeOf<ScoreLeadResult['qualifiedAt']>().toEqualTypeOf<Date | null>();
  });

  it('rejects a condition with an unknown operator', () => {
    // @ts-expect-error: 'greaterThan' is not an operator
    const bad: Condition = { field: 'x', greaterThan: 3 };
    expectTypeOf(bad).toMatchTypeOf<Condition>();
  });

  it('returns typed arrays from scoreLeadsColumns', () => {
    expectTypeOf<ScoreLeadsColumnsResult['score']>().toEqualTypeOf<Float64Array>();
    expectTypeOf(scoreLeadsColumns).returns.toEqualTypeOf<ScoreLeadsColumnsResult>();
  });
});
