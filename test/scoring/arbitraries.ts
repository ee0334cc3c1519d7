import { fc } from '@fast-check/vitest';
import type { Condition, ScoringModel } from '../../src/scoring/model';

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------
export const industries = ['SaaS', 'Retail', 'Bank'];
export const types = ['page_view', 'webinar', 'demo'];
export const paths = ['/pricing', '/pricing/teams', '/careers', '/blog'];

export const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...industries).map((v) => ({ field: 'industry', equals: v })),
  fc.subarray(industries, { minLength: 1 }).map((v) => ({ field: 'industry', in: v })),
  fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })).map(([a, b]) => ({
    field: 'company.employees',
    between: [Math.min(a, b), Math.max(a, b)] as const,
  })),
  fc.integer({ min: 0, max: 1000 }).map((v) => ({ field: 'company.employees', gte: v })),
  fc.constantFrom('vip', 'new').map((v) => ({ field: 'tags', contains: v })),
  fc.boolean().map((v) => ({ field: 'phone', exists: v })),
);
export const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;
export const pathCondition: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...paths).map((v) => ({ field: 'path', equals: v })),
  fc.constantFrom('/pricing', '/c').map((v) => ({ field: 'path', startsWith: v })),
);

export const points = fc.integer({ min: -30, max: 40 });
export const fitRule = fc.record(
  {
    kind: fc.constant('fit' as const),
    points,
    when: condition,
  },
  { requiredKeys: ['kind', 'points', 'when'] },
);
export const behaviorRule = fc.record(
  {
    kind: fc.constant('behavior' as const),
    points,
    cap: fc.integer({ min: 1, max: 60 }),
    when: fc.record(
      {
        activity: fc.constantFrom(...types),
        where: pathCondition,
        withinDays: fc.integer({ min: 1, max: 60 }),
      },
      { requiredKeys: ['activity'] },
    ),
  },
  { requiredKeys: ['kind', 'points', 'when'] },
);
export const rule = fc.oneof(fitRule, behaviorRule);
export const decay = fc.oneof(
  fc.record({
    kind: fc.constant('percent' as const),
    rate: fc.double({ min: 0.01, max: 1, noNaN: true }),
    everyDays: fc.integer({ min: 1, max: 30 }),
    afterDays: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('points' as const),
    points: fc.integer({ min: 1, max: 20 }),
    everyDays: fc.integer({ min: 1, max: 30 }),
    afterDays: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('halfLife' as const),
    halfLifeDays: fc.integer({ min: 1, max: 60 }),
    afterDays: fc.integer({ min: 0, max: 10 }),
  }),
);
/** Models of `minRules` to `maxRules` rules (more than 32 exercise the multi-word rule masks). */
/**
 * Models of `minRules` to `maxRules` rules drawn from `kind` (mostly
 * behaviour rules, more than 32 of them, exercise the multi-word rule masks).
 */
export const modelWith = (
  minRules: number,
  maxRules: number,
  kind: fc.Arbitrary<object> = rule,
): fc.Arbitrary<ScoringModel> =>
  fc
    .record(
      {
        threshold: fc.integer({ min: 1, max: 100 }),
        rules: fc.array(kind, { minLength: minRules, maxLength: maxRules }),
        decay,
        floorShare: fc.double({ min: 0, max: 1, noNaN: true }),
      },
      { requiredKeys: ['threshold', 'rules'] },
    )
    .map(({ threshold, rules, decay, floorShare }) => ({
      id: 'generated',
      version: 1,
      threshold,
      rules: rules.map((r, i) => ({ id: `r${i}`, ...r })) as unknown as ScoringModel['rules'],
      ...(decay === undefined ? {} : { decay }),
      ...(floorShare === undefined ? {} : { floor: Math.floor(threshold * floorShare) }),
    }));
export const model = modelWith(0, 6);

export const T0 = Date.UTC(2026, 0, 1);
export const DAY = 86_400_000;
export const lead = fc.record(
  {
    id: fc.constant('L'),
    industry: fc.constantFrom(...industries),
    company: fc.record({ employees: fc.integer({ min: 0, max: 1000 }) }),
    tags: fc.subarray(['vip', 'new']),
    phone: fc.constant('+47 000'),
  },
  { requiredKeys: ['id'] },
);
export const activity = fc.record({
  type: fc.constantFrom(...types),
  at: fc.integer({ min: T0, max: T0 + 90 * DAY }),
  properties: fc.record({ path: fc.constantFrom(...paths) }),
});
export const activities = fc.array(activity, { maxLength: 25 });
export const asOf = fc.integer({ min: T0, max: T0 + 180 * DAY });
