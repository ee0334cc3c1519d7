import { describe, expect, it } from 'vitest';
import { scoreLead } from '../../src/scoring/scoreLead';
import { validateModel } from '../../src/scoring/validateModel';
import { deepFreeze, expectLeadMathError } from '../_helpers';
import { smbActivities, smbLead, smbModel } from './fixtures';

const model = validateModel(smbModel);
const sum = (xs: readonly { points: number }[]) => xs.reduce((s, c) => s + c.points, 0);

describe('scoreLead', () => {
  describe('the worked example (hand-computed)', () => {
    it('scores fit and behaviour with caps and negative points', () => {
      // fit: SaaS 20 + 120 employees 10 = 30
      // behaviour: pricing 4 × 10 capped at 30, webinar 15, careers −10 = 35; the blog view matches nothing
      const r = scoreLead(model, smbLead, smbActivities, { asOf: '2026-03-07T00:00:00Z' });
      expect(r.fit).toBe(30);
      expect(r.behavior).toBe(35);
      expect(r.score).toBe(65);
      expect(r.qualified).toBe(true);
      // running score: 1 March 40, 2 March 50 = threshold
      expect(r.qualifiedAt?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    });

    it('explains every point, activity by activity, the cap trimming the fourth pricing view', () => {
      const r = scoreLead(model, smbLead, smbActivities, { asOf: '2026-03-07T00:00:00Z' });
      expect(
        r.contributions.map((c) => [c.ruleId, c.kind, c.points, c.at?.toISOString().slice(0, 10)]),
      ).toEqual([
        ['saas', 'fit', 20, undefined],
        ['size', 'fit', 10, undefined],
        ['pricing', 'behavior', 10, '2026-03-01'],
        ['pricing', 'behavior', 10, '2026-03-02'],
        ['pricing', 'behavior', 10, '2026-03-03'],
        ['webinar', 'behavior', 15, '2026-03-05'],
        ['careers', 'behavior', -10, '2026-03-06'],
      ]);
      expect(sum(r.contributions)).toBe(r.score);
    });

    it('travels back in time: as of 2 March 09:00 only the first view counts', () => {
      const r = scoreLead(model, smbLead, smbActivities, { asOf: '2026-03-02T09:00:00Z' });
      expect(r.score).toBe(40);
      expect(r.qualified).toBe(false);
      expect(r.qualifiedAt).toBeNull();
    });

    it('drops the webinar after 30 days and decays inactive behaviour, keeping qualifiedAt', () => {
      // as of 1 May: the webinar (5 March) is older than 30 days → behaviour 30 − 10 = 20.
      // last activity 6 March 11:00 → 55.5 days idle, minus 7 days grace = 48.5 → 1 whole 30-day
      // period → behaviour 20 × 0.5 = 10; total 40, above the floor of 25.
      const r = scoreLead(model, smbLead, smbActivities, { asOf: '2026-05-01T00:00:00Z' });
      expect(r.fit).toBe(30);
      expect(r.behavior).toBe(10);
      expect(r.score).toBe(40);
      expect(r.qualified).toBe(false);
      expect(r.qualifiedAt?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
      const decay = r.contributions.at(-1)!;
      expect(decay).toEqual({
        ruleId: 'decay',
        kind: 'decay',
        points: -10,
        at: new Date('2026-05-01T00:00:00Z'),
      });
      expect(sum(r.contributions)).toBe(r.score);
    });
  });

  describe('decay and floor', () => {
    const demoModel = validateModel({
      id: 'demo',
      version: 1,
      threshold: 40,
      rules: [
        { id: 'demo', kind: 'behavior', points: 50, when: { activity: 'demo' } },
        { id: 'bad-fit', kind: 'fit', points: -5, when: { field: 'country', equals: 'XX' } },
      ],
      decay: { kind: 'halfLife', halfLifeDays: 10 },
    });
    const demo = [{ type: 'demo', at: '2026-01-01T00:00:00Z' }];

    it('halves every 10 days (default floor: half of 40 = 20)', () => {
      expect(scoreLead(demoModel, {}, demo, { asOf: '2026-01-11T00:00:00Z' }).score).toBeCloseTo(
        25,
        12,
      );
      // 50 × 2⁻³ = 6.25, below the floor of 20
      expect(scoreLead(demoModel, {}, demo, { asOf: '2026-01-31T00:00:00Z' }).score).toBe(20);
    });

    it('never decays a score already at or below the floor', () => {
      const small = validateModel({
        id: 's',
        version: 1,
        threshold: 40,
        rules: [{ id: 'visit', kind: 'behavior', points: 10, when: { activity: 'visit' } }],
        decay: { kind: 'points', points: 5, everyDays: 1 },
      });
      // fit 0 + behaviour 10 ≤ floor 20: unchanged after a year
      const r = scoreLead(small, {}, [{ type: 'visit', at: '2026-01-01T00:00:00Z' }], {
        asOf: '2027-01-01T00:00:00Z',
      });
      expect(r.score).toBe(10);
      expect(r.contributions.some((c) => c.kind === 'decay')).toBe(false);
    });

    it('decays behaviour only: fit points do not go stale', () => {
      const r = scoreLead(demoModel, { country: 'XX' }, demo, { asOf: '2026-01-11T00:00:00Z' });
      // fit −5; behaviour 50 → 25; total 20
      expect(r.fit).toBe(-5);
      expect(r.behavior).toBeCloseTo(25, 12);
    });
  });

  it('counts activities at the same instant together for qualifiedAt', () => {
    const m = validateModel({
      id: 'm',
      version: 1,
      threshold: 20,
      rules: [
        { id: 'a', kind: 'behavior', points: 30, when: { activity: 'a' } },
        { id: 'b', kind: 'behavior', points: -20, when: { activity: 'b' } },
      ],
    });
    const at = '2026-01-01T00:00:00Z';
    // +30 and −20 at one instant: 10, never 30 → never qualified
    const r = scoreLead(
      m,
      {},
      [
        { type: 'a', at },
        { type: 'b', at },
      ],
      { asOf: '2026-01-02T00:00:00Z' },
    );
    expect(r.qualifiedAt).toBeNull();
  });

  it('accepts activities in any order, as Dates, epoch ms or ISO strings', () => {
    const shuffled = [...smbActivities].reverse().map((a, i) => ({
      ...a,
      at: i % 3 === 0 ? new Date(a.at) : i % 3 === 1 ? Date.parse(a.at) : a.at,
    }));
    expect(scoreLead(model, smbLead, shuffled, { asOf: '2026-03-07T00:00:00Z' })).toEqual(
      scoreLead(model, smbLead, smbActivities, { asOf: '2026-03-07T00:00:00Z' }),
    );
  });

  it('validates an unvalidated model on the way in', () => {
    expect(scoreLead(smbModel, smbLead, [], { asOf: 0 }).score).toBe(30);
  });

  it('does not mutate its input (deep-frozen fixtures)', () => {
    const frozen = deepFreeze(structuredClone({ smbModel, smbLead, smbActivities }));
    expect(() =>
      scoreLead(frozen.smbModel, frozen.smbLead, frozen.smbActivities, {
        asOf: '2026-03-07T00:00:00Z',
      }),
    ).not.toThrow();
  });

  it('returns results that survive JSON apart from Date-ness', () => {
    const r = scoreLead(model, smbLead, smbActivities, { asOf: '2026-05-01T00:00:00Z' });
    const back = JSON.parse(JSON.stringify(r));
    expect(back.score).toBe(r.score);
    expect(back.qualifiedAt).toBe(r.qualifiedAt?.toISOString());
  });

  describe('bad input', () => {
    it('throws INVALID_DATE for asOf or an activity instant without offset', () => {
      expectLeadMathError(
        () => scoreLead(model, smbLead, [], { asOf: '2026-03-07T00:00:00' }),
        'INVALID_DATE',
        'options.asOf',
      );
      expectLeadMathError(
        () => scoreLead(model, smbLead, [{ type: 'webinar', at: '2026-03-05' }], { asOf: 0 }),
        'INVALID_DATE',
        'activities[0].at',
      );
      expectLeadMathError(
        () => scoreLead(model, smbLead, [], {} as never),
        'INVALID_DATE',
        'options.asOf',
      );
    });

    it('throws UNKNOWN_LEAD for an activity of another lead, INVALID_ARGUMENT without a type', () => {
      expectLeadMathError(
        () => scoreLead(model, smbLead, [{ leadId: 'L2', type: 'webinar', at: 0 }], { asOf: 0 }),
        'UNKNOWN_LEAD',
        'activities[0].leadId',
      );
      expectLeadMathError(
        () => scoreLead(model, smbLead, [{ type: '', at: 0 }], { asOf: 0 }),
        'INVALID_ARGUMENT',
        'activities[0].type',
      );
    });

    it('throws INVALID_MODEL for a bad model', () => {
      expectLeadMathError(
        () => scoreLead({ ...smbModel, threshold: -1 }, smbLead, [], { asOf: 0 }),
        'INVALID_MODEL',
        'threshold',
      );
    });
  });
});

describe('scoreLead with onInvalid: collect', () => {
  it('skips an activity of another lead and lists it, and has no issues key otherwise', () => {
    const acts = [
      { leadId: 'L2', type: 'webinar', at: '2026-03-05T10:00:00Z' },
      { leadId: 'L1', type: 'webinar', at: '2026-03-05T10:00:00Z' },
    ];
    const collected = scoreLead(model, smbLead, acts, {
      asOf: '2026-03-07T00:00:00Z',
      onInvalid: 'collect',
    });
    expect(collected.issues?.map((i) => [i.code, i.row, i.field])).toEqual([
      ['UNKNOWN_LEAD', 0, 'leadId'],
    ]);
    expect(collected.behavior).toBe(15);
    // A lead id that is not an id at all is named by its cell.
    const notAnId = [{ leadId: {}, type: 'webinar', at: '2026-03-05T10:00:00Z' }, acts[1]!];
    const bad = scoreLead(model, smbLead, notAnId as never, {
      asOf: '2026-03-07T00:00:00Z',
      onInvalid: 'collect',
    });
    expect(bad.issues?.map((i) => [i.code, i.path])).toEqual([
      ['INVALID_ARGUMENT', 'activities[0].leadId'],
    ]);
    const plain = scoreLead(model, smbLead, [acts[1]!], { asOf: '2026-03-07T00:00:00Z' });
    expect('issues' in plain).toBe(false);
    expect(plain.score).toBe(collected.score);
    // Activities without a lead id belong to the lead scored.
    expect(
      scoreLead(model, { ...smbLead }, [{ type: 'webinar', at: '2026-03-05T10:00:00Z' }], {
        asOf: '2026-03-07T00:00:00Z',
      }).behavior,
    ).toBe(15);
  });
});
