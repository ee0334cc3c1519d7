// @ts-nocheck
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import Ajv from 'ajv';
import { describe, expect } from 'vitest';
import { decayScore } from '../../src/scoring/decayScore';
import { diffModels } from '../../src/scoring/diffModels';
import { evaluateModel } from '../../src/scoring/evaluateModel';
import { scoreLead } from '../../src/scoring/scoreLead';
import { scoreLeads } from '../../src/scoring/scoreLeads';
import { scoreLeadsColumns } from '../../src/scoring/scoreLeadsColumns';
import { validateModel } from '../../src/scoring/validateModel';
import { deepFreeze } from '../_helpers';

import { activities, activity, asOf, decay, lead, model, paths, T0, types } from './arbitraries';

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------
describe('decayScore properties', () => {
  const score = fc.double({ min: -100, max: 1000, noNaN: true });
  const days = fc.double({ min: 0, max: 1000, noNaN: true });
  const floor = fc.double({ min: 0, max: 100, noNaN: true });

  test.prop({ score, a: days, b: days, policy: decay, floor })(
    'is non-increasing in time and never below min(score, floor)',
    ({ score, a, b, policy, floor }) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      const first = decayScore(score, { elapsedDays: early, policy, floor });
      const second = decayScore(score, { elapsedDays: late, policy, floor });
      expect(second).toBeLessThanOrEqual(first);
      expect(second).toBeGreaterThanOrEqual(Math.min(score, floor));
      expect(
        decayScore(score, { elapsedDays: 0, policy: { ...policy, afterDays: 0 }, floor }),
      ).toBe(score);
    },
  );

  test.prop({
    score: fc.double({ min: 1, max: 1000, noNaN: true }),
    a: days,
    b: days,
    half: fc.double({ min: 1, max: 100, noNaN: true }),
  })('half-lives compose: t₁ then t₂ is t₁ + t₂', ({ score, a, b, half }) => {
    const policy = { kind: 'halfLife', halfLifeDays: half } as const;
    const twice = decayScore(decayScore(score, { elapsedDays: a, policy }), {
      elapsedDays: b,
      policy,
    });
    const once = decayScore(score, { elapsedDays: a + b, policy });
    expect(twice).toBeCloseTo(once, 8);
  });
});

describe('evaluateModel properties', () => {
  const outcomes = fc.array(
    fc.record({ score: fc.integer({ min: 0, max: 100 }), converted: fc.boolean() }),
    { minLength: 2, maxLength: 60 },
  );

  test.prop({ outcomes })(
    'AUC equals the share of correctly ordered pairs, ties half (brute force)',
    ({ outcomes }) => {
      const pos = outcomes.filter((o) => o.converted);
      const neg = outcomes.filter((o) => !o.converted);
      const { auc } = evaluateModel(outcomes, { threshold: 50 });
      if (pos.length === 0 || neg.length === 0) {
        expect(auc).toBeNull();
        return;
      }
      let wins = 0;
      for (const p of pos)
        for (const n of neg) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
      expect(auc).toBeCloseTo(wins / (pos.length * neg.length), 12);
    },
  );

  test.prop({ outcomes })(
    'AUC is invariant under monotone transforms of the score',
    ({ outcomes }) => {
      const base = evaluateModel(outcomes, { threshold: 50 }).auc;
      const scaled = evaluateModel(
        outcomes.map((o) => ({ ...o, score: 3 * o.score + 7 })),
        { threshold: 50 },
      ).auc;
      const curved = evaluateModel(
        outcomes.map((o) => ({ ...o, score: Math.exp(o.score / 10) })),
        { threshold: 50 },
      ).auc;
      expect(scaled).toBe(base);
      expect(curved).toBe(base);
    },
  );

  test.prop({
    n: fc.integer({ min: 1, max: 30 }),
    m: fc.integer({ min: 1, max: 30 }),
    s: fc.integer({ min: 0, max: 100 }),
  })('a perfectly separating score has AUC 1, a constant score 0.5', ({ n, m, s }) => {
    const perfect = [
      ...Array.from({ length: n }, (_, i) => ({ score: 100 + i, converted: true })),
      ...Array.from({ length: m }, (_, i) => ({ score: i, converted: false })),
    ];
    expect(evaluateModel(perfect, { threshold: 50 }).auc).toBe(1);
    const constant = perfect.map((o) => ({ ...o, score: s }));
    expect(evaluateModel(constant, { threshold: 50 }).auc).toBe(0.5);
  });
});

