import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { modelJsonSchema } from '../../scripts/model-json-schema';
import { scoreLead } from '../../src/scoring/scoreLead';
import { safeValidateModel, validateModel } from '../../src/scoring/validateModel';
import { catchLeadMathError, expectLeadMathError } from '../_helpers';
import { smbModel } from './fixtures';

const base = { id: 'm', version: 1, threshold: 50 };
const fitModel = (when: unknown) => ({
  ...base,
  rules: [{ id: 'r', kind: 'fit', points: 1, when }],
});

describe('validateModel', () => {
  it('returns a frozen, typed copy of a valid model', () => {
    const model = validateModel(smbModel);
    expect(model).toEqual(smbModel);
    expect(model).not.toBe(smbModel);
    expect(Object.isFrozen(model.rules[0])).toBe(true);
  });

  describe('names the JSON path and the expectation', () => {
    const cases: ReadonlyArray<[string, unknown, string, string]> = [
      [
        'a short between',
        fitModel({ field: 'x', between: [5] }),
        'rules[0].when.between[1]',
        'a finite number',
      ],
      [
        'a reversed between',
        fitModel({ field: 'x', between: [5, 1] }),
        'rules[0].when.between',
        '[min, max] with min ≤ max',
      ],
      [
        'a nested bad value',
        fitModel({ all: [{ field: 'x', gte: 'big' }] }),
        'rules[0].when.all[0].gte',
        'a finite number',
      ],
      [
        'two operators',
        fitModel({ field: 'x', equals: 1, gte: 3 }),
        'rules[0].when',
        'a condition with exactly one operator',
      ],
      [
        'no operator',
        fitModel({ field: 'x' }),
        'rules[0].when',
        'a condition with exactly one operator',
      ],
      [
        'an empty all',
        fitModel({ all: [] }),
        'rules[0].when.all',
        'a non-empty array of conditions',
      ],
      [
        'a missing field',
        fitModel({ equals: 3 }),
        'rules[0].when.field',
        'present (a required key)',
      ],
      [
        'an unknown kind',
        { ...base, rules: [{ id: 'r', kind: 'fitt', points: 1, when: {} }] },
        'rules[0].kind',
        "'fit' or 'behavior'",
      ],
      [
        'points as a string',
        {
          ...base,
          rules: [{ id: 'r', kind: 'fit', points: '5', when: { field: 'x', exists: true } }],
        },
        'rules[0].points',
        'a finite number',
      ],
      [
        'a zero cap',
        {
          ...base,
          rules: [
            { id: 'r', kind: 'behavior', points: 5, cap: 0, when: { activity: 'page_view' } },
          ],
        },
        'rules[0].cap',
        'a finite number > 0 and ≤ 1000000000',
      ],
      ['an unknown key', { ...base, rules: [], colour: 'red' }, 'colour', 'absent (unknown key)'],
      [
        'a bad decay rate',
        { ...base, rules: [], decay: { kind: 'percent', rate: 1.5, everyDays: 7 } },
        'decay.rate',
        'a number in (0, 1]',
      ],
      [
        'a zero threshold',
        { ...base, threshold: 0, rules: [] },
        'threshold',
        'a finite number > 0',
      ],
      ['a non-object', null, 'model', 'an object'],
    ];
    for (const [name, json, path, expected] of cases) {
      it(`for ${name}: ${path}`, () => {
        const error = expectLeadMathError(() => validateModel(json), 'INVALID_MODEL', path);
        expect(error.details.expected).toContain(expected);
        expect(error.message).toMatch(/^validateModel: /);
      });
    }
  });

  it('rejects repeated and reserved rule ids and a floor above the threshold', () => {
    const rule = { kind: 'fit', points: 1, when: { field: 'x', exists: true } };
    expectLeadMathError(
      () =>
        validateModel({
          ...base,
          rules: [
            { id: 'a', ...rule },
            { id: 'a', ...rule },
          ],
        }),
      'INVALID_MODEL',
      'rules[1].id',
    );
    expectLeadMathError(
      () => validateModel({ ...base, rules: [{ id: 'decay', ...rule }] }),
      'INVALID_MODEL',
      'rules[0].id',
    );
    expectLeadMathError(
      () => validateModel({ ...base, floor: 60, rules: [] }),
      'INVALID_MODEL',
      'floor',
    );
  });

  it('lists every issue in details.issues and in safeValidateModel', () => {
    const json = {
      ...base,
      threshold: -1,
      rules: [{ id: '', kind: 'fit', points: 1, when: { field: 'x', exists: 1 } }],
    };
    const error = catchLeadMathError(() => validateModel(json));
    expect(error.details.issues?.map((i) => i.path)).toEqual([
      'threshold',
      'rules[0].id',
      'rules[0].when.exists',
    ]);
    expect(error.message).toContain('(and 2 more issues)');
    const safe = safeValidateModel(json);
    expect(safe.success).toBe(false);
    expect(safe.issues).toHaveLength(3);
    expect(safe.issues.map((i) => i.code)).toEqual([
      'INVALID_MODEL',
      'INVALID_MODEL',
      'INVALID_MODEL',
    ]);
    // A good model: the model and no issues.
    const good = safeValidateModel({ ...base, rules: [] });
    expect([good.success, good.issues]).toEqual([true, []]);
  });
});

