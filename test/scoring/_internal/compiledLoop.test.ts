import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  compileDirectLoop,
  compileLoop,
  directLoopSource,
  loopSource,
} from '../../../src/scoring/_internal/compiledLoop';
import { scoreLeadsColumns } from '../../../src/scoring/scoreLeadsColumns';
import { validateModel } from '../../../src/scoring/validateModel';

const DAY = 86_400_000;
const T = Date.UTC(2026, 2, 2);

describe('the generated scoring loop', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is made of numbers and rule indices only', () => {
    const source = loopSource([
      { points: 10, cap: 30, withinMs: Number.POSITIVE_INFINITY },
      { points: -2.5, cap: 5, withinMs: 7 * DAY },
    ]);
    // Every identifier is the loop's own; the model contributes only numbers.
    const words = new Set(source.match(/[A-Za-z_$][\w$]*/g));
    const allowed =
      /^(const|let|return|function|for|if|else|break|continue|true|false|NaN|Infinity|Math|min|max|asOf|threshold|leadLoop|at|base|bits|to|fit|out|running|qualifiedAt|lastScored|behavior|k|t|m|x|oldest|dropped|since\d+|tail\d+|[cnv]\d+)$/;
    expect([...words].filter((w) => !allowed.test(w))).toEqual([]);
    expect(source).toContain('Math.min(10 * n0, 30)');
    expect(source).toContain('Math.max(-2.5 * n1, -5)');
    expect(source).toContain('const since1 = asOf - 604800000;');
  });

  it('compiles for every kind of rule, in both variants (a broken source would fall back silently)', () => {
    const rules = [
      { points: 10, cap: 30, withinMs: Number.POSITIVE_INFINITY },
      { points: -10, cap: 20, withinMs: 3 * DAY },
      { points: 15, cap: Number.POSITIVE_INFINITY, withinMs: 60 * DAY },
      { points: -1.5, cap: Number.POSITIVE_INFINITY, withinMs: Number.POSITIVE_INFINITY },
    ];
    expect(compileLoop(rules, T, 10)).not.toBeNull();
    const decays = [
      undefined,
      { kind: 'percent', rate: 1, everyDays: 7, afterDays: 3 },
      { kind: 'points', points: -5, everyDays: 7 },
      { kind: 'halfLife', halfLifeDays: 0.5 },
    ] as const;
    for (const codes of [true, false]) {
      for (const checking of [true, false]) {
        for (const policy of decays) {
          const reads = {
            codes,
            width: codes ? 3 : 1,
            typeCount: 2,
            checking,
            minInstant: Date.UTC(1900, 0, 1),
            endInstant: Date.UTC(2200, 0, 1),
          };
          const decay = { policy, floor: -2.5 };
          expect(compileDirectLoop(rules, T, 10, reads, decay)).not.toBeNull();
          expect(
            () => new Function('asOf', 'threshold', directLoopSource(rules, reads, decay)),
          ).not.toThrow();
        }
      }
    }
    expect(() => new Function('asOf', 'threshold', loopSource(rules))).not.toThrow();
  });

  it('is not made for more than 32 rules', () => {
    const rule = { points: 1, cap: Number.POSITIVE_INFINITY, withinMs: Number.POSITIVE_INFINITY };
    expect(compileLoop(Array(33).fill(rule), T, 10)).toBeNull();
    expect(compileLoop(Array(32).fill(rule), T, 10)).not.toBeNull();
  });

  it('falls back to the general loop where code cannot be generated, with the same scores', () => {
    const model = validateModel({
      id: 'm',
      version: 1,
      threshold: 25,
      rules: [
        { id: 'view', kind: 'behavior', points: 10, cap: 20, when: { activity: 'view' } },
        { id: 'demo', kind: 'behavior', points: 30, when: { activity: 'demo', withinDays: 2 } },
      ],
    });
    const leads = [{ id: 'a' }, { id: 'b' }];
    const columns = {
      leadIndex: Int32Array.of(0, 0, 0, 1, 1),
      type: Uint8Array.of(0, 0, 0, 1, 0),
      types: ['view', 'demo'],
      at: Float64Array.of(T, T + DAY, T + 2 * DAY, T, T + 5 * DAY),
    };
    const options = { asOf: T + 6 * DAY };
    const generated = scoreLeadsColumns(model, leads, columns, options);
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Refused to evaluate a string as JavaScript (CSP)');
    });
    const general = scoreLeadsColumns(model, leads, columns, options);
    // a: three views capped at 20, qualified never (20 < 25). b: the demo is
    // 6 days old at asOf (outside 2 days), one view 10; its running score
    // reached 30 at the demo's instant.
    expect(Array.from(generated.score)).toEqual([20, 10]);
    expect(Array.from(generated.qualifiedAt)).toEqual([Number.NaN, T]);
    expect(Array.from(general.score)).toEqual(Array.from(generated.score));
    expect(Array.from(general.qualifiedAt)).toEqual(Array.from(generated.qualifiedAt));
  });
});
