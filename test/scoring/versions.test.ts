import { describe, expect, it } from 'vitest';
import { decayScore } from '../../src/scoring/decayScore';
import { diffModels } from '../../src/scoring/diffModels';
import { reviewDates } from '../../src/scoring/reviewDates';
import { expectLeadMathError } from '../_helpers';
import { smbModel } from './fixtures';

describe('diffModels', () => {
  it('finds nothing between a model and itself, or a copy with keys reordered', () => {
    expect(diffModels(smbModel, smbModel)).toEqual([]);
    const reordered = {
      ...smbModel,
      rules: smbModel.rules.map((rule) => Object.fromEntries(Object.entries(rule).reverse())),
    } as never;
    expect(diffModels(smbModel, reordered)).toEqual([]);
  });

  it('reads no change in the key order of nested conditions, and leaves out what was absent', () => {
    const a = {
      id: 'm',
      version: 1,
      threshold: 10,
      rules: [
        {
          id: 'r',
          kind: 'behavior',
          points: 5,
          when: { activity: 'view', where: { field: 'path', equals: '/pricing' } },
        },
      ],
    };
    const b = {
      ...a,
      rules: [
        {
          id: 'r',
          kind: 'behavior',
          points: 5,
          when: { where: { equals: '/pricing', field: 'path' }, activity: 'view' },
        },
      ],
    };
    expect(diffModels(a as never, b as never)).toStrictEqual([]);
    // A floor added: no `before` and no rule id; a changed condition: its rule id.
    const c = {
      ...a,
      floor: 3,
      rules: [{ ...a.rules[0]!, when: { activity: 'view' } }],
    };
    expect(diffModels(a as never, c as never)).toStrictEqual([
      { type: 'changed', field: 'floor', after: 3 },
      {
        type: 'changed',
        ruleId: 'r',
        field: 'when',
        before: a.rules[0]!.when,
        after: { activity: 'view' },
      },
    ]);
    expect(diffModels(c as never, a as never)[0]).toStrictEqual({
      type: 'changed',
      field: 'floor',
      before: 3,
    });
  });

  it('lists model fields, removed, added and changed rules with before and after', () => {
    const next = {
      ...smbModel,
      version: '2026-06',
      threshold: 60,
      floor: 20,
      decay: { kind: 'halfLife', halfLifeDays: 21 },
      rules: [
        ...smbModel.rules.filter((r) => r.id !== 'webinar' && r.id !== 'size'),
        {
          id: 'size',
          kind: 'fit',
          points: 15,
          when: { field: 'company.employees', between: [20, 500] },
        },
        { id: 'demo', kind: 'behavior', points: 40, when: { activity: 'demo_request' } },
      ],
    } as const;
    expect(diffModels(smbModel, next)).toEqual([
      { type: 'changed', field: 'threshold', before: 50, after: 60 },
      { type: 'changed', field: 'floor', after: 20 },
      {
        type: 'changed',
        field: 'decay',
        before: { kind: 'percent', rate: 0.5, everyDays: 30, afterDays: 7 },
        after: { kind: 'halfLife', halfLifeDays: 21 },
      },
      { type: 'removed', ruleId: 'webinar', before: smbModel.rules[4] },
      { type: 'changed', ruleId: 'size', field: 'points', before: 10, after: 15 },
      {
        type: 'changed',
        ruleId: 'size',
        field: 'when',
        before: { field: 'company.employees', between: [50, 500] },
        after: { field: 'company.employees', between: [20, 500] },
      },
      { type: 'added', ruleId: 'demo', after: next.rules.at(-1) },
    ]);
  });

  it('throws INVALID_MODEL for an invalid version', () => {
    expectLeadMathError(
      () => diffModels(smbModel, { ...smbModel, threshold: 'high' } as never),
      'INVALID_MODEL',
      'threshold',
    );
  });
});

describe('reviewDates', () => {
  it('reviews 60 days after publishing, then every 90 (Python datetime: 16 Mar, 14 Jun, 12 Sep)', () => {
    const dates = reviewDates('2026-01-15T00:00:00Z', { count: 3 });
    expect(dates.map((d) => d.toISOString())).toEqual([
      '2026-03-16T00:00:00.000Z',
      '2026-06-14T00:00:00.000Z',
      '2026-09-12T00:00:00.000Z',
    ]);
  });

  it('counts calendar days in the zone across daylight saving', () => {
    // midnight in New York stays midnight: EST (−5) in January, EDT (−4) in March
    const [first] = reviewDates('2026-01-15T00:00:00-05:00', {
      count: 1,
      timeZone: 'America/New_York',
    });
    expect(first?.toISOString()).toBe('2026-03-16T04:00:00.000Z');
  });

  it('takes custom intervals', () => {
    const dates = reviewDates(Date.UTC(2026, 0, 1), {
      count: 2,
      firstAfterDays: 30,
      everyDays: 30,
    });
    expect(dates.map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-01-31', '2026-03-02']);
  });

  it('throws for bad input', () => {
    expectLeadMathError(
      () => reviewDates('2026-01-15', { count: 1 }),
      'INVALID_DATE',
      'publishedAt',
    );
    expectLeadMathError(() => reviewDates(0, { count: 0 }), 'INVALID_COUNT', 'options.count');
    expectLeadMathError(
      () => reviewDates(0, { count: 1, everyDays: 0.5 }),
      'INVALID_DURATION',
      'options.everyDays',
    );
    expectLeadMathError(
      () => reviewDates(0, { count: 1, timeZone: 'Nowhere' }),
      'INVALID_TIME_ZONE',
      'options.timeZone',
    );
  });
});

describe('reviewDates bounds', () => {
  it('lists up to 10,000 reviews, and none past 2200', () => {
    expect(reviewDates('2026-01-15T00:00:00Z', { count: 1, everyDays: 1 })).toHaveLength(1);
    expect(reviewDates('2026-01-15T00:00:00Z', { count: 10_000, everyDays: 1 })).toHaveLength(
      10_000,
    );
    expectLeadMathError(
      () => reviewDates('2026-01-15T00:00:00Z', { count: 10_001 }),
      'INVALID_COUNT',
      'options.count',
    );
    expectLeadMathError(
      () => reviewDates('2026-01-15T00:00:00Z', { count: '3' as never }),
      'INVALID_COUNT',
      'options.count',
    );
    expectLeadMathError(
      () => reviewDates('2026-01-15T00:00:00Z', { count: 2.5 }),
      'INVALID_COUNT',
      'options.count',
    );
    // 60 + 999 × 90 days from 2026 is in 2272.
    expectLeadMathError(
      () => reviewDates('2026-01-15T00:00:00Z', { count: 1000 }),
      'INVALID_COUNT',
      'options.count',
    );
  });
});

describe('decayScore policies', () => {
  it('names an unknown or missing policy key, and leaves a score at the floor alone', () => {
    const unknown = expectLeadMathError(
      () =>
        decayScore(80, {
          elapsedDays: 1,
          policy: { kind: 'halfLife', halfLifeDays: 7, rate: 1 } as never,
        }),
      'INVALID_ARGUMENT',
      'options.policy.rate',
    );
    expect(unknown.details.expected).toBe('absent (unknown key)');
    expectLeadMathError(
      () => decayScore(80, { elapsedDays: 1, policy: { kind: 'percent', rate: 0.5 } as never }),
      'INVALID_ARGUMENT',
      'options.policy.everyDays',
    );
    expect(
      decayScore(20, {
        elapsedDays: 30,
        policy: { kind: 'points', points: 5, everyDays: 1 },
        floor: 20,
      }),
    ).toBe(20);
  });
});
