import { describe, expect, it } from 'vitest';
import { scoreLead } from '../../src/scoring/scoreLead';
import { scoreLeads } from '../../src/scoring/scoreLeads';
import { scoreLeadsColumns } from '../../src/scoring/scoreLeadsColumns';
import { validateModel } from '../../src/scoring/validateModel';
import { expectLeadMathError } from '../_helpers';
import { smbActivities, smbLead, smbModel } from './fixtures';

const model = validateModel(smbModel);
const asOf = '2026-05-01T00:00:00Z';
const leads = [smbLead, { id: 'L2', industry: 'Retail', title: 'Student' }, { id: 'L3' }];
const activities = [
  ...smbActivities.map((a) => ({ ...a, leadId: 'L1' })),
  { leadId: 'L2', type: 'webinar', at: '2026-04-20T00:00:00Z' },
  { leadId: 'L2', type: 'page_view', at: '2026-04-21T00:00:00Z', properties: { path: '/pricing' } },
];
const stray = { leadId: 'L9', type: 'webinar', at: '2026-04-21T00:00:00Z' }; // not one of the leads

/**
 * Five page views of two leads with two property columns, as objects and as
 * columns: lead 0 (/pricing, cpc), (/blog, cpc); lead 1 (/pricing, email),
 * (/pricing, no utm), (/blog, cpc).
 */
function twoColumnViews() {
  const paths = ['/pricing', '/blog'];
  const utms = ['cpc', 'email', null];
  const rows = [
    [0, 0, 0],
    [0, 1, 0],
    [1, 0, 1],
    [1, 0, 2],
    [1, 1, 0],
  ] as const;
  const objects = rows.map(([lead, p, u], i) => ({
    leadId: lead,
    type: 'page_view',
    at: Date.UTC(2026, 0, 1 + i),
    properties: { path: paths[p], ...(utms[u] === null ? {} : { utm: utms[u] }) },
  }));
  const columns = {
    leadIndex: Int32Array.from(rows, (r) => r[0]),
    type: Uint8Array.from(rows, () => 0),
    types: ['page_view'],
    at: Float64Array.from(objects, (o) => o.at),
    properties: {
      path: { codes: Uint8Array.from(rows, (r) => r[1]), values: paths },
      utm: { codes: Uint8Array.from(rows, (r) => r[2]), values: utms },
    },
  };
  return { utms, objects, columns, people: [{ id: 0 }, { id: 1 }] };
}

