import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { scoreLead } from '../../src/scoring/scoreLead';
import { scoreLeads } from '../../src/scoring/scoreLeads';
import { scoreLeadsColumns } from '../../src/scoring/scoreLeadsColumns';
import { validateModel } from '../../src/scoring/validateModel';
import {
  activities,
  asOf,
  behaviorRule,
  DAY,
  fitRule,
  lead,
  model,
  modelWith,
  T0,
} from './arbitraries';
import { naiveScore } from './naiveScorer';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Activity objects as columns: types and paths interned in order of appearance. */
function toColumns(
  rows: readonly { type: string; at: number; properties: { path: unknown } }[],
  leadOf: (i: number) => number,
) {
  const types: string[] = [];
  const values: unknown[] = [];
  const type = new Uint8Array(rows.length);
  const codes = new Uint8Array(rows.length);
  rows.forEach((r, i) => {
    if (!types.includes(r.type)) types.push(r.type);
    if (!values.includes(r.properties.path)) values.push(r.properties.path);
    type[i] = types.indexOf(r.type);
    codes[i] = values.indexOf(r.properties.path);
  });
  return {
    leadIndex: Int32Array.from(rows, (_, i) => leadOf(i)),
    type,
    types,
    at: Float64Array.from(rows, (r) => r.at),
    properties: { path: { codes, values: values as never[] } },
  };
}

/**
 * Activities dealt to the leads in turn, scored by scoreLeads and by the
 * naive scorer; with explanations, the contributions must add up to the
 * score as well.
 */
function expectBatchAsNaive(
  m: unknown,
  leads: readonly Record<string, unknown>[],
  acts: readonly { type: string; at: number; properties: { path: unknown } }[],
  t: number,
  explain = false,
): void {
  const valid = validateModel(m);
  const withIds = leads.map((l, i) => ({ ...l, id: `L${i}` }));
  const rows = acts.map((a, i) => ({ ...a, leadId: `L${i % withIds.length}` }));
  const got = scoreLeads(valid, withIds, rows, { asOf: t, explain });
  withIds.forEach((l, i) => {
    const want = naiveScore(
      valid,
      l,
      rows.filter((r) => r.leadId === l.id),
      t,
    );
    expect(close(got[i]!.score, want.score)).toBe(true);
    expect(got[i]!.qualifiedAt?.getTime() ?? null).toBe(want.qualifiedAt);
    if (explain) {
      const sum = got[i]!.contributions.reduce((n, c) => n + c.points, 0);
      expect(close(sum, want.score)).toBe(true);
    }
  });
}

