import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  COMPILED_FIT_MIN,
  compileFit,
  fitLoopSource,
} from '../../../src/scoring/_internal/compiledFit';
import type { Condition } from '../../../src/scoring/model';
import { scoreLeadsColumns } from '../../../src/scoring/scoreLeadsColumns';
import { validateModel } from '../../../src/scoring/validateModel';

const NO_ROWS = {
  leadIndex: new Int32Array(0),
  type: new Uint8Array(0),
  types: [],
  at: new Float64Array(0),
};

describe('the generated fit loop', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('scores a large batch as a small one, with the rules of the model', () => {
    const model = validateModel({
      id: 'fit',
      version: 1,
      threshold: 30,
      rules: [
        { id: 'saas', kind: 'fit', points: 20, when: { field: 'industry', equals: 'SaaS' } },
        { id: 'size', kind: 'fit', points: 10, when: { field: 'employees', between: [50, 500] } },
        {
          id: 'nordic',
          kind: 'fit',
          points: 5,
          when: { not: { field: 'country', in: ['FI', 'IS'] } },
        },
      ],
    });
    const leads = Array.from({ length: COMPILED_FIT_MIN + 3 }, (_, i) => ({
      id: i,
      industry: i % 3 === 0 ? 'SaaS' : 'Retail',
      employees: i % 600,
      country: i % 4 === 0 ? 'FI' : 'NO',
    }));
    const got = scoreLeadsColumns(model, leads, NO_ROWS, { asOf: '2026-03-01T00:00:00Z' });
    leads.forEach((l, j) => {
      const want =
        (l.industry === 'SaaS' ? 20 : 0) +
        (l.employees >= 50 && l.employees <= 500 ? 10 : 0) +
        (l.country === 'FI' ? 0 : 5);
      expect(got.fit[j]).toBe(want);
    });
    // Lead 3: SaaS, 3 employees, NO → 25; lead 60: SaaS, 60, FI → 30; lead 4: Retail, 4, FI → 0.
    expect([got.fit[3], got.fit[60], got.fit[4]]).toEqual([25, 30, 0]);
  });

  it('is not made for a condition it cannot test inline', () => {
    const when = (c: Condition) => [{ points: 1, when: c }];
    expect(compileFit(when({ field: 'company.employees', gte: 5 }))).toBeNull();
    expect(compileFit(when({ field: 'employees', gte: 5 }))).toBeNull();
    expect(
      compileFit(
        when({
          all: [
            { field: 'a', equals: 1 },
            { field: 'tags', contains: 'x' },
          ],
        }),
      ),
    ).toBeNull();
    expect(compileFit(when({ not: { field: 'a.b', equals: 1 } }))).toBeNull();
    expect(compileFit(when({ field: 'a', equals: 1 }))).not.toBeNull();
  });

  it('writes no field name or value of the model into its source', () => {
    const hostile = "x'); pwned = true; ('"; // no dot: a top-level field
    const compiled = fitLoopSource([
      { points: 3, when: { field: hostile, equals: hostile } },
      { points: -2.5, when: { field: 'a', in: [hostile, 'b'] } },
    ]);
    expect(compiled!.source).not.toContain('pwned');
    expect(compiled!.source).toContain('p += -2.5;');
    const loop = compileFit([{ points: 3, when: { field: hostile, equals: hostile } }]);
    const points = new Float64Array(2);
    loop!([{ [hostile]: hostile }, { [hostile]: 'y' }], points);
    expect(Array.from(points)).toEqual([3, 0]);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('falls back to the column-by-column evaluation where code cannot be generated', () => {
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
    });
    expect(compileFit([{ points: 1, when: { field: 'a', equals: 1 } }])).toBeNull();
  });
});
