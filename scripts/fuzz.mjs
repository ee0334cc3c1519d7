/**
 * Seeded, bounded fuzzing of every export of the built package: each case is
 * a valid call with one part replaced by a hostile value (NaN, ±Infinity,
 * 1e308, 5e-324, epoch microseconds, strings without offsets, sparse and
 * cyclic arrays, prototype keys, Proxies whose traps throw, look-alike
 * calendars, misspelt option keys, huge durations …). Four classes of
 * failure are counted:
 *
 * - a throw that is not a LeadMathError;
 * - NaN or ±Infinity anywhere in a result;
 * - an input that differs from its clone taken before the call;
 * - a call that runs for more than 3 s (the worker is stopped and restarted).
 *
 * Usage: `npm run fuzz` (builds first), or `node scripts/fuzz.mjs [cases] [seed]`.
 * Prints one line per class and exits 1 when any class is not empty.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const HANG_MS = 3000;

/** mulberry32: a small seeded PRNG. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hostileValues(lm) {
  const cyclic = [];
  cyclic.push(cyclic);
  const loop = {};
  loop.not = loop;
  const trap = () => {
    throw new Error('trap');
  };
  // biome-ignore lint/suspicious/noSparseArray: a sparse array is one of the hostile inputs
  const sparse = [1, , 3];
  return [
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0,
    0.5,
    1,
    1.5,
    2 ** 53,
    2 ** 53 - 1,
    1e308,
    -1e308,
    5e-324,
    1767639780000000,
    1767639780,
    8.64e15,
    -8.64e15,
    Date.UTC(2200, 0, 1),
    Date.UTC(1900, 0, 1) - 1,
    '',
    'x',
    '42',
    '2026-03-06T16:00',
    '2026-03-06T16:00:00Z',
    '2926-01-01T00:00:00Z',
    '0099-12-01',
    '2026-02-30',
    'constructor',
    'toString',
    '__proto__',
    null,
    undefined,
    true,
    new Date(Number.NaN),
    new Date('2026-03-02T09:00:00Z'),
    [],
    [0],
    sparse,
    cyclic,
    {},
    loop,
    { days: 1e308 },
    { businessDays: 1e9 },
    { hours: -1 },
    { weeks: 1 },
    Object.create(null),
    new Proxy({}, { getPrototypeOf: trap }),
    { between: () => 0, add: () => new Date(0), isOpen: () => true, nextOpen: () => new Date(0) },
    lm.alwaysOpen,
    () => 1,
    Symbol('s'),
    10n,
  ];
}

function baseCases(lm) {
  const nine = [['09:00', '17:00']];
  const ny = lm.businessCalendar({
    timeZone: 'America/New_York',
    hours: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
  });
  const model = {
    id: 'm',
    version: 1,
    threshold: 30,
    decay: { kind: 'halfLife', halfLifeDays: 14 },
    rules: [
      { id: 'fit', kind: 'fit', points: 10, when: { field: 'company.size', gte: 50 } },
      {
        id: 'p',
        kind: 'behavior',
        points: 10,
        cap: 30,
        when: {
          activity: 'view',
          where: { field: 'path', startsWith: '/pricing' },
          withinDays: 30,
        },
      },
    ],
  };
  const acts = [
    { leadId: 'a', type: 'view', at: '2026-03-01T10:00:00Z', properties: { path: '/pricing' } },
    { leadId: 'b', type: 'view', at: '2026-03-02T10:00:00Z', properties: { path: '/blog' } },
  ];
  const leads = [
    { id: 'a', company: { size: 80 } },
    { id: 'b', company: { size: 10 } },
  ];
  const stageEvents = [
    { leadId: 1, stage: 'mql', at: '2026-03-02T09:00:00Z', source: 'ads' },
    { leadId: '1', stage: 'sql', at: '2026-03-04T09:00:00Z' },
    { leadId: 2, stage: 'nurture', at: '2026-03-03T09:00:00Z' },
    { leadId: 2, stage: 'won', at: '2026-03-09T09:00:00Z', source: 'web' },
  ];
  const items = [
    { owner: 'ana', start: '2026-03-02T09:00:00Z', stop: '2026-03-02T12:00:00Z' },
    { owner: 'bo', start: '2026-03-01T09:00:00Z', source: 'x' },
  ];
  const at = '2026-03-06T16:00:00-05:00';
  return [
    ['stageEfficiency', [100, 20, { confidence: 0.9 }]],
    [
      'funnelEfficiency',
      [
        [
          { stage: 'a', count: 100 },
          { stage: 'b', count: 20 },
        ],
        { confidence: 0.9 },
      ],
    ],
    ['wilsonInterval', [3, 10, 0.95]],
    ['dealsForRevenue', [10_000_000, 50_000]],
    ['reversePlan', [{ stages: ['a', 'b', 'c'], rates: [0.25, 0.2], target: 200 }]],
    ['reversePlan', [{ stages: ['a', 'b'], rates: [0.25], revenue: 1e6, averageDealSize: 5e4 }]],
    ['forwardProjection', [{ stages: ['a', 'b'], rates: [0.5], top: 100 }]],
    [
      'planWithConfidence',
      [{ stages: ['a', 'b', 'c'], rates: [0.2, 0.25], target: 20, confidence: 0.9 }],
    ],
    [
      'planWithConfidence',
      [
        {
          stages: ['a', 'b'],
          evidence: [{ entered: 50, advanced: 5 }],
          target: 3,
          confidence: 0.9,
        },
      ],
    ],
    ['spreadTarget', [1000, [22, 20, 21]]],
    ['dailyRate', [1000, 20]],
    [
      'compareDailyRates',
      [
        { count: 1000, businessDays: 23 },
        { count: 1000, businessDays: 20 },
      ],
    ],
    ['pace', [{ target: 1000, actual: 450, elapsedBusinessDays: 10, totalBusinessDays: 21 }]],
    ['costPer', [1000, 10]],
    [
      'laggedWindow',
      [
        { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' },
        30,
        { timeZone: 'Europe/Oslo' },
      ],
    ],
    [
      'laggedCostPer',
      [
        {
          spend: [{ at: '2026-02-01T00:00:00Z', amount: 5 }],
          count: 3,
          window: { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' },
          lagDays: 30,
        },
      ],
    ],
    ['marketingSourcedShare', [{ marketingSourced: 45, customers: 150, salesModel: 'field' }]],
    ['validateModel', [model]],
    ['safeValidateModel', [model]],
    ['scoreLead', [model, leads[0], [acts[0]], { asOf: '2026-03-05T00:00:00Z' }]],
    ['scoreLeads', [model, leads, acts, { asOf: '2026-03-05T00:00:00Z' }]],
    ['scoreLeadsColumns', [model, leads, acts, { asOf: '2026-03-05T00:00:00Z' }]],
    [
      'scoreLeadsColumns',
      [
        model,
        leads,
        {
          leadIndex: Int32Array.of(0, 1, 0),
          type: Uint8Array.of(0, 0, 1),
          types: ['page_view', 'demo_request'],
          at: Float64Array.of(Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 3)),
          properties: { path: { codes: Uint8Array.of(0, 1, 0), values: ['/pricing', '/blog'] } },
        },
        { asOf: '2026-03-05T00:00:00Z', onInvalid: 'collect' },
      ],
    ],
    ['scoreLeads', [model, leads, acts, { asOf: '2026-03-05T00:00:00Z', onInvalid: 'collect' }]],
    [
      'decayScore',
      [80, { elapsedDays: 14, policy: { kind: 'percent', rate: 0.5, everyDays: 7 }, floor: 10 }],
    ],
    ['defaultFloor', [50]],
    ['diffModels', [model, { ...model, threshold: 40 }]],
    [
      'evaluateModel',
      [
        [
          { score: 90, converted: true },
          { score: 20, converted: false },
        ],
        { threshold: 50 },
      ],
    ],
    [
      'evaluateModel',
      [
        [
          { score: 90, converted: true },
          { score: 20, converted: false },
        ],
        { threshold: 50, onInvalid: 'collect' },
      ],
    ],
    ['reviewDates', ['2026-01-15T00:00:00Z', { count: 3 }]],
    [
      'businessCalendar',
      [
        {
          timeZone: 'Australia/Sydney',
          hours: {
            sun: [
              ['02:30', '02:50'],
              ['03:00', '03:20'],
            ],
          },
          holidays: ['2026-12-25'],
        },
      ],
    ],
    ['calendar.isOpen', [ny, at]],
    ['calendar.nextOpen', [ny, at]],
    ['calendar.add', [ny, at, { hours: 2 }]],
    ['calendar.between', [ny, at, '2026-03-10T00:00:00Z']],
    ['calendar.businessDays', [ny, '2026-03-01', '2026-03-31']],
    ['alwaysOpen.add', [lm.alwaysOpen, at, { businessDays: 2 }]],
    [
      'slaStatus',
      [{ start: at, target: { hours: 2 }, calendar: ny, asOf: '2026-03-09T09:45:00-04:00' }],
    ],
    [
      'slaReport',
      [items, { target: { hours: 4 }, asOf: '2026-03-03T00:00:00Z', segmentBy: 'source' }],
    ],
    ['speedToLead', [items, { calendar: ny }]],
    ['speedToLead', [items, { onInvalid: 'collect' }]],
    [
      'slaReport',
      [
        items,
        { target: { hours: 4 }, asOf: '2026-03-03T00:00:00Z', calendar: ny, onInvalid: 'collect' },
      ],
    ],
    [
      'slaItemsFromEvents',
      [
        [
          { leadId: 1, type: 'mql', at },
          { leadId: 1, type: 'accepted', at: '2026-03-09T10:00:00Z' },
        ],
        { start: ['mql'], stop: ['accepted'] },
      ],
    ],
    [
      'slaItemsFromEvents',
      [
        [
          { leadId: 1, type: 'mql', at },
          { leadId: 1, type: 'accepted', at: '2026-03-09T10:00:00Z' },
        ],
        { start: ['mql'], stop: ['accepted'], onInvalid: 'collect' },
      ],
    ],
    ['velocityVsSla', [{ averageDaysInStage: 3, slaDays: 2 }]],
    [
      'funnelReport',
      [
        stageEvents,
        {
          stages: ['mql', 'sql', 'won'],
          outcomes: ['nurture'],
          window: { days: 30 },
          horizons: [{ days: 7 }, 0],
          quantiles: [0.25],
          segmentBy: 'source',
          asOf: '2026-03-20T00:00:00Z',
        },
      ],
    ],
    [
      'funnelReport',
      [
        {
          leadId: Int32Array.of(5, 5, 9),
          stage: Uint8Array.of(0, 1, 0),
          at: Float64Array.of(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 3), Date.UTC(2026, 2, 4)),
          source: ['ads', null, 'web'],
        },
        { stages: ['mql', 'sql'], sequence: 'ordered', segmentBy: 'source', onInvalid: 'collect' },
      ],
    ],
    [
      'funnelReport',
      [
        stageEvents,
        { stages: ['mql', 'sql', 'won'], outcomes: ['nurture'], mode: 'period', from: at },
      ],
    ],
    [
      'conversionCurve',
      [
        stageEvents,
        { stages: ['mql', 'sql', 'won'], outcomes: ['nurture'], from: 'mql', to: 'won' },
      ],
    ],
    ['createFunnelAccumulator', [{ stages: ['mql', 'sql'], horizons: [{ days: 1 }] }]],
    [
      'funnelAccumulatorFromJSON',
      [
        {
          version: 1,
          options: { stages: ['mql', 'sql'] },
          segmentByFunction: false,
          maxAt: Date.UTC(2026, 2, 2),
          leads: [[1, [[0, Date.UTC(2026, 2, 2)]], null, null]],
          issues: [],
        },
      ],
    ],
  ];
}

function call(lm, name, args) {
  if (name.startsWith('calendar.') || name.startsWith('alwaysOpen.')) {
    const [calendar, ...rest] = args;
    return calendar[name.split('.')[1]](...rest);
  }
  return lm[name](...args);
}

/** A deep copy of plain data, keeping calendars by reference (they are not data). */
function clone(value, seen = new Map()) {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (typeof value.between === 'function') return value;
  if (seen.has(value)) return seen.get(value);
  const out = Array.isArray(value) ? [] : {};
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = clone(value[key], seen);
  return out;
}