describe('the scoring engine against a naive scorer', () => {
  test.prop(
    {
      m: modelWith(
        33,
        45,
        fc.oneof({ arbitrary: behaviorRule, weight: 9 }, { arbitrary: fitRule, weight: 1 }),
      ),
      leads: fc.array(lead, { minLength: 1, maxLength: 3 }),
      acts: activities,
      t: asOf,
    },
    { numRuns: 60 },
  )(
    'models of more than 32 rules (several mask words) score as the naive scorer',
    ({ m, leads, acts, t }) => expectBatchAsNaive(m, leads, acts, t),
  );

  test.prop({
    m: model,
    leads: fc.array(lead, { minLength: 1, maxLength: 4 }),
    acts: activities,
    t: asOf,
  })('columnar activities in any row order score as the naive scorer', ({ m, leads, acts, t }) => {
    const valid = validateModel(m);
    const leadOf = (i: number) => (i * 7) % leads.length;
    const columns = toColumns(acts, leadOf);
    const got = scoreLeadsColumns(valid, leads, columns, { asOf: t });
    leads.forEach((l, j) => {
      const want = naiveScore(
        valid,
        l,
        acts.filter((_, i) => leadOf(i) === j),
        t,
      );
      expect(close(got.score[j]!, want.score)).toBe(true);
      const at = got.qualifiedAt[j]!;
      expect(Number.isNaN(at) ? null : at).toBe(want.qualifiedAt);
    });
  });

  test.prop({
    m: model,
    leads: fc.array(lead, { minLength: 1, maxLength: 5 }),
    acts: activities,
    t: asOf,
    shuffled: fc.integer({ min: -1, max: 4 }),
  })(
    'columnar rows grouped by lead in time order (scored in place), one lead possibly out of order, score as the naive scorer',
    ({ m, leads, acts, t, shuffled }) => {
      const valid = validateModel(m);
      const leadOf = (i: number) => (i * 3) % leads.length;
      // Grouped by lead, in time order, except lead `shuffled` in reverse.
      const positions = acts.map((_, i) => i);
      positions.sort((a, b) => {
        const la = leadOf(a);
        const lb = leadOf(b);
        if (la !== lb) return la - lb;
        const order = acts[a]!.at - acts[b]!.at || a - b;
        return la === shuffled ? -order : order;
      });
      const rows = positions.map((i) => acts[i]!);
      const columns = toColumns(rows, (k) => leadOf(positions[k]!));
      const got = scoreLeadsColumns(valid, leads, columns, { asOf: t });
      leads.forEach((l, j) => {
        const want = naiveScore(
          valid,
          l,
          acts.filter((_, i) => leadOf(i) === j),
          t,
        );
        expect(close(got.score[j]!, want.score)).toBe(true);
        const at = got.qualifiedAt[j]!;
        expect(Number.isNaN(at) ? null : at).toBe(want.qualifiedAt);
      });
    },
  );

  test.prop({ m: model, l: lead, acts: activities, t: asOf }, { numRuns: 300 })(
    'scoreLead gives the naive score, fit, behaviour and qualifiedAt',
    ({ m, l, acts, t }) => {
      const valid = validateModel(m);
      const got = scoreLead(valid, l, acts, { asOf: t, explain: false });
      const want = naiveScore(valid, l, acts, t);
      expect(close(got.fit, want.fit)).toBe(true);
      expect(close(got.behavior, want.behavior)).toBe(true);
      expect(close(got.score, want.score)).toBe(true);
      expect(got.qualifiedAt?.getTime() ?? null).toBe(want.qualifiedAt);
    },
  );

  test.prop({
    m: model,
    leads: fc.array(lead, { minLength: 1, maxLength: 4 }),
    acts: activities,
    t: asOf,
  })('scoreLeads gives every lead its naive score', ({ m, leads, acts, t }) =>
    expectBatchAsNaive(m, leads, acts, t),
  );

  test.prop({
    m: model,
    leads: fc.array(lead, { minLength: 1, maxLength: 3 }),
    acts: activities,
    t: asOf,
  })(
    'with explanations (the general loop, not the generated one), every lead gets its naive score and qualifiedAt, and the contributions add up to it',
    ({ m, leads, acts, t }) => expectBatchAsNaive(m, leads, acts, t, true),
  );

  it('counts a webinar exactly withinDays old, and not one a millisecond older', () => {
    const m = validateModel({
      id: 'w',
      version: 1,
      threshold: 10,
      rules: [
        { id: 'web', kind: 'behavior', points: 10, when: { activity: 'webinar', withinDays: 30 } },
      ],
    });
    const at = T0;
    expect(scoreLead(m, {}, [{ type: 'webinar', at }], { asOf: at + 30 * DAY }).score).toBe(10);
    expect(scoreLead(m, {}, [{ type: 'webinar', at }], { asOf: at + 30 * DAY + 1 }).score).toBe(0);
    expect(naiveScore(m, {}, [{ type: 'webinar', at }], at + 30 * DAY).score).toBe(10);
    // Qualification reads the same inclusive window: two webinars exactly 30 days apart qualify.
    const two = validateModel({ ...m, threshold: 20 });
    const pair = [
      { type: 'webinar', at },
      { type: 'webinar', at: at + 30 * DAY },
    ];
    const result = scoreLead(two, {}, pair, { asOf: at + 30 * DAY });
    expect(result.qualifiedAt?.getTime()).toBe(at + 30 * DAY);
    const later = [pair[0]!, { type: 'webinar', at: at + 30 * DAY + 1 }];
    expect(scoreLead(two, {}, later, { asOf: at + 40 * DAY }).qualifiedAt).toBe(null);
  });

  it('counts a webinar exactly withinDays old after the lead qualified, and explains it', () => {
    const m = validateModel({
      id: 'q',
      version: 1,
      threshold: 10,
      rules: [
        { id: 'demo', kind: 'behavior', points: 10, when: { activity: 'demo' } },
        { id: 'web', kind: 'behavior', points: 5, when: { activity: 'webinar', withinDays: 30 } },
      ],
    });
    // The demo qualifies the lead at T0; the webinar a day later is exactly 30 days old at asOf.
    const acts = [
      { type: 'demo', at: T0 },
      { type: 'webinar', at: T0 + DAY },
    ];
    for (const explain of [true, false]) {
      const r = scoreLead(m, {}, acts, { asOf: T0 + 31 * DAY, explain });
      expect([r.score, r.qualifiedAt?.getTime()]).toEqual([15, T0]);
      expect(scoreLead(m, {}, acts, { asOf: T0 + 31 * DAY + 1, explain }).score).toBe(10);
    }
    const explained = scoreLead(m, {}, acts, { asOf: T0 + 31 * DAY }).contributions;
    expect(explained.map((c) => [c.ruleId, c.points])).toEqual([
      ['demo', 10],
      ['web', 5],
    ]);
    expect(naiveScore(m, {}, acts, T0 + 31 * DAY).score).toBe(15);
  });

  it('reads the score once every activity of an instant has counted, with and without explanations', () => {
    const m = validateModel({
      id: 's',
      version: 1,
      threshold: 20,
      rules: [
        { id: 'demo', kind: 'behavior', points: 20, when: { activity: 'demo' } },
        { id: 'unsub', kind: 'behavior', points: -15, when: { activity: 'unsubscribe' } },
      ],
    });
    // +20 and −15 at the same instant: 5 at that instant, never 20.
    const acts = [
      { type: 'demo', at: T0 },
      { type: 'unsubscribe', at: T0 },
    ];
    for (const explain of [true, false]) {
      const r = scoreLead(m, {}, acts, { asOf: T0 + DAY, explain });
      expect([r.score, r.qualifiedAt]).toEqual([5, null]);
    }
    expect(naiveScore(m, {}, acts, T0 + DAY).qualifiedAt).toBe(null);
  });

  it('drops a windowed rule past the 32nd (a second mask word) from the running score when it expires', () => {
    // 33 one-point rules (x0 … x32), then 'web' (the 34th rule, bit 1 of the second word):
    // 10 points for a webinar within 1 day.
    const rules = [
      ...Array.from({ length: 33 }, (_, i) => ({
        id: `x${i}`,
        kind: 'behavior' as const,
        points: 1,
        when: { activity: `x${i}` },
      })),
      {
        id: 'web',
        kind: 'behavior' as const,
        points: 10,
        when: { activity: 'webinar', withinDays: 1 },
      },
    ];
    const m = validateModel({ id: 'wide', version: 1, threshold: 11, rules });
    // T0: the webinar (10). T0 + 2 days: x0 (1), the webinar has left its window: 1, not 11.
    const acts = [
      { type: 'webinar', at: T0 },
      { type: 'x0', at: T0 + 2 * DAY },
    ];
    const asOf = T0 + 2 * DAY + 3_600_000;
    for (const explain of [true, false]) {
      const r = scoreLead(m, {}, acts, { asOf, explain });
      expect([r.score, r.qualifiedAt]).toEqual([1, null]);
    }
    expect(scoreLead(m, {}, acts, { asOf }).contributions.map((c) => c.ruleId)).toEqual(['x0']);
    // Both inside the window: 11, qualified at the second activity.
    const close = [acts[0]!, { type: 'x0', at: T0 + 12 * 3_600_000 }];
    const r = scoreLead(m, {}, close, { asOf: T0 + 20 * 3_600_000 });
    expect([r.score, r.qualifiedAt?.getTime()]).toEqual([11, T0 + 12 * 3_600_000]);
    expect(r.contributions.map((c) => c.ruleId)).toEqual(['web', 'x0']);
    expect(naiveScore(m, {}, acts, asOf).score).toBe(1);
  });

  it('restarts decay only on activities a rule scores', () => {
    const m = validateModel({
      id: 'd',
      version: 1,
      threshold: 100,
      floor: 0,
      decay: { kind: 'halfLife', halfLifeDays: 7 },
      rules: [{ id: 'demo', kind: 'behavior', points: 80, when: { activity: 'demo' } }],
    });
    const acts = [
      { type: 'demo', at: T0 },
      { type: 'email_open', at: T0 + 13 * DAY },
    ];
    // 14 days since the demo: two half-lives, 80 → 20 (an unscored open one day ago changes nothing).
    expect(scoreLead(m, {}, acts, { asOf: T0 + 14 * DAY }).score).toBe(20);
    // The same once qualified (threshold 50, reached by the demo): the open after it is read
    // only for counts, and still does not restart decay. With and without explanations.
    const qualifying = validateModel({ ...m, threshold: 50 });
    for (const explain of [true, false]) {
      const r = scoreLead(qualifying, {}, acts, { asOf: T0 + 14 * DAY, explain });
      expect([r.score, r.qualifiedAt?.getTime()]).toEqual([20, T0]);
    }
  });
});
