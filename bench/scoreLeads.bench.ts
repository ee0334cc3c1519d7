/**
 * Batch scoring of 1,000,000 leads × 20 activities (20M rows, columnar, as of
 * one instant): scoreLeadsColumns (typed-array results) and scoreLeads (one
 * object per lead), against a peer in the same run: a naive per-lead
 * implementation over activity objects grouped in a Map, timed on the first
 * 50,000 leads and scaled per lead, and a hand-written kernel doing the same
 * arithmetic over the same columns. All must agree before anything is timed.
 */
import { type ColumnarActivities, scoreLeads, scoreLeadsColumns, validateModel } from 'leadmath';
import { interleaved, median, report, timeRuns } from './harness';
import {
  asOf,
  at,
  DAY,
  LEADS,
  leadIndex,
  leads,
  PER_LEAD,
  path,
  pathValues,
  rows,
  type,
  types,
} from './scoringData';

const PEER_LEADS = 50_000;

const model = validateModel({
  id: 'bench',
  version: 1,
  threshold: 60,
  rules: [
    { id: 'saas', kind: 'fit', points: 20, when: { field: 'industry', equals: 'SaaS' } },
    { id: 'size', kind: 'fit', points: 10, when: { field: 'employees', between: [50, 500] } },
    { id: 'region', kind: 'fit', points: 5, when: { field: 'country', in: ['NO', 'SE', 'DK'] } },
    {
      id: 'pricing',
      kind: 'behavior',
      points: 10,
      cap: 30,
      when: { activity: 'page_view', where: { field: 'path', startsWith: '/pricing' } },
    },
    {
      id: 'careers',
      kind: 'behavior',
      points: -10,
      when: { activity: 'page_view', where: { field: 'path', startsWith: '/careers' } },
    },
    { id: 'webinar', kind: 'behavior', points: 15, when: { activity: 'webinar', withinDays: 60 } },
    { id: 'demo', kind: 'behavior', points: 40, when: { activity: 'demo_request' } },
  ],
  decay: { kind: 'percent', rate: 0.25, everyDays: 14, afterDays: 7 },
});

const activities: ColumnarActivities = {
  leadIndex,
  type,
  types,
  at,
  properties: { path: { codes: path, values: pathValues } },
};

// --- The peer: per lead, generic evaluation over activity objects. -------------
type Obj = { leadId: number; type: string; at: number; properties: { path: string | null } };
const peerActivities = new Map<number, Obj[]>();
for (let r = 0; r < PEER_LEADS * PER_LEAD; r++) {
  const list = peerActivities.get(leadIndex[r]!) ?? [];
  list.push({
    leadId: leadIndex[r]!,
    type: types[type[r]!]!,
    at: at[r]!,
    properties: { path: pathValues[path[r]!]! },
  });
  peerActivities.set(leadIndex[r]!, list);
}
function naiveScore(lead: (typeof leads)[number], acts: readonly Obj[]): number {
  let fit = 0;
  if (lead.industry === 'SaaS') fit += 20;
  if (lead.employees >= 50 && lead.employees <= 500) fit += 10;
  if (['NO', 'SE', 'DK'].includes(lead.country)) fit += 5;
  const sorted = [...acts].filter((a) => a.at <= asOf).sort((a, b) => a.at - b.at);
  let pricing = 0;
  let careers = 0;
  let webinar = 0;
  let demo = 0;
  // Decay runs from the last activity some rule scores.
  let lastScored: number | null = null;
  for (const a of sorted) {
    const p = a.properties.path ?? '';
    const pricingView = a.type === 'page_view' && p.startsWith('/pricing');
    const careersView = a.type === 'page_view' && p.startsWith('/careers');
    if (pricingView) pricing = Math.min(30, pricing + 10);
    if (careersView) careers -= 10;
    if (a.type === 'webinar' && a.at >= asOf - 60 * DAY) webinar += 15;
    if (a.type === 'demo_request') demo += 40;
    if (pricingView || careersView || a.type === 'webinar' || a.type === 'demo_request')
      lastScored = a.at;
  }
  let behavior = pricing + careers + webinar + demo;
  if (lastScored !== null && behavior > 0 && fit + behavior > 30) {
    const periods = Math.floor(Math.max(0, (asOf - lastScored) / DAY - 7) / 14);
    behavior = Math.min(behavior, Math.max(30, fit + behavior * 0.75 ** periods) - fit);
  }
  return fit + behavior;
}
const naiveBatch = () =>
  leads.slice(0, PEER_LEADS).map((lead) => naiveScore(lead, peerActivities.get(lead.id) ?? []));

// --- The kernel: the same arithmetic, hand-written for this model over the same columns. ---
/**
 * What leadmath's engine does for this one model, with every rule inlined:
 * fit by direct comparisons on the lead objects, behaviour by type and path
 * codes, caps, the webinar's 60-day window in the running score (for
 * qualifiedAt), and percent decay from the last scored activity, never
 * below the floor. Rows are grouped by lead in time order, as generated.
 */
