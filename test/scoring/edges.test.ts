/**
 * Edges of scoring found by mutation testing: each case here failed to tell
 * the code from a small change of it.
 */
import { describe, expect, it } from 'vitest';
import { reviewDates } from '../../src/scoring/reviewDates';
import { scoreLead } from '../../src/scoring/scoreLead';
import { scoreLeads } from '../../src/scoring/scoreLeads';
import { scoreLeadsColumns } from '../../src/scoring/scoreLeadsColumns';
import { validateModel } from '../../src/scoring/validateModel';
import { catchLeadMathError, expectLeadMathError } from '../_helpers';

const T = Date.UTC(2026, 2, 2);
const H = 3_600_000;
const model = validateModel({
  id: 'm',
  version: 1,
  threshold: 20,
  rules: [
    { id: 'demo', kind: 'behavior', points: 10, when: { activity: 'demo' } },
    {
      id: 'pricing',
      kind: 'behavior',
      points: 5,
      when: { activity: 'view', where: { field: 'path', equals: '/pricing' } },
    },
  ],
});

describe('qualification', () => {
  it('is reached at exactly the threshold, in objects and in columns', () => {
    const leads = [{ id: 'a' }, { id: 'b' }];
    const columns = {
      leadIndex: Int32Array.of(0, 0, 1),
      type: Uint8Array.of(0, 0, 0),
      types: ['demo'],
      at: Float64Array.of(T, T + H, T),
    };
    // a: two demos = 20 = the threshold; b: one demo = 10.
    const out = scoreLeadsColumns(model, leads, columns, { asOf: T + 2 * H });
    expect(Array.from(out.score)).toEqual([20, 10]);
    expect(Array.from(out.qualified)).toEqual([1, 0]);
    expect(Array.from(out.qualifiedAt)).toEqual([T + H, Number.NaN]);
    expect(out).not.toHaveProperty('issues');
    const objects = scoreLeads(model, leads, columns, { asOf: T + 2 * H, explain: false });
    expect(objects.map((r) => r.qualified)).toEqual([true, false]);
  });
});

describe('columns read in place', () => {
  const leads = [{ id: 'a' }, { id: 'b' }];
  const base = {
    leadIndex: Int32Array.of(0, 0, 1),
    type: Uint8Array.of(0, 1, 1),
    types: ['demo', 'view'],
    at: Float64Array.of(T, T + H, T),
    properties: { path: { codes: Uint8Array.of(0, 0, 1), values: ['/pricing', '/blog'] } },
  };

  it('score as objects would', () => {
    const out = scoreLeadsColumns(model, leads, base, { asOf: T + 2 * H });
    // a: demo 10 + a /pricing view 5; b: a /blog view.
    expect(Array.from(out.score)).toEqual([15, 0]);
  });

  it('name a type or a property code out of range when it is read', () => {
    expectLeadMathError(
      () => scoreLeadsColumns(model, leads, { ...base, type: Uint8Array.of(0, 2, 1) }, { asOf: T }),
      'INVALID_ARGUMENT',
      'activities.type[1]',
    );
    expectLeadMathError(
      () =>
        scoreLeadsColumns(
          model,
          leads,
          {
            ...base,
            properties: { path: { codes: Uint8Array.of(0, 0, 2), values: ['/pricing', '/blog'] } },
          },
          { asOf: T },
        ),
      'INVALID_ARGUMENT',
      'activities.properties.path.codes[2]',
    );
    const noPath = validateModel({ ...model, rules: [model.rules[0]!] });
    expectLeadMathError(
      () =>
        scoreLeadsColumns(noPath, leads, { ...base, type: Uint8Array.of(0, 0, 9) }, { asOf: T }),
      'INVALID_ARGUMENT',
      'activities.type[2]',
    );
  });

  it('allow repeated lead ids: columns refer to leads by position', () => {
    const out = scoreLeads(model, [{ id: 'x' }, { id: 'x' }], base, {
      asOf: T + 2 * H,
      explain: false,
    });
    expect(out.map((r) => [r.leadId, r.score])).toEqual([
      ['x', 15],
      ['x', 0],
    ]);
  });
});

describe('scoreLead and lead ids', () => {
  it('takes activities without a leadId, and a lead without an id', () => {
    const acts = [{ type: 'demo', at: T }];
    expect(scoreLead(model, { id: 'a' }, acts, { asOf: T + H }).score).toBe(10);
    expect(
      scoreLead(model, {}, [{ leadId: 'z', type: 'demo', at: T }], { asOf: T + H }).score,
    ).toBe(10);
    const error = catchLeadMathError(() =>
      scoreLead(model, { id: 'a' }, [{ leadId: 'b', type: 'demo', at: T }], { asOf: T + H }),
    );
    expect([error.code, error.details.path]).toEqual(['UNKNOWN_LEAD', 'activities[0].leadId']);
  });
});

describe('reviewDates counts', () => {
  it('refuses more reviews than it lists, with its own words', () => {
    const error = catchLeadMathError(() => reviewDates('2026-01-15T00:00:00Z', { count: 10_001 }));
    expect([error.code, error.details.path, error.details.expected]).toEqual([
      'INVALID_COUNT',
      'options.count',
      'a whole number from 1 to 10000',
    ]);
  });
});
