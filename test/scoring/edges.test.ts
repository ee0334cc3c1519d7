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

  it('name a bad cell of rows not grouped by lead, read lead by lead', () => {
    // Rows of lead 0, 1, 0: not grouped, so each lead's rows are gathered and checked as read.
    const ungrouped = {
      leadIndex: Int32Array.of(0, 1, 0),
      type: Uint8Array.of(0, 1, 1),
      types: ['demo', 'view'],
      at: Float64Array.of(T, T, T + H),
      properties: { path: { codes: Uint8Array.of(0, 0, 1), values: ['/pricing', '/blog'] } },
    };
    const fine = scoreLeadsColumns(model, leads, ungrouped, { asOf: T + 2 * H });
    // a: demo 10 + a /blog view; b: a /pricing view 5.
    expect(Array.from(fine.score)).toEqual([10, 5]);
    const cases: ['INVALID_ARGUMENT' | 'INVALID_DATE', string, Record<string, unknown>][] = [
      ['INVALID_ARGUMENT', 'activities.type[2]', { type: Uint8Array.of(0, 1, 2) }],
      [
        'INVALID_ARGUMENT',
        'activities.properties.path.codes[2]',
        { properties: { path: { codes: Uint8Array.of(0, 0, 2), values: ['/pricing', '/blog'] } } },
      ],
      ['INVALID_DATE', 'activities.at[2]', { at: Float64Array.of(T, T, Date.UTC(2200, 0, 1)) }],
    ];
    for (const [code, path, change] of cases) {
      expectLeadMathError(
        () => scoreLeadsColumns(model, leads, { ...ungrouped, ...change }, { asOf: T + 2 * H }),
        code,
        path,
      );
    }
    // A model that reads types only (no property): a type code out of range, rows not grouped.
    const noPath = validateModel({ ...model, rules: [model.rules[0]!] });
    expectLeadMathError(
      () =>
        scoreLeadsColumns(
          noPath,
          leads,
          { ...ungrouped, type: Uint8Array.of(0, 0, 9) },
          {
            asOf: T,
          },
        ),
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

  it('refuses a count whose last review would fall past 2199, saying so', () => {
    // 10,000 reviews at least a day apart from 2190 reach past 2200 (10,000 days is 27 years).
    const error = catchLeadMathError(() => reviewDates('2190-01-15T00:00:00Z', { count: 10_000 }));
    expect([error.code, error.details.path, error.details.expected]).toEqual([
      'INVALID_COUNT',
      'options.count',
      'a count whose last review falls before 2200-01-01T00:00Z',
    ]);
  });
});

describe('model errors inside conditions say what was wrong there', () => {
  const withWhen = (when: unknown, kind: 'fit' | 'behavior' = 'fit') => ({
    id: 'm',
    version: 1,
    threshold: 10,
    rules: [{ id: 'r', kind, points: 5, when }],
  });
  const cases: [unknown, string, string][] = [
    [
      withWhen({ activity: 'x', where: { field: 'p', gte: 'a' } }, 'behavior'),
      'rules[0].when.where.gte',
      'a finite number',
    ],
    [
      withWhen({ not: { field: 'p', between: [3, 1] } }),
      'rules[0].when.not.between',
      '[min, max] with min ≤ max',
    ],
    [
      withWhen({
        all: [
          { field: 'a', equals: 1 },
          { field: 'b', in: [] },
        ],
      }),
      'rules[0].when.all[1].in',
      'a non-empty array of strings, finite numbers, booleans or nulls',
    ],
    [
      withWhen({ any: [{ field: 'a', equals: 1, gte: 2 }] }),
      'rules[0].when.any[0]',
      'a condition with exactly one operator (equals, in, between, gte, lte, contains, exists, startsWith, all, any, not)',
    ],
    [
      withWhen(5),
      'rules[0].when',
      'a condition object with one of equals, in, between, gte, lte, contains, exists, startsWith, all, any, not',
    ],
    [
      withWhen({ activity: 'x', whre: 1 }, 'behavior'),
      'rules[0].when.whre',
      'absent (unknown key)',
    ],
    [{ ...withWhen({ field: 'a', equals: 1 }), floor: 11 }, 'floor', 'a number ≤ threshold (10)'],
  ];
  it.each(cases)('%#: %s', (json, path, expected) => {
    const error = catchLeadMathError(() => validateModel(json));
    expect([error.code, error.details.path, error.details.expected]).toEqual([
      'INVALID_MODEL',
      path,
      expected,
    ]);
  });

  it('finds conditions nested too deep in the first branch of a list', () => {
    let deep: unknown = { field: 'a', equals: 1 };
    for (let i = 0; i < 40; i++) deep = { not: deep };
    const error = catchLeadMathError(() =>
      validateModel(withWhen({ all: [deep, { field: 'b', equals: 2 }] })),
    );
    expect(error.details.path.startsWith('rules[0].when.all[0].not.not')).toBe(true);
  });
});

describe('columnar activities name the argument that is malformed', () => {
  const leads = [{ id: 'a' }];
  const good = {
    leadIndex: Int32Array.of(0),
    type: Uint8Array.of(0),
    types: ['demo'],
    at: Float64Array.of(T),
  };
  const cases: [string, unknown, string][] = [
    ['at as an array', { ...good, at: [T] }, 'activities.at'],
    ['an empty type name', { ...good, types: [''] }, 'activities.types[0]'],
    ['a type listed twice', { ...good, types: ['demo', 'demo'] }, 'activities.types[1]'],
    ['leadIndex as an array', { ...good, leadIndex: [0] }, 'activities.leadIndex'],
    ['properties not an object', { ...good, properties: 5 }, 'activities.properties'],
    [
      'a property column with a stray key',
      { ...good, properties: { p: { codes: Uint8Array.of(0), values: ['x'], extra: 1 } } },
      'activities.properties.p.extra',
    ],
    [
      'property values not an array',
      { ...good, properties: { p: { codes: Uint8Array.of(0), values: 'x' } } },
      'activities.properties.p.values',
    ],
    [
      'property codes too short',
      { ...good, properties: { p: { codes: new Uint8Array(0), values: ['x'] } } },
      'activities.properties.p.codes.length',
    ],
    [
      'a bad code in row 0 of an unread column',
      { ...good, properties: { p: { codes: Uint8Array.of(1), values: ['x'] } } },
      'activities.properties.p.codes[0]',
    ],
  ];
  it.each(cases)('%s', (_, columns, path) => {
    const error = catchLeadMathError(() =>
      scoreLeadsColumns(model, leads, columns as never, { asOf: T }),
    );
    expect(error.details.path).toBe(path);
  });

  it('say why a type listed twice is refused', () => {
    const error = catchLeadMathError(() =>
      scoreLeadsColumns(model, leads, { ...good, types: ['demo', 'demo'] }, { asOf: T }),
    );
    expect(error.details.expected).toBe('a type not listed before');
  });

  it('name the first bad row across several property columns, and collect every one', () => {
    // Three rows of lead a; property columns p (read by no rule) and q: q's code in row 1
    // and p's code in row 2 are out of range.
    const three = {
      leadIndex: Int32Array.of(0, 0, 0),
      type: Uint8Array.of(0, 0, 0),
      types: ['demo'],
      at: Float64Array.of(T, T + H, T + 2 * H),
      properties: {
        p: { codes: Uint8Array.of(0, 0, 1), values: ['x'] },
        q: { codes: Uint8Array.of(0, 3, 0), values: ['y', 'z'] },
      },
    };
    const error = catchLeadMathError(() =>
      scoreLeadsColumns(model, leads, three, { asOf: T + 3 * H }),
    );
    expect(error.details.path).toBe('activities.properties.q.codes[1]');
    const collected = scoreLeadsColumns(model, leads, three, {
      asOf: T + 3 * H,
      onInvalid: 'collect',
    });
    expect(collected.issues?.map((i) => [i.row, i.path])).toEqual([
      [1, 'activities.properties.q.codes[1]'],
      [2, 'activities.properties.p.codes[2]'],
    ]);
    // Row 0's demo alone counts: 10 points.
    expect(Array.from(collected.score)).toEqual([10]);
    // The other way round: p's bad row first.
    const swapped = {
      ...three,
      properties: {
        p: { codes: Uint8Array.of(0, 1, 0), values: ['x'] },
        q: { codes: Uint8Array.of(0, 0, 3), values: ['y', 'z'] },
      },
    };
    expect(
      catchLeadMathError(() => scoreLeadsColumns(model, leads, swapped, { asOf: T + 3 * H }))
        .details.path,
    ).toBe('activities.properties.p.codes[1]');
  });

  it('collect a bad row of any property column, at row 0 too, and keep the earliest', () => {
    const base = {
      leadIndex: Int32Array.of(0, 0, 0),
      type: Uint8Array.of(0, 0, 0),
      types: ['demo'],
      at: Float64Array.of(T, T + H, T + 2 * H),
    };
    const collect = (p: Uint8Array, q: Uint8Array) =>
      scoreLeadsColumns(
        model,
        leads,
        {
          ...base,
          properties: { p: { codes: p, values: ['x'] }, q: { codes: q, values: ['y', 'z'] } },
        },
        { asOf: T + 3 * H, onInvalid: 'collect' },
      ).issues?.map((i) => i.path);
    // Only the second column is bad, at row 0.
    expect(collect(Uint8Array.of(0, 0, 0), Uint8Array.of(2, 0, 0))).toEqual([
      'activities.properties.q.codes[0]',
    ]);
    // The first column bad at row 0, the second at row 2: both, in row order.
    expect(collect(Uint8Array.of(1, 0, 0), Uint8Array.of(0, 0, 2))).toEqual([
      'activities.properties.p.codes[0]',
      'activities.properties.q.codes[2]',
    ]);
    // The first column bad, the second good.
    expect(collect(Uint8Array.of(0, 1, 0), Uint8Array.of(0, 0, 0))).toEqual([
      'activities.properties.p.codes[1]',
    ]);
    const error = catchLeadMathError(() =>
      scoreLeadsColumns(
        model,
        leads,
        { ...base, properties: { q: { codes: Uint8Array.of(0, 5, 0), values: ['y', 'z'] } } },
        { asOf: T + 3 * H },
      ),
    );
    expect(error.details.expected).toBe('an index below values.length (2)');
  });

  it('refuse activities that are neither rows nor columns', () => {
    for (const bad of [5, 'rows', true]) {
      expectLeadMathError(
        () => scoreLeadsColumns(model, leads, bad as never, { asOf: T }),
        'INVALID_ARGUMENT',
        'activities',
      );
    }
  });

  it('say what an index must be below', () => {
    const error = catchLeadMathError(() =>
      scoreLeadsColumns(model, leads, { ...good, type: Uint8Array.of(1) }, { asOf: T }),
    );
    expect(error.details.expected).toBe('an index below types.length (1)');
    const lead = catchLeadMathError(() =>
      scoreLeadsColumns(model, leads, { ...good, leadIndex: Int32Array.of(1) }, { asOf: T }),
    );
    expect(lead.details.expected).toBe('an index below leads.length (1)');
  });
});

describe('explanations of a large batch', () => {
  it('list the fit rules that held for every lead, past the size where fit runs as one generated pass', () => {
    // 1,500 leads (more than the 1,024 from which fit rules of a batch are generated):
    // every third lead is in the 'saas' industry, worth 15 fit points.
    const withFit = validateModel({
      id: 'f',
      version: 1,
      threshold: 100,
      rules: [
        { id: 'saas', kind: 'fit', points: 15, when: { field: 'industry', equals: 'saas' } },
        { id: 'demo', kind: 'behavior', points: 10, when: { activity: 'demo' } },
      ],
    });
    const leads = Array.from({ length: 1500 }, (_, i) => ({
      id: i,
      industry: i % 3 === 0 ? 'saas' : 'retail',
    }));
    const activities = [{ leadId: 3, type: 'demo', at: T }];
    const results = scoreLeads(withFit, leads, activities, { asOf: T + H });
    expect(results.filter((r) => r.fit === 15).length).toBe(500);
    expect(results[3]!.contributions).toEqual([
      { ruleId: 'saas', kind: 'fit', points: 15 },
      { ruleId: 'demo', kind: 'behavior', points: 10, at: new Date(T) },
    ]);
    expect(results[4]!.contributions).toEqual([]);
    expect(results[3]!.score).toBe(25);
  });
});

describe('fit rules of a large batch that the generated pass cannot take', () => {
  it('score a dot path inside all, any and not as the lead-by-lead evaluation does', () => {
    // 1,200 leads (past the 1,024 from which fit rules of a batch are generated); a dot path
    // such as company.employees is not generated, so the whole fit pass falls back.
    const m = validateModel({
      id: 'dot',
      version: 1,
      threshold: 100,
      rules: [
        {
          id: 'mid-saas',
          kind: 'fit',
          points: 10,
          when: {
            all: [
              { field: 'company.employees', between: [50, 500] },
              { field: 'industry', equals: 'saas' },
            ],
          },
        },
        {
          id: 'any',
          kind: 'fit',
          points: 1,
          when: {
            any: [
              { field: 'industry', equals: 'retail' },
              { not: { field: 'company.employees', exists: true } },
            ],
          },
        },
      ],
    });
    const leads = Array.from({ length: 1200 }, (_, i) => ({
      id: i,
      industry: i % 2 === 0 ? 'saas' : 'retail',
      ...(i % 3 === 0 ? {} : { company: { employees: i % 600 } }),
    }));
    // By hand: mid-saas when i is even, i % 3 ≠ 0 and 50 ≤ i % 600 ≤ 500; any when i is odd
    // or i % 3 = 0.
    const want = leads.map(({ id: i }) => {
      const mid = i % 2 === 0 && i % 3 !== 0 && i % 600 >= 50 && i % 600 <= 500 ? 10 : 0;
      const any = i % 2 === 1 || i % 3 === 0 ? 1 : 0;
      return mid + any;
    });
    const got = scoreLeads(m, leads, [], { asOf: T, explain: false });
    expect(got.map((r) => r.fit)).toEqual(want);
    expect(want.filter((p) => p >= 10).length).toBeGreaterThan(100);
  });
});

describe('windows in the batch loop', () => {
  const D = 86_400_000;
  const windowed = validateModel({
    id: 'w',
    version: 1,
    threshold: 50,
    rules: [
      { id: 'demo', kind: 'behavior', points: 30, when: { activity: 'demo', withinDays: 7 } },
    ],
  });

  it('drops expired rows before it asks whether the lead qualified', () => {
    // Demos on day 0 and day 10: on day 10 the first has left its 7-day
    // window, so the running score is 30, never 60: the lead never qualifies.
    const activities = [
      { leadId: 'a', type: 'demo', at: T },
      { leadId: 'a', type: 'demo', at: T + 10 * D },
    ];
    const [result] = scoreLeads(windowed, [{ id: 'a' }], activities, { asOf: T + 12 * D });
    expect(result!.score).toBe(30);
    expect(result!.qualifiedAt).toBeNull();
    const columns = scoreLeadsColumns(
      windowed,
      [{ id: 'a' }],
      {
        leadIndex: Int32Array.of(0, 0),
        type: Uint8Array.of(0, 0),
        types: ['demo'],
        at: Float64Array.of(T, T + 10 * D),
      },
      { asOf: T + 12 * D },
    );
    expect(Array.from(columns.score)).toEqual([30]);
    expect(Number.isNaN(columns.qualifiedAt[0]!)).toBe(true);
  });

  it('scores more than 32 rules over columns that the rules read one of', () => {
    // 40 rules of 1 point on demos (two words of rule bits), one of them with a
    // condition on a field that has no column: 39 points for one demo.
    const rules = Array.from({ length: 40 }, (_, i) => ({
      id: `r${i}`,
      kind: 'behavior' as const,
      points: 1,
      when:
        i === 39
          ? { activity: 'demo', where: { field: 'utm', exists: true } }
          : { activity: 'demo' },
    }));
    const many = validateModel({ id: 'many', version: 1, threshold: 100, rules });
    const columns = {
      leadIndex: Int32Array.of(0),
      type: Uint8Array.of(0),
      types: ['demo'],
      at: Float64Array.of(T),
    };
    const out = scoreLeadsColumns(many, [{ id: 'a' }], columns, { asOf: T + D });
    expect(Array.from(out.score)).toEqual([39]);
  });

  it('reads a field with no column as missing when no rule reads a column', () => {
    const m = validateModel({
      id: 'n',
      version: 1,
      threshold: 100,
      rules: [
        {
          id: 'no-utm',
          kind: 'behavior',
          points: 4,
          when: { activity: 'demo', where: { field: 'utm', exists: false } },
        },
      ],
    });
    const columns = {
      leadIndex: Int32Array.of(0, 0),
      type: Uint8Array.of(0, 0),
      types: ['demo'],
      at: Float64Array.of(T, T + H),
    };
    expect(Array.from(scoreLeadsColumns(m, [{ id: 'a' }], columns, { asOf: T + D }).score)).toEqual(
      [8],
    );
  });
});

describe('the general loop (explanations, or rows out of time order)', () => {
  const D = 86_400_000;
  const demo = validateModel({
    id: 'd',
    version: 1,
    threshold: 20,
    rules: [{ id: 'demo', kind: 'behavior', points: 10, when: { activity: 'demo' } }],
  });

  it('reads the score after the last row of an instant, whatever the rows before held', () => {
    // Lead a: demos at T, T + H, T + 2H (it reaches 20 at T + H). Lead b:
    // demos at T + H and T + 2H, so it reaches 20 at its last row, where the
    // row after it is a's T + 2H left in the copy. Lead c: two demos at
    // T + H, then one at T + 2H: it reaches 20 at T + H, once both have counted.
    const activities = [
      { leadId: 'a', type: 'demo', at: T },
      { leadId: 'a', type: 'demo', at: T + H },
      { leadId: 'a', type: 'demo', at: T + 2 * H },
      { leadId: 'b', type: 'demo', at: T + H },
      { leadId: 'b', type: 'demo', at: T + 2 * H },
      { leadId: 'c', type: 'demo', at: T + H },
      { leadId: 'c', type: 'demo', at: T + H },
      { leadId: 'c', type: 'demo', at: T + 2 * H },
    ];
    const people = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    for (const explain of [true, false]) {
      const out = scoreLeads(demo, people, activities, { asOf: T + D, explain });
      expect(out.map((r) => r.qualifiedAt)).toEqual([
        new Date(T + H),
        new Date(T + 2 * H),
        new Date(T + H),
      ]);
    }
  });

  it('checks type and value codes of rows it copies (rows out of time order)', () => {
    const people = [{ id: 'a' }];
    // Rows of one lead out of time order: the rows are copied and checked as read.
    const byType = {
      leadIndex: Int32Array.of(0, 0),
      type: Uint8Array.of(0, 1),
      types: ['demo'],
      at: Float64Array.of(T + H, T),
    };
    expectLeadMathError(
      () => scoreLeadsColumns(demo, people, byType, { asOf: T + D }),
      'INVALID_ARGUMENT',
      'activities.type[1]',
    );
    const onValue = validateModel({
      id: 'v',
      version: 1,
      threshold: 20,
      rules: [
        {
          id: 'pricing',
          kind: 'behavior',
          points: 10,
          when: { activity: 'demo', where: { field: 'path', equals: '/pricing' } },
        },
      ],
    });
    const withValues = {
      ...byType,
      type: Uint8Array.of(0, 0),
      properties: { path: { codes: Uint8Array.of(0, 2), values: ['/pricing', '/blog'] } },
    };
    expectLeadMathError(
      () => scoreLeadsColumns(onValue, people, withValues, { asOf: T + D }),
      'INVALID_ARGUMENT',
      'activities.properties.path.codes[1]',
    );
    const badType = { ...withValues, type: Uint8Array.of(0, 1) };
    expectLeadMathError(
      () => scoreLeadsColumns(onValue, people, badType, { asOf: T + D }),
      'INVALID_ARGUMENT',
      'activities.type[1]',
    );
  });
});
