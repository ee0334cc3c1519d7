// @ts-nocheck
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { scoreLead } from '../../src/scoring/scoreLead';
import { scoreLeads } from '../../src/scoring/scoreLeads';
import { validateModel } from '../../src/scoring/validateModel';
import { activities, asOf, DAY, lead, model, T0 } from './arbitraries';
import { naiveScore } from './naiveScorer';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('the scoring engine against a naive scorer', () => {
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
  })('scoreLeads gives every lead its naive score', ({ m, leads, acts, t }) => {
    const valid = validateModel(m);
    const withIds = leads.map((l, i) => ({ ...l, id: `L${i}` }));
    const rows = acts.map((a, i) => ({ ...a, leadId: `L${i % withIds.length}` }));
    const got = scoreLeads(valid, withIds, rows, { asOf: t, explain: false });
    withIds.forEach((l, i) => {
      const want = naiveScore(
        valid,
        l,
        rows.filter((r) => r.leadId === l.id),
        t,
      );
      expect(close(got[i]!.score, want.score)).toBe(true);
      expect(got[i]!.qualifiedAt?.getTime() ?? null).toBe(want.qualifiedAt);
    });
  });

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
  });
});