function kernel(out: {
  score: Float64Array;
  fit: Float64Array;
  behavior: Float64Array;
  qualified: Uint8Array;
  qualifiedAt: Float64Array;
}): void {
  const WEBINAR_MS = 60 * DAY;
  const threshold = 60;
  const floor = 30;
  let row = 0;
  for (let j = 0; j < LEADS; j++) {
    const lead = leads[j]!;
    let fit = 0;
    if (lead.industry === 'SaaS') fit += 20;
    if (lead.employees >= 50 && lead.employees <= 500) fit += 10;
    const c = lead.country;
    if (c === 'NO' || c === 'SE' || c === 'DK') fit += 5;
    const from = row;
    let to = from;
    while (to < rows && leadIndex[to] === j) to++;
    row = to;
    while (to > from && at[to - 1]! > asOf) to--;
    let pricing = 0;
    let careers = 0;
    let webinarAll = 0;
    let webinarAtAsOf = 0;
    let demo = 0;
    let webinarTail = from;
    let webinarIn = 0;
    let lastScored = Number.NaN;
    let qualifiedAt = Number.NaN;
    for (let k = from; k < to; k++) {
      const t = at[k]!;
      const ty = type[k]!;
      const pc = path[k]!;
      if (ty === 0) {
        if (pc <= 1) {
          pricing++;
          lastScored = t;
        } else if (pc === 2) {
          careers++;
          lastScored = t;
        }
      } else if (ty === 1) {
        webinarAll++;
        if (t >= asOf - WEBINAR_MS) webinarAtAsOf++;
        lastScored = t;
      } else if (ty === 2) {
        demo++;
        lastScored = t;
      }
      if (!Number.isNaN(qualifiedAt) || (k + 1 < to && at[k + 1] === t)) continue;
      webinarIn = webinarAll;
      while (webinarTail <= k && at[webinarTail]! < t - WEBINAR_MS) {
        if (type[webinarTail] === 1) webinarAll--;
        webinarTail++;
      }
      webinarIn = webinarAll;
      const running = fit + Math.min(30, 10 * pricing) - 10 * careers + 15 * webinarIn + 40 * demo;
      if (running >= threshold) qualifiedAt = t;
    }
    let behavior = Math.min(30, 10 * pricing) - 10 * careers + 15 * webinarAtAsOf + 40 * demo;
    if (behavior > 0 && fit + behavior > floor) {
      const elapsed = (asOf - lastScored) / DAY;
      const periods = Math.floor(Math.max(0, elapsed - 7) / 14);
      const after = Math.max(floor, fit + behavior * 0.75 ** periods);
      behavior = Math.min(behavior, after - fit);
    }
    const score = fit + behavior;
    out.score[j] = score;
    out.fit[j] = fit;
    out.behavior[j] = behavior;
    out.qualified[j] = score >= threshold ? 1 : 0;
    out.qualifiedAt[j] = qualifiedAt;
  }
}
const kernelOut = () => ({
  score: new Float64Array(LEADS),
  fit: new Float64Array(LEADS),
  behavior: new Float64Array(LEADS),
  qualified: new Uint8Array(LEADS),
  qualifiedAt: new Float64Array(LEADS),
});

const results = scoreLeads(model, leads, activities, { asOf, explain: false });
const columns = scoreLeadsColumns(model, leads, activities, { asOf });
const peer = naiveBatch();
for (let i = 0; i < LEADS; i++) {
  if (results[i]!.score !== columns.score[i])
    throw new Error(`lead ${i}: objects and columns differ`);
  if (i < PEER_LEADS && Math.abs(results[i]!.score - peer[i]!) > 1e-9) {
    throw new Error(`lead ${i}: leadmath ${results[i]!.score}, peer ${peer[i]}`);
  }
}
const kernelColumns = kernelOut();
kernel(kernelColumns);
for (const name of ['score', 'fit', 'behavior', 'qualified', 'qualifiedAt'] as const) {
  for (let i = 0; i < LEADS; i++) {
    const ours = columns[name][i]!;
    const theirs = kernelColumns[name][i]!;
    if (ours !== theirs && !(Number.isNaN(ours) && Number.isNaN(theirs))) {
      throw new Error(`lead ${i}: ${name} is ${ours} in leadmath, ${theirs} in the kernel`);
    }
  }
}
const qualified = columns.qualified.reduce((a, b) => a + b, 0);

const timed = interleaved(7, [
  { name: 'kernel: hand-written typed-array loop', run: () => kernel(kernelOut()) },
  {
    name: 'leadmath scoreLeadsColumns',
    run: () => scoreLeadsColumns(model, leads, activities, { asOf }),
  },
  {
    name: 'leadmath scoreLeads (objects)',
    run: () => scoreLeads(model, leads, activities, { asOf, explain: false }),
  },
]);
const peerMs = median(timeRuns(3, naiveBatch)) * (LEADS / PEER_LEADS);
report(
  `scoring ${LEADS.toLocaleString('en-US')} leads × ${PER_LEAD} activities (target: scoreLeadsColumns ≤ 1.5 × the kernel)`,
  [...timed, { name: 'peer: per-lead objects (scaled from 50k)', ms: peerMs }],
);
console.log(
  `${qualified.toLocaleString('en-US')} leads qualified; every output agrees with the kernel, scores with the peer on the first 50,000`,
);
