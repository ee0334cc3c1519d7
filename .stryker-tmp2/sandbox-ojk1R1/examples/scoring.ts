/**
 * leadmath scoring example: a small, versioned model scored over an embedded
 * set of leads as of two dates, with one lead's score explained point by
 * point, and what changed in the next model version.
 *
 * Run with `npx tsx examples/scoring.ts` after `npm run build`.
 */
// @ts-nocheck

import { diffModels, scoreLead, scoreLeads, validateModel } from 'leadmath';

const model = validateModel({
  id: 'smb-inbound',
  version: '2026-03',
  threshold: 50,
  notes: 'First version, agreed with sales on 2 March.',
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
    { id: 'demo', kind: 'behavior', points: 40, when: { activity: 'demo_request' } },
    {
      id: 'careers',
      kind: 'behavior',
      points: -10,
      notes: 'Job seekers, not buyers.',
      when: { activity: 'page_view', where: { field: 'path', startsWith: '/careers' } },
    },
  ],
  decay: { kind: 'percent', rate: 0.25, everyDays: 14, afterDays: 7 },
});

const leads = [
  {
    id: 'ada',
    name: 'Ada (CTO, SaaS)',
    industry: 'SaaS',
    title: 'CTO',
    company: { employees: 120 },
  },
  {
    id: 'bo',
    name: 'Bo (student)',
    industry: 'Education',
    title: 'PhD Student',
    company: { employees: 5000 },
  },
  {
    id: 'cy',
    name: 'Cy (ops, retail)',
    industry: 'Retail',
    title: 'Head of Ops',
    company: { employees: 80 },
  },
];

const activities = [
  {
    leadId: 'ada',
    type: 'page_view',
    at: '2026-03-02T09:10:00Z',
    properties: { path: '/pricing' },
  },
  { leadId: 'ada', type: 'webinar', at: '2026-03-04T16:00:00Z' },
  {
    leadId: 'ada',
    type: 'page_view',
    at: '2026-03-05T08:30:00Z',
    properties: { path: '/pricing/teams' },
  },
  { leadId: 'bo', type: 'page_view', at: '2026-03-03T12:00:00Z', properties: { path: '/careers' } },
  { leadId: 'bo', type: 'webinar', at: '2026-03-04T16:00:00Z' },
  { leadId: 'cy', type: 'page_view', at: '2026-03-06T10:00:00Z', properties: { path: '/pricing' } },
  { leadId: 'cy', type: 'demo_request', at: '2026-03-10T14:20:00Z' },
];

const dates = ['2026-03-11T00:00:00Z', '2026-05-01T00:00:00Z'];
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

console.log(`Model ${model.id} v${model.version}: sales-ready at ${model.threshold} points`);
for (const asOf of dates) {
  console.log(`\nAs of ${asOf.slice(0, 10)}:`);
  console.log(
    `${'lead'.padEnd(20)}${'fit'.padStart(6)}${'behaviour'.padStart(11)}${'score'.padStart(8)}  status`,
  );
  for (const r of scoreLeads(model, leads, activities, { asOf })) {
    const name = leads.find((l) => l.id === r.leadId)!.name;
    const status = r.qualified
      ? 'sales-ready'
      : r.qualifiedAt
        ? `decayed (was sales-ready ${r.qualifiedAt.toISOString().slice(0, 10)})`
        : '—';
    console.log(
      `${name.padEnd(20)}${fmt(r.fit).padStart(6)}${fmt(r.behavior).padStart(11)}${fmt(r.score).padStart(8)}  ${status}`,
    );
  }
}

// Why does Ada have the score she has on 1 May?
const ada = leads[0]!;
const explained = scoreLead(
  model,
  ada,
  activities.filter((a) => a.leadId === ada.id),
  { asOf: dates[1]! },
);
console.log(`\nWhy ${ada.name} scores ${fmt(explained.score)} on ${dates[1]!.slice(0, 10)}:`);
for (const c of explained.contributions) {
  const when = c.at ? ` (${c.at.toISOString().slice(0, 10)})` : '';
  console.log(`  ${(c.points > 0 ? '+' : '') + fmt(c.points)}`.padEnd(10) + `${c.ruleId}${when}`);
}

// The next version, after the first review: what changed?
const next = {
  ...model,
  version: '2026-05',
  rules: model.rules.map((r) => (r.id === 'webinar' ? { ...r, points: 10 } : r)),
};
console.log('\nChanges in v2026-05:');
for (const d of diffModels(model, next)) {
  console.log(
    `  ${d.type} ${d.ruleId ?? ''} ${d.field ?? ''}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`,
  );
}