/** Replaces one randomly chosen part of the arguments (a leaf, or adds a key) with a hostile value. */
function mutate(args, next, hostile) {
  const copy = clone(args);
  const slots = [];
  const walk = (holder, key, depth) => {
    slots.push([holder, key]);
    const value = holder[key];
    if (depth > 4 || typeof value !== 'object' || value === null) return;
    if (typeof value.between === 'function') return;
    for (const k of Object.keys(value)) walk(value, k, depth + 1);
  };
  // A method's receiver (the calendar) stays: the method is what is fuzzed.
  const first = typeof copy[0]?.between === 'function' ? 1 : 0;
  for (let i = first; i < copy.length; i++) walk(copy, i, 0);
  const [holder, key] = slots[Math.floor(next() * slots.length)];
  const value = hostile[Math.floor(next() * hostile.length)];
  const r = next();
  if (
    r < 0.15 &&
    typeof holder[key] === 'object' &&
    holder[key] !== null &&
    !Array.isArray(holder[key])
  ) {
    // A misspelt or extra key.
    const keys = Object.keys(holder[key]);
    const k = keys.length > 0 ? keys[Math.floor(next() * keys.length)] : 'x';
    holder[key] = { ...holder[key], [r < 0.07 ? k.toLowerCase() : `${k}x`]: value };
  } else holder[key] = value;
  return copy;
}