describe('model.schema.json', () => {
  const path = join(import.meta.dirname, '..', '..', 'schema', 'model.schema.json');
  const committed = JSON.parse(readFileSync(path, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  const check = ajv.compile(committed);

  it('is up to date with the valibot schema (run `npm run schema`)', () => {
    expect(committed).toEqual(modelJsonSchema());
  });

  it('accepts the models validateModel accepts', () => {
    expect(check(smbModel)).toBe(true);
    expect(
      check({ ...base, rules: [], decay: { kind: 'halfLife', halfLifeDays: 14 }, floor: 10 }),
    ).toBe(true);
  });

  it('rejects structural mistakes validateModel rejects', () => {
    expect(check(fitModel({ field: 'x', between: [5] }))).toBe(false);
    expect(check(fitModel({ field: 'x', equals: 1, gte: 3 }))).toBe(false);
    expect(check({ ...base, rules: [], colour: 'red' })).toBe(false);
    expect(check({ ...base, threshold: 0, rules: [] })).toBe(false);
  });
});

describe('conditions', () => {
  const score = (when: unknown, lead: Record<string, unknown>) =>
    scoreLead(fitModel(when) as never, lead, [], { asOf: 0 }).score;

  it('equals and in compare strictly', () => {
    expect(score({ field: 'n', equals: 5 }, { n: 5 })).toBe(1);
    expect(score({ field: 'n', equals: 5 }, { n: '5' })).toBe(0);
    expect(score({ field: 'c', in: ['NO', 'SE'] }, { c: 'SE' })).toBe(1);
    expect(score({ field: 'c', in: ['NO', 'SE'] }, { c: 'se' })).toBe(0);
    expect(score({ field: 'x', equals: null }, { x: null })).toBe(1);
  });

  it('between, gte and lte are inclusive and only match numbers', () => {
    expect(score({ field: 'n', between: [50, 500] }, { n: 50 })).toBe(1);
    expect(score({ field: 'n', between: [50, 500] }, { n: 500 })).toBe(1);
    expect(score({ field: 'n', between: [50, 500] }, { n: 501 })).toBe(0);
    expect(score({ field: 'n', gte: 10 }, { n: 10 })).toBe(1);
    expect(score({ field: 'n', lte: 10 }, { n: '9' })).toBe(0);
  });

  it('contains reads strings and arrays; startsWith reads strings; both case-sensitive', () => {
    expect(score({ field: 't', contains: 'Student' }, { t: 'PhD Student' })).toBe(1);
    expect(score({ field: 't', contains: 'student' }, { t: 'PhD Student' })).toBe(0);
    expect(score({ field: 'tags', contains: 'vip' }, { tags: ['new', 'vip'] })).toBe(1);
    expect(score({ field: 'e', startsWith: 'ceo@' }, { e: 'ceo@x.io' })).toBe(1);
    expect(score({ field: 'e', startsWith: 'ceo@' }, { e: 42 })).toBe(0);
  });

  it('exists treats null as absent, and dot paths walk nested objects', () => {
    expect(score({ field: 'a.b', exists: true }, { a: { b: 0 } })).toBe(1);
    expect(score({ field: 'a.b', exists: true }, { a: { b: null } })).toBe(0);
    expect(score({ field: 'a.b', exists: false }, { a: 'text' })).toBe(1);
  });

  it('all, any and not combine', () => {
    const when = {
      all: [
        { field: 'a', equals: 1 },
        {
          not: {
            any: [
              { field: 'b', equals: 1 },
              { field: 'c', equals: 1 },
            ],
          },
        },
      ],
    };
    expect(score(when, { a: 1 })).toBe(1);
    expect(score(when, { a: 1, c: 1 })).toBe(0);
  });
});

describe('hardening', () => {
  const deep = (depth: number): unknown => {
    let when: unknown = { field: 'x', exists: true };
    for (let i = 0; i < depth; i++) when = { not: when };
    return when;
  };
  const model = (when: unknown) => ({
    id: 'm',
    version: 1,
    threshold: 10,
    rules: [{ id: 'r', kind: 'fit', points: 10, when }],
  });

  it('accepts conditions nested 32 deep, and names the path of one nested deeper', () => {
    expect(validateModel(model(deep(31))).rules).toHaveLength(1);
    const error = expectLeadMathError(() => validateModel(model(deep(2000))), 'INVALID_MODEL');
    expect(error.details.path).toBe(`rules[0].when${'.not'.repeat(32)}`);
    expect(error.details.expected).toBe('a condition nested at most 32 deep');
  });

  it('rejects a condition that contains itself instead of overflowing the stack', () => {
    const loop: { not?: unknown } = {};
    loop.not = loop;
    expectLeadMathError(() => validateModel(model(loop)), 'INVALID_MODEL');
    expect(safeValidateModel(model(loop)).success).toBe(false);
    expectLeadMathError(
      () => scoreLead(model(loop) as never, {}, [], { asOf: 0 }),
      'INVALID_MODEL',
    );
  });

  it('never reads prototype properties as fields', () => {
    const fit = validateModel(model({ field: 'constructor', exists: true }));
    expect(scoreLead(fit, {}, [], { asOf: 0 }).score).toBe(0);
    expect(scoreLead(fit, { constructor: 'x' }, [], { asOf: 0 }).score).toBe(10);
    const behavior = validateModel({
      id: 'b',
      version: 1,
      threshold: 10,
      rules: [
        {
          id: 'r',
          kind: 'behavior',
          points: 10,
          when: { activity: 'view', where: { field: 'toString', exists: true } },
        },
      ],
    });
    expect(scoreLead(behavior, {}, [{ type: 'view', at: 0 }], { asOf: 0 }).score).toBe(0);
    expect(
      scoreLead(behavior, {}, [{ type: 'view', at: 0, properties: {} }], { asOf: 0 }).score,
    ).toBe(0);
  });

  it('closes validation gaps with leadmath’s own messages', () => {
    const cases: [unknown, string, string][] = [
      [
        model({ field: 'x', between: [1, 2, 3] }),
        'rules[0].when.between[2]',
        '[min, max], exactly two finite numbers',
      ],
      [
        model({ field: 'x', in: [] }),
        'rules[0].when.in',
        'a non-empty array of strings, finite numbers, booleans or nulls',
      ],
      [
        {
          ...(model({ field: 'x', exists: true }) as object),
          rules: [{ id: 'r', kind: 'fit', points: 1, cap: 5, when: { field: 'x', exists: true } }],
        },
        'rules[0].cap',
        'absent (unknown key)',
      ],
      [
        { ...(model(deep(0)) as object), version: 1.2 },
        'version',
        'a non-empty string or a whole number ≥ 0',
      ],
      [
        {
          ...(model(deep(0)) as object),
          rules: [{ id: 'r', kind: 'fit', points: 1e308, when: { field: 'x', exists: true } }],
        },
        'rules[0].points',
        'a finite number from −1000000000 to 1000000000',
      ],
      [
        { ...(model(deep(0)) as object), decay: { kind: 'percent', rate: 0.5, everyDays: 5e-324 } },
        'decay.everyDays',
        'a number of days from 1/1440 (a minute) to 109573',
      ],
    ];
    for (const [json, path, expected] of cases) {
      const error = expectLeadMathError(() => validateModel(json), 'INVALID_MODEL', path);
      expect(error.details.expected).toBe(expected);
      expect(error.message).not.toMatch(/Invalid|Received/);
    }
  });
});

describe('condition errors name the exact path', () => {
  const fitWhen = (when: unknown) => ({
    id: 'm',
    version: 1,
    threshold: 10,
    rules: [{ id: 'r', kind: 'fit', points: 1, when }],
  });
  const whereModel = (where: unknown) => ({
    id: 'm',
    version: 1,
    threshold: 10,
    rules: [{ id: 'r', kind: 'behavior', points: 1, when: { activity: 'view', where } }],
  });
  const cases: [string, unknown, string, string][] = [
    [
      'two operators',
      fitWhen({ field: 'x', equals: 1, gte: 3 }),
      'rules[0].when',
      'a condition with exactly one operator (equals, in, between, gte, lte, contains, exists, startsWith, all, any, not)',
    ],
    [
      'not an object',
      fitWhen('x'),
      'rules[0].when',
      'a condition object with one of equals, in, between, gte, lte, contains, exists, startsWith, all, any, not',
    ],
    [
      'an array',
      fitWhen([]),
      'rules[0].when',
      'a condition object with one of equals, in, between, gte, lte, contains, exists, startsWith, all, any, not',
    ],
    [
      'inside all',
      fitWhen({
        all: [
          { field: 'x', exists: true },
          { field: 'y', gte: 'a' },
        ],
      }),
      'rules[0].when.all[1].gte',
      'a finite number',
    ],
    [
      'inside any',
      fitWhen({ any: [{ field: '', exists: true }] }),
      'rules[0].when.any[0].field',
      'a non-empty string',
    ],
    [
      'inside not',
      fitWhen({ not: { field: 'x', between: [5, 1] } }),
      'rules[0].when.not.between',
      '[min, max] with min ≤ max',
    ],
    [
      'an unknown key in a leaf',
      fitWhen({ field: 'x', exists: true, note: 1 }),
      'rules[0].when.note',
      'absent (unknown key)',
    ],
    [
      'a missing field',
      fitWhen({ exists: true }),
      'rules[0].when.field',
      'present (a required key)',
    ],
    [
      'a where condition',
      whereModel({ field: 'path', startsWith: 5 }),
      'rules[0].when.where.startsWith',
      'a string',
    ],
    ['an empty all', fitWhen({ all: [] }), 'rules[0].when.all', 'a non-empty array of conditions'],
  ];
  for (const [name, json, path, expected] of cases) {
    it(`names ${path} for ${name}`, () => {
      const error = expectLeadMathError(() => validateModel(json), 'INVALID_MODEL', path);
      expect(error.details.expected).toBe(expected);
    });
  }

  it('explains a bad condition where it stands: a fit rule, a where, inside all, any and not', () => {
    const expected =
      'a condition with exactly one operator (equals, in, between, gte, lte, contains, exists, startsWith, all, any, not)';
    const bad = { field: 'x', lessThan: 3 };
    const fitRule = (when: unknown) => [{ id: 'f', kind: 'fit', points: 1, when }];
    const behaviour = (where: unknown) => [
      { id: 'b', kind: 'behavior', points: 1, when: { activity: 'a', where } },
    ];
    const cases: [unknown[], string][] = [
      [fitRule(bad), 'rules[0].when'],
      [behaviour(bad), 'rules[0].when.where'],
      [fitRule({ all: [{ field: 'y', exists: true }, bad] }), 'rules[0].when.all[1]'],
      [fitRule({ any: [bad] }), 'rules[0].when.any[0]'],
      [fitRule({ not: bad }), 'rules[0].when.not'],
      [behaviour({ not: { all: [bad] } }), 'rules[0].when.where.not.all[0]'],
    ];
    for (const [rules, path] of cases) {
      const result = safeValidateModel({ id: 'm', version: 1, threshold: 10, rules });
      expect(result.issues.map((i) => [i.path, i.expected])).toEqual([[path, expected]]);
    }
    // Other unions are not conditions: a version, a scalar to compare with, an item of `in`.
    const scalar = 'a string, finite number, boolean or null';
    const others: [Record<string, unknown>, string, string][] = [
      [{ version: true, rules: [] }, 'version', 'a non-empty string or a whole number ≥ 0'],
      [{ rules: fitRule({ field: 'a', equals: {} }) }, 'rules[0].when.equals', scalar],
      [{ rules: fitRule({ field: 'a', in: [[1]] }) }, 'rules[0].when.in[0]', scalar],
    ];
    for (const [fields, path, want] of others) {
      const result = safeValidateModel({ id: 'm', version: 1, threshold: 10, ...fields });
      expect(result.issues.map((i) => [i.path, i.expected])).toEqual([[path, want]]);
    }
    // A behaviour rule's `when` is not a condition: its own fields are named.
    const notCondition = safeValidateModel({
      id: 'm',
      version: 1,
      threshold: 10,
      rules: [{ id: 'b', kind: 'behavior', points: 1, when: { activity: 5 } }],
    });
    expect(notCondition.issues[0]?.path).toBe('rules[0].when.activity');
  });

  it('names a rule that is null or not an object', () => {
    for (const rule of [null, 5, 'x']) {
      expectLeadMathError(
        () => validateModel({ id: 'm', version: 1, threshold: 10, rules: [rule] }),
        'INVALID_MODEL',
        'rules[0]',
      );
    }
  });

  it('reports a hostile object as not plain JSON data', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { getPrototypeOf: trap });
    const result = safeValidateModel(proxy);
    expect(result.success).toBe(false);
    expect(result.issues[0]?.expected).toBe('plain JSON data');
    expect(result.issues[0]?.path).toBe('model');
  });

  it('allows a floor equal to the threshold, not above it', () => {
    const base = { id: 'm', version: 1, threshold: 10, rules: [] };
    expect(validateModel({ ...base, floor: 10 }).floor).toBe(10);
    expectLeadMathError(() => validateModel({ ...base, floor: 10.5 }), 'INVALID_MODEL', 'floor');
  });

  it('counts further issues in the message', () => {
    const error = expectLeadMathError(
      () => validateModel({ id: '', version: -1, threshold: 0, rules: [] }),
      'INVALID_MODEL',
    );
    expect(error.message).toContain('(and 2 more issues)');
    const two = expectLeadMathError(
      () => validateModel({ id: '', version: -1, threshold: 1, rules: [] }),
      'INVALID_MODEL',
    );
    expect(two.message).toContain('(and 1 more issue)');
    const one = expectLeadMathError(
      () => validateModel({ id: '', version: 1, threshold: 1, rules: [] }),
      'INVALID_MODEL',
    );
    expect(one.message).toBe('validateModel: id must be a non-empty string, got ""');
  });
});

