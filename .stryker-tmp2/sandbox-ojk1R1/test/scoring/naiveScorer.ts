/**
 * A deliberately plain scorer, written from docs/scoring.md and DESIGN.md
 * alone (not from the engine): objects, loops over every activity for every
 * rule and every instant, no interning, no bitmasks. Tests compare the
 * engine with it on random models and logs.
 */
// @ts-nocheck

import type { Condition, DecayPolicy, ScoringModel } from '../../src/scoring/model';

const DAY = 86_400_000;

interface NaiveActivity {
  readonly type: string;
  readonly at: number;
  readonly properties?: Readonly<Record<string, unknown>>;
}

function read(subject: unknown, path: string): unknown {
  let value = subject;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function naiveMatches(c: Condition, subject: unknown): boolean {
  if ('all' in c) return c.all.every((x) => naiveMatches(x, subject));
  if ('any' in c) return c.any.some((x) => naiveMatches(x, subject));
  if ('not' in c) return !naiveMatches(c.not, subject);
  const v = read(subject, c.field);
  if ('equals' in c) return v === c.equals;
  if ('in' in c) return c.in.includes(v as never);
  if ('between' in c) return typeof v === 'number' && v >= c.between[0] && v <= c.between[1];
  if ('gte' in c) return typeof v === 'number' && v >= c.gte;
  if ('lte' in c) return typeof v === 'number' && v <= c.lte;
  if ('contains' in c) {
    if (typeof v === 'string') return typeof c.contains === 'string' && v.includes(c.contains);
    return Array.isArray(v) && v.includes(c.contains);
  }
  if ('exists' in c) return (v !== undefined && v !== null) === c.exists;
  if ('startsWith' in c) return typeof v === 'string' && v.startsWith(c.startsWith);
  throw new Error('unknown condition');
}

/** A total limited to ±cap, keeping its sign. */
function limit(total: number, cap: number | undefined): number {
  if (cap === undefined) return total;
  return total > cap ? cap : total < -cap ? -cap : total;
}

function decayed(b: number, elapsedDays: number, policy: DecayPolicy): number {
  const active = Math.max(0, elapsedDays - (policy.afterDays ?? 0));
  if (policy.kind === 'halfLife') return b * 0.5 ** (active / policy.halfLifeDays);
  const periods = Math.floor(active / policy.everyDays);
  if (policy.kind === 'percent') return b * (1 - policy.rate) ** periods;
  return b - policy.points * periods;
}

/** Behaviour points at instant t: each rule's matches in its window, capped. */
function behaviourAt(model: ScoringModel, acts: readonly NaiveActivity[], t: number): number {
  let total = 0;
  for (const rule of model.rules) {
    if (rule.kind !== 'behavior') continue;
    let n = 0;
    for (const a of acts) {
      if (a.at > t || a.type !== rule.when.activity) continue;
      if (rule.when.withinDays !== undefined && a.at < t - rule.when.withinDays * DAY) continue;
      if (rule.when.where !== undefined && !naiveMatches(rule.when.where, a.properties ?? {}))
        continue;
      n++;
    }
    total += limit(rule.points * n, rule.cap);
  }
  return total;
}

function scores(model: ScoringModel, a: NaiveActivity): boolean {
  return model.rules.some(
    (rule) =>
      rule.kind === 'behavior' &&
      rule.when.activity === a.type &&
      (rule.when.where === undefined || naiveMatches(rule.when.where, a.properties ?? {})),
  );
}

export function naiveScore(
  model: ScoringModel,
  lead: unknown,
  activities: readonly NaiveActivity[],
  asOf: number,
) {
  const acts = activities.filter((a) => a.at <= asOf);
  let fit = 0;
  for (const rule of model.rules) {
    if (rule.kind === 'fit' && naiveMatches(rule.when, lead)) fit += rule.points;
  }
  const behaviour = behaviourAt(model, acts, asOf);
  // Qualification is read at each activity instant, every activity of that instant counted.
  let qualifiedAt: number | null = null;
  for (const t of [...new Set(acts.map((a) => a.at))].sort((x, y) => x - y)) {
    if (fit + behaviourAt(model, acts, t) >= model.threshold) {
      qualifiedAt = t;
      break;
    }
  }
  let b = behaviour;
  const floor = model.floor ?? model.threshold * 0.5;
  const scored = acts.filter((a) => scores(model, a));
  if (model.decay !== undefined && behaviour > 0 && fit + behaviour > floor && scored.length > 0) {
    const last = Math.max(...scored.map((a) => a.at));
    const after = Math.max(floor, fit + decayed(behaviour, (asOf - last) / DAY, model.decay));
    b = Math.min(behaviour, after - fit);
  }
  const score = fit + b;
  return { score, fit, behavior: b, qualified: score >= model.threshold, qualifiedAt };
}