describe('scoring properties', () => {
  test.prop({ model, lead, activities, asOf })(
    'contributions explain every point',
    ({ model, lead, activities, asOf }) => {
      const r = scoreLead(model, lead, activities, { asOf });
      const total = r.contributions.reduce((s, c) => s + c.points, 0);
      expect(total).toBeCloseTo(r.score, 9);
      expect(r.score).toBeCloseTo(r.fit + r.behavior, 9);
      expect(r.qualified).toBe(r.score >= model.threshold);
    },
  );

  test.prop({ model, lead, activities, later: activities, asOf })(
    'activities after asOf change nothing (time travel)',
    ({ model, lead, activities, later, asOf }) => {
      const past = activities.filter((a) => a.at <= asOf);
      const future = later.map((a) => ({ ...a, at: asOf + 1 + (a.at - T0) }));
      expect(scoreLead(model, lead, [...past, ...future], { asOf })).toEqual(
        scoreLead(model, lead, past, { asOf }),
      );
    },
  );

  test.prop({ model, lead, activities, asOf })(
    'qualifiedAt, when set, is a counted activity instant',
    ({ model, lead, activities, asOf }) => {
      const r = scoreLead(model, lead, activities, { asOf });
      if (r.qualifiedAt === null) return;
      const t = r.qualifiedAt.getTime();
      expect(t).toBeLessThanOrEqual(asOf);
      expect(activities.some((a) => a.at === t)).toBe(true);
      // and the score as of that instant reaches the threshold
      expect(scoreLead(model, lead, activities, { asOf: t }).score).toBeGreaterThanOrEqual(
        model.threshold,
      );
    },
  );

  test.prop({
    model,
    leads: fc.array(lead, { minLength: 1, maxLength: 5 }),
    acts: fc.array(fc.tuple(fc.nat(), activity), { maxLength: 40 }),
    asOf,
  })(
    'scoreLeads equals scoreLead per lead, from objects and from columns',
    ({ model, leads, acts, asOf }) => {
      const people = leads.map((l, i) => ({ ...l, id: `L${i}` }));
      const rows = acts.map(([k, a]) => ({ ...a, leadId: `L${k % people.length}` }));
      const batch = scoreLeads(model, people, rows, { asOf });
      people.forEach((p, i) => {
        const { leadId, ...result } = batch[i]!;
        expect(leadId).toBe(p.id);
        expect(result).toEqual(
          scoreLead(
            model,
            p,
            rows.filter((r) => r.leadId === p.id),
            { asOf },
          ),
        );
      });
      const columnar = {
        leadIndex: Int32Array.from(acts, ([k]) => k % people.length),
        type: Uint8Array.from(acts, ([, a]) => types.indexOf(a.type)),
        types,
        at: Float64Array.from(acts, ([, a]) => a.at),
        properties: {
          path: {
            codes: Uint8Array.from(acts, ([, a]) => paths.indexOf(a.properties.path)),
            values: paths,
          },
        },
      };
      expect(scoreLeads(model, people, columnar, { asOf })).toEqual(batch);
      const columns = scoreLeadsColumns(model, people, columnar, { asOf });
      expect(Array.from(columns.score)).toEqual(batch.map((r) => r.score));
      expect(Array.from(columns.qualifiedAt)).toEqual(
        batch.map((r) => (r.qualifiedAt === null ? Number.NaN : r.qualifiedAt.getTime())),
      );
    },
  );

  test.prop({ model, lead, activities, asOf })(
    'does not mutate deep-frozen input',
    ({ model, lead, activities, asOf }) => {
      const input = deepFreeze(structuredClone({ model, lead, activities }));
      expect(() => scoreLead(input.model, input.lead, input.activities, { asOf })).not.toThrow();
      expect(input).toEqual({ model, lead, activities });
    },
  );
});

describe('model properties', () => {
  const schema = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'model.schema.json'), 'utf8'),
  );
  const check = new Ajv({ strict: false }).compile(schema);

  test.prop({ model })(
    'every generated model validates, also against the published JSON Schema',
    ({ model }) => {
      expect(validateModel(model)).toEqual(model);
      expect(check(model)).toBe(true);
    },
  );

  test.prop({ model })('diffModels finds nothing between a model and itself', ({ model }) => {
    expect(diffModels(model, structuredClone(model))).toEqual([]);
  });
});