describe('safeValidateModel on shapes that are not conditions at all', () => {
  const base = { id: 'm', version: 1, threshold: 10 };
  const fitRule = (when: unknown) => ({
    ...base,
    rules: [{ id: 'f', kind: 'fit', points: 1, when }],
  });

  it('reports a rule that is null, and a condition that is null or a string, without throwing', () => {
    for (const [model, path] of [
      [{ ...base, rules: [null] }, 'rules[0]'],
      [fitRule({ not: null }), 'rules[0].when.not'],
      [fitRule('industry = saas'), 'rules[0].when'],
    ] as const) {
      const result = safeValidateModel(model);
      expect(result.success).toBe(false);
      expect(result.issues.map((i) => i.path)).toContain(path);
    }
    const text = safeValidateModel(fitRule('industry = saas')).issues[0]!;
    expect(text.expected).toMatch(/^a condition object with one of /);
  });

  it('explains a bad value inside a condition as the value it must be, not as a condition', () => {
    // `equals` and the items of `in` are scalars (a union of their own).
    const equals = safeValidateModel(fitRule({ field: 'industry', equals: { a: 1 } })).issues;
    expect(equals.map((i) => [i.path, i.expected])).toEqual([
      ['rules[0].when.equals', 'a string, finite number, boolean or null'],
    ]);
    const within = safeValidateModel(fitRule({ field: 'industry', in: ['saas', [1]] })).issues;
    expect(within.map((i) => [i.path, i.expected])).toEqual([
      ['rules[0].when.in[1]', 'a string, finite number, boolean or null'],
    ]);
    const behavior = safeValidateModel({
      ...base,
      rules: [
        {
          id: 'b',
          kind: 'behavior',
          points: 1,
          when: { activity: 'demo', where: { field: 'utm', equals: { a: 1 } } },
        },
      ],
    }).issues;
    expect(behavior.map((i) => [i.path, i.expected])).toEqual([
      ['rules[0].when.where.equals', 'a string, finite number, boolean or null'],
    ]);
  });

  it('has no issues for a valid model', () => {
    expect(safeValidateModel(fitRule({ field: 'industry', equals: 'saas' })).issues).toEqual([]);
  });
});