function findNonFinite(value, path, seen = new Set()) {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (typeof value !== 'object' || value === null || seen.has(value)) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? path : null;
  seen.add(value);
  // Typed-array score columns mark "never qualified" as NaN in qualifiedAt, as documented.
  if (ArrayBuffer.isView(value)) {
    if (path.endsWith('.qualifiedAt')) return null;
    for (let i = 0; i < value.length; i++) if (!Number.isFinite(value[i])) return `${path}[${i}]`;
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const found = findNonFinite(v, `${path}.${k}`, seen);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Equal as data: Object.is for primitives (NaN equals NaN), getTime for
 * Dates, own keys and holes for objects and arrays (prototypes aside, since a
 * clone of Object.create(null) has Object.prototype).
 */
function same(a, b, seen = new Set()) {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b);
  }
  if (seen.has(a)) return true;
  seen.add(a);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && same(a[k], b[k], seen));
}

function cloneable(value) {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function snapshot(args) {
  return args.map((a) =>
    typeof a === 'object' && a !== null && typeof a.between === 'function'
      ? a
      : cloneable(a)
        ? structuredClone(a)
        : undefined,
  );
}

async function worker() {
  const lm = await import('../dist/index.js');
  const { seed, from, to } = workerData;
  const bases = baseCases(lm);
  const hostile = hostileValues(lm);
  for (let i = from; i < to; i++) {
    const next = random(seed * 1_000_003 + i);
    const [name, base] = bases[i % bases.length];
    let args;
    try {
      args = i < bases.length ? base : mutate(base, next, hostile);
    } catch {
      args = base;
    }
    const before = snapshot(args);
    parentPort.postMessage({ type: 'start', i, name });
    let outcome = 'ok';
    let detail = '';
    let rejected = false;
    try {
      const result = call(lm, name, args);
      const bad = findNonFinite(result, 'result');
      if (bad !== null) {
        outcome = 'nonFinite';
        detail = bad;
      }
    } catch (error) {
      rejected = true;
      if (!lm.isLeadMathError(error)) {
        outcome = 'foreignThrow';
        detail = String(error?.stack ?? error)
          .split('\n')
          .slice(0, 2)
          .join(' ');
      }
    }
    if (outcome === 'ok') {
      for (let k = 0; k < args.length; k++) {
        if (before[k] === undefined || before[k] === args[k]) continue;
        try {
          if (!same(before[k], args[k])) {
            outcome = 'mutated';
            detail = `argument ${k}`;
          }
        } catch {
          // a hostile value that cannot be compared
        }
      }
    }
    parentPort.postMessage({ type: 'done', i, name, outcome, detail, rejected });
  }
  parentPort.postMessage({ type: 'end' });
}

async function main() {
  const total = Number(process.argv[2] ?? 40_000);
  const seed = Number(process.argv[3] ?? 20261201);
  const counts = { foreignThrow: [], nonFinite: [], mutated: [], hang: [] };
  let calls = 0;
  let rejected = 0;
  let from = 0;
  const started = Date.now();
  while (from < total) {
    await new Promise((resolve) => {
      const w = new Worker(new URL(import.meta.url), { workerData: { seed, from, to: total } });
      let current = null;
      const timer = setInterval(() => {
        if (current !== null && Date.now() - current.at > HANG_MS) {
          counts.hang.push(`#${current.i} ${current.name}`);
          from = current.i + 1;
          clearInterval(timer);
          w.terminate().then(resolve);
        }
      }, 100);
      w.on('message', (m) => {
        if (m.type === 'start') current = { i: m.i, name: m.name, at: Date.now() };
        else if (m.type === 'done') {
          calls++;
          if (m.rejected) rejected++;
          current = null;
          from = m.i + 1;
          if (m.outcome !== 'ok') counts[m.outcome].push(`#${m.i} ${m.name}: ${m.detail}`);
        } else if (m.type === 'end') {
          clearInterval(timer);
          from = total;
          w.terminate().then(resolve);
        }
      });
      w.on('error', (error) => {
        clearInterval(timer);
        counts.foreignThrow.push(`worker: ${error}`);
        from = (current?.i ?? from) + 1;
        resolve();
      });
    });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${calls} calls (${rejected} rejected with a LeadMathError, ${calls - rejected} answered), seed ${seed}, ${seconds} s`,
  );
  for (const [name, list] of Object.entries(counts)) {
    console.log(`${name}: ${list.length}`);
    for (const line of list.slice(0, 10)) console.log(`  ${line}`);
  }
  process.exitCode = Object.values(counts).some((list) => list.length > 0) ? 1 : 0;
}

if (isMainThread) await main();
else await worker();
