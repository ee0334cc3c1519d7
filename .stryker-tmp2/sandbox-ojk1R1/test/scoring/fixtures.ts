// @ts-nocheck
import type { ScoringModel } from '../../src/scoring/model';

/** A model exercising fit, capped, windowed and negative behaviour rules, with decay. */
export const smbModel = {
  id: 'smb-inbound',
  version: '2026-03',
  threshold: 50,
  rules: [
    { id: 'saas', kind: 'fit', points: 20, when: { field: 'industry', equals: 'SaaS' } },
    {
      id: 'size',
      kind: 'fit',
      points: 10,
      when: { field: 'company.employees', between: [50, 500] },
    },
    { id: 'student', kind: 'fit', points: -15, when: { field: 'title', contains: 'Student' } },
    {
      id: 'pricing',
      kind: 'behavior',
      points: 10,
      cap: 30,
      when: { activity: 'page_view', where: { field: 'path', startsWith: '/pricing' } },
    },
    { id: 'webinar', kind: 'behavior', points: 15, when: { activity: 'webinar', withinDays: 30 } },
    {
      id: 'careers',
      kind: 'behavior',
      points: -10,
      when: { activity: 'page_view', where: { field: 'path', startsWith: '/careers' } },
    },
  ],
  decay: { kind: 'percent', rate: 0.5, everyDays: 30, afterDays: 7 },
} as const satisfies ScoringModel;

export const smbLead = { id: 'L1', industry: 'SaaS', company: { employees: 120 }, title: 'CTO' };

export const smbActivities = [
  { type: 'page_view', at: '2026-03-01T10:00:00Z', properties: { path: '/pricing' } },
  { type: 'page_view', at: '2026-03-02T10:00:00Z', properties: { path: '/pricing/teams' } },
  { type: 'page_view', at: '2026-03-03T10:00:00Z', properties: { path: '/pricing' } },
  { type: 'page_view', at: '2026-03-04T10:00:00Z', properties: { path: '/pricing' } },
  { type: 'webinar', at: '2026-03-05T10:00:00Z' },
  { type: 'page_view', at: '2026-03-06T10:00:00Z', properties: { path: '/careers' } },
  { type: 'page_view', at: '2026-03-06T11:00:00Z', properties: { path: '/blog' } },
];