describe('scoreLeads', () => {
  it('throws UNKNOWN_LEAD for an activity whose lead id matches no lead, naming its row', () => {
    const error = expectLeadMathError(
      () => scoreLeads(model, leads, [...activities, stray], { asOf }),
      'UNKNOWN_LEAD',
      `activities[${activities.length}].leadId`,
    );
    expect(error.message).toBe(
      `scoreLeads: activities[${activities.length}].leadId must be the id of one of the leads, got "L9"`,
    );
    // A misspelt key leaves every activity without a lead id.
    expectLeadMathError(
      () => scoreLeads(model, leads, [{ leadID: 'L1', type: 'webinar', at: 0 } as never], { asOf }),
      'INVALID_ARGUMENT',
      'activities[0].leadId',
    );
  });

  it('skips and lists the bad rows with onInvalid: collect, scoring the rest', () => {
    const { results, issues } = scoreLeads(
      model,
      leads,
      [stray, ...activities, { leadId: 'L1', type: 'webinar', at: '2026-04-21' }],
      { asOf, onInvalid: 'collect' },
    );
    expect(results).toEqual(scoreLeads(model, leads, activities, { asOf }));
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['UNKNOWN_LEAD', 0, 'leadId'],
      ['INVALID_DATE', activities.length + 1, 'at'],
    ]);
  });

  it('treats a numeric id and its decimal string as one lead, and rejects them as duplicates', () => {
    const byNumber = scoreLeads(
      model,
      [{ id: 7 }],
      [{ leadId: '7', type: 'webinar', at: '2026-04-20T00:00:00Z' }],
      {
        asOf,
        explain: false,
      },
    );
    expect(byNumber[0]!.leadId).toBe(7);
    expect(byNumber[0]!.behavior).toBe(15);
    expectLeadMathError(
      () => scoreLeads(model, [{ id: 7 }, { id: '7' }], [], { asOf }),
      'INVALID_ARGUMENT',
      'leads[1].id',
    );
  });

  it('gives each lead what scoreLead gives it', () => {
    const batch = scoreLeads(model, leads, activities, { asOf });
    expect(batch.map((r) => r.leadId)).toEqual(['L1', 'L2', 'L3']);
    for (const [i, lead] of leads.entries()) {
      const own = activities.filter((a) => a.leadId === lead.id);
      const { leadId: _id, ...result } = batch[i]!;
      expect(result).toEqual(scoreLead(model, lead, own, { asOf }));
    }
    // L2: fit −15 (student) + webinar 15 + pricing 10 = 10
    expect(batch[1]!.score).toBe(10);
  });

  it('gives the same scores from columnar input, with property values interned', () => {
    const rows = activities;
    const types = ['page_view', 'webinar'];
    const paths = ['/pricing', '/pricing/teams', '/careers', '/blog'];
    const columnar = {
      leadIndex: Int32Array.from(rows, (a) => leads.findIndex((l) => l.id === a.leadId)),
      type: Uint8Array.from(rows, (a) => types.indexOf(a.type)),
      types,
      at: Float64Array.from(rows, (a) => Date.parse(a.at)),
      properties: {
        path: {
          codes: Uint8Array.from(rows, (a) => {
            const path = (a as { properties?: { path?: string } }).properties?.path;
            return path === undefined ? paths.length : paths.indexOf(path);
          }),
          values: [...paths, null],
        },
      },
    };
    const fromColumns = scoreLeads(model, leads, columnar, { asOf, explain: false });
    const fromObjects = scoreLeads(model, leads, activities, { asOf, explain: false });
    expect(fromColumns).toEqual(fromObjects);
    expect(fromColumns[0]!.contributions).toEqual([]);
  });

  it('agrees with objects when where-conditions read two property columns', () => {
    const twoColumns = validateModel({
      id: 't',
      version: 1,
      threshold: 25,
      rules: [
        {
          id: 'paid-pricing',
          kind: 'behavior',
          points: 20,
          when: {
            activity: 'page_view',
            where: {
              all: [
                { field: 'path', startsWith: '/pricing' },
                { field: 'utm', in: ['cpc', 'paid'] },
              ],
            },
          },
        },
        {
          id: 'any-view',
          kind: 'behavior',
          points: 1,
          when: { activity: 'page_view', where: { not: { field: 'utm', exists: true } } },
        },
      ],
    });
    const { utms, objects, columns, people } = twoColumnViews();
    const fromObjects = scoreLeads(twoColumns, people, objects, { asOf: Date.UTC(2026, 1, 1) });
    expect(scoreLeads(twoColumns, people, columns, { asOf: Date.UTC(2026, 1, 1) })).toEqual(
      fromObjects,
    );
    // lead 0: a pricing view from cpc (20); lead 1: its pricing views come from email (no
    // points) and without utm (1 point for the view without utm)
    expect(fromObjects.map((r) => r.score)).toEqual([20, 1]);
    // A code out of range in one of the two columns the rules read is named before scoring.
    const bad = {
      ...columns,
      properties: {
        ...columns.properties,
        utm: { codes: Uint8Array.from([0, 0, 1, 7, 0]), values: utms },
      },
    };
    expectLeadMathError(
      () => scoreLeads(twoColumns, people, bad, { asOf: Date.UTC(2026, 1, 1) }),
      'INVALID_ARGUMENT',
      'activities.properties.utm.codes[3]',
    );
  });

  it('reads a field that has no column as missing, next to one that has', () => {
    // The rule reads path (a column) and utm (no column at all): utm is missing on every row.
    const m = validateModel({
      id: 'u',
      version: 1,
      threshold: 100,
      rules: [
        {
          id: 'organic-pricing',
          kind: 'behavior',
          points: 3,
          when: {
            activity: 'page_view',
            where: {
              all: [
                { field: 'path', equals: '/pricing' },
                { field: 'utm', exists: false },
              ],
            },
          },
        },
      ],
    });
    const columns = {
      leadIndex: Int32Array.of(0, 0, 1),
      type: Uint8Array.of(0, 0, 0),
      types: ['page_view'],
      at: Float64Array.of(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 3)),
      properties: { path: { codes: Uint8Array.of(0, 1, 0), values: ['/pricing', '/blog'] } },
    };
    const people = [{ id: 0 }, { id: 1 }];
    // lead 0: one /pricing view (3); lead 1: one (3).
    const out = scoreLeadsColumns(m, people, columns, { asOf: Date.UTC(2026, 1, 1) });
    expect(Array.from(out.score)).toEqual([3, 3]);
  });

  it('reads a field with no column as missing when the rules also read two columns', () => {
    // Two columns read (path, utm) send the rules down the general row-by-row
    // path; `campaign` has no column, so it is missing on every row.
    const { objects, columns, people } = twoColumnViews();
    const asOf = Date.UTC(2026, 1, 1);
    const m = validateModel({
      id: 'g',
      version: 1,
      threshold: 100,
      rules: [
        {
          id: 'pricing-no-campaign',
          kind: 'behavior',
          points: 5,
          when: {
            activity: 'page_view',
            where: {
              all: [
                { field: 'path', equals: '/pricing' },
                { field: 'campaign', exists: false },
                { not: { field: 'campaign', exists: true } },
                {
                  any: [
                    { field: 'utm', equals: 'cpc' },
                    { field: 'campaign', equals: 'x' },
                  ],
                },
              ],
            },
          },
        },
        {
          id: 'campaign-only',
          kind: 'behavior',
          points: 100,
          when: { activity: 'page_view', where: { field: 'campaign', exists: true } },
        },
      ],
    });
    // Views of /pricing from cpc: lead 0 has one (5), lead 1 none (its /pricing
    // views come from email and from no utm).
    const out = scoreLeadsColumns(m, people, columns, { asOf });
    expect(Array.from(out.score)).toEqual([5, 0]);
    expect(scoreLeads(m, people, objects, { asOf }).map((r) => r.score)).toEqual([5, 0]);
  });

  it('agrees with objects when an any or a not condition reads both property columns', () => {
    const { objects, columns, people } = twoColumnViews();
    const asOf = Date.UTC(2026, 1, 1);
    const modelOf = (points: number, where: Record<string, unknown>) =>
      validateModel({
        id: 'w',
        version: 1,
        threshold: 100,
        rules: [{ id: 'r', kind: 'behavior', points, when: { activity: 'page_view', where } }],
      });
    // any: /blog or from email — lead 0 one view, lead 1 two.
    const anyOf = modelOf(1, {
      any: [
        { field: 'path', equals: '/blog' },
        { field: 'utm', equals: 'email' },
      ],
    });
    // not (/blog and cpc), 2 points — lead 0 one view, lead 1 two.
    const notBoth = modelOf(2, {
      not: {
        all: [
          { field: 'path', equals: '/blog' },
          { field: 'utm', equals: 'cpc' },
        ],
      },
    });
    for (const [m, want] of [
      [anyOf, [1, 2]],
      [notBoth, [2, 4]],
    ] as const) {
      const fromObjects = scoreLeads(m, people, objects, { asOf, explain: false });
      expect(fromObjects.map((r) => r.score)).toEqual(want);
      expect(scoreLeads(m, people, columns, { asOf, explain: false })).toEqual(fromObjects);
      expect(Array.from(scoreLeadsColumns(m, people, columns, { asOf }).score)).toEqual(want);
    }
  });

  it('scores a lead with many activities in reverse time order (no quadratic sort)', () => {
    const visits = validateModel({
      id: 'v',
      version: 1,
      threshold: 10,
      rules: [{ id: 'visit', kind: 'behavior', points: 1, when: { activity: 'visit' } }],
    });
    const n = 50_000;
    const rows = Array.from({ length: n }, (_, i) => ({
      leadId: 1,
      type: 'visit',
      at: (n - i) * 1000,
    }));
    const [result] = scoreLeads(visits, [{ id: 1 }], rows, { asOf: n * 1000, explain: false });
    expect(result!.score).toBe(n);
    expect(result!.qualifiedAt?.getTime()).toBe(10_000); // the 10th visit in time order
  });

  describe('bad input', () => {
    it('throws INVALID_ARGUMENT for a lead without an id or a repeated id', () => {
      expectLeadMathError(
        () => scoreLeads(model, [{}], [], { asOf }),
        'INVALID_ARGUMENT',
        'leads[0].id',
      );
      expectLeadMathError(
        () => scoreLeads(model, [{ id: 1 }, { id: 1 }], [], { asOf }),
        'INVALID_ARGUMENT',
        'leads[1].id',
      );
    });

    it('throws INVALID_ARGUMENT for columns of the wrong length or out-of-range codes', () => {
      const good = {
        leadIndex: Int32Array.of(0),
        type: Uint8Array.of(0),
        types: ['webinar'],
        at: Float64Array.of(0),
      };
      expectLeadMathError(
        () => scoreLeads(model, [{ id: 1 }], { ...good, leadIndex: Int32Array.of(1) }, { asOf }),
        'INVALID_ARGUMENT',
        'activities.leadIndex[0]',
      );
      expectLeadMathError(
        () => scoreLeads(model, [{ id: 1 }], { ...good, type: Uint8Array.of(0, 0) }, { asOf }),
        'INVALID_ARGUMENT',
        'activities.type.length',
      );
      expectLeadMathError(
        () =>
          scoreLeads(model, [{ id: 1 }], { ...good, at: Float64Array.of(Number.NaN) }, { asOf }),
        'INVALID_DATE',
        'activities.at[0]',
      );
    });

    it('throws INVALID_ARGUMENT for a type listed twice in the type table', () => {
      expectLeadMathError(
        () =>
          scoreLeads(
            model,
            [{ id: 1 }],
            {
              leadIndex: Int32Array.of(0),
              type: Uint8Array.of(1),
              types: ['page_view', 'page_view'],
              at: Float64Array.of(0),
            },
            { asOf },
          ),
        'INVALID_ARGUMENT',
        'activities.types[1]',
      );
    });

    it('throws INVALID_ARGUMENT for a non-boolean explain', () => {
      expectLeadMathError(
        () => scoreLeads(model, [], [], { asOf, explain: 1 as never }),
        'INVALID_ARGUMENT',
        'options.explain',
      );
    });
  });
});

describe('scoreLeadsColumns', () => {
  it('writes the same scores as scoreLeads into typed arrays', () => {
    const columns = scoreLeadsColumns(model, leads, activities, { asOf });
    const objects = scoreLeads(model, leads, activities, { asOf });
    expect(Array.from(columns.score)).toEqual(objects.map((r) => r.score));
    expect(Array.from(columns.fit)).toEqual(objects.map((r) => r.fit));
    expect(Array.from(columns.behavior)).toEqual(objects.map((r) => r.behavior));
    expect(Array.from(columns.qualified)).toEqual(objects.map((r) => (r.qualified ? 1 : 0)));
    expect(Array.from(columns.qualifiedAt)).toEqual(
      objects.map((r) => (r.qualifiedAt === null ? Number.NaN : r.qualifiedAt.getTime())),
    );
  });

  it('identifies leads by position with columnar activities, so ids are optional', () => {
    const columns = scoreLeadsColumns(
      model,
      [{ industry: 'SaaS' }, {}],
      {
        leadIndex: Int32Array.of(1),
        type: Uint8Array.of(0),
        types: ['webinar'],
        at: Float64Array.of(Date.parse('2026-04-20T00:00:00Z')),
      },
      { asOf },
    );
    expect(Array.from(columns.score)).toEqual([20, 15]);
  });

  it('throws INVALID_ARGUMENT for missing options or a non-object lead', () => {
    expectLeadMathError(
      () => scoreLeadsColumns(model, leads, activities, null as never),
      'INVALID_ARGUMENT',
      'options',
    );
    expectLeadMathError(
      () =>
        scoreLeadsColumns(
          model,
          [3 as never],
          { leadIndex: Int32Array.of(), type: Uint8Array.of(), types: [], at: Float64Array.of() },
          { asOf },
        ),
      'INVALID_ARGUMENT',
      'leads[0]',
    );
  });
});
