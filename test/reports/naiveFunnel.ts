/**
 * A deliberately plain funnel report, written from DESIGN.md's rules alone
 * (not from the implementation): events grouped in a Map per lead, every
 * rule applied by brute force on each lead's full list. Tests compare the
 * report with it on random messy logs.
 */

export interface NaiveEvent {
  readonly leadId: string | number;
  readonly stage: string;
  readonly at: number;
  readonly source?: string | null | undefined;
}

export interface NaiveOptions {
  readonly stages: readonly string[];
  readonly sequence: 'lifecycle' | 'ordered';
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly windowMs?: number | undefined;
  readonly asOf: number;
}

export interface NaiveStage {
  reached: number;
  advanced: number;
  censored: number;
  recycled: number;
  lags: number[];
  entered: number;
}

/** entry(i) per the sequence rule, from the lead's events at or before asOf; null when not reached. */
export function naiveEntries(
  events: readonly NaiveEvent[],
  stages: readonly string[],
  sequence: 'lifecycle' | 'ordered',
): (number | null)[] {
  const atStage = (i: number) => events.filter((e) => e.stage === stages[i]).map((e) => e.at);
  if (sequence === 'lifecycle') {
    return stages.map((_, i) => {
      const times = stages.slice(i).flatMap((_, k) => atStage(i + k));
      return times.length === 0 ? null : Math.min(...times);
    });
  }
  const out: (number | null)[] = [];
  let previous: number | null = null;
  for (let i = 0; i < stages.length; i++) {
    const times = atStage(i).filter((t) => i === 0 || (previous !== null && t >= previous));
    const entry: number | null =
      times.length === 0 || (i > 0 && previous === null) ? null : Math.min(...times);
    out.push(entry);
    previous = entry;
  }
  return out;
}

/** The key of a lead id: a number and its decimal string are one lead. */
export function idKeyOf(id: string | number): string {
  return String(id);
}

export function naiveCohort(
  all: readonly NaiveEvent[],
  options: NaiveOptions,
): { leads: number; stages: NaiveStage[] } {
  const { stages, asOf } = options;
  const from = options.from ?? Number.NEGATIVE_INFINITY;
  const to = options.to ?? Number.POSITIVE_INFINITY;
  const w = options.windowMs ?? Number.POSITIVE_INFINITY;
  const byLead = new Map<string, NaiveEvent[]>();
  for (const e of all) {
    if (e.at > asOf || !stages.includes(e.stage)) continue;
    const key = idKeyOf(e.leadId);
    byLead.set(key, [...(byLead.get(key) ?? []), e]);
  }
  const result = stages.map(() => ({
    reached: 0,
    advanced: 0,
    censored: 0,
    recycled: 0,
    lags: [] as number[],
    entered: 0,
  }));
  let leads = 0;
  for (const events of byLead.values()) {
    const entry = naiveEntries(events, stages, options.sequence);
    const e0 = entry[0];
    if (e0 === null || e0 === undefined || e0 < from || e0 >= to) continue;
    leads++;
    const reached = stages.map((_, i) => {
      const t = entry[i];
      return t !== null && t !== undefined && t - e0 <= w;
    });
    for (let i = 0; i < stages.length; i++) {
      if (!reached[i]) continue;
      result[i]!.reached++;
      const next = entry[i + 1];
      const lastHere = Math.max(...events.filter((e) => e.stage === stages[i]).map((e) => e.at));
      if (next !== null && next !== undefined && lastHere > next) result[i]!.recycled++;
      if (i + 1 >= stages.length) continue;
      if (reached[i + 1]) {
        result[i]!.advanced++;
        result[i]!.lags.push(entry[i + 1]! - entry[i]!);
      } else if (w === Number.POSITIVE_INFINITY || e0 + w > asOf) {
        result[i]!.censored++;
      }
    }
  }
  return { leads, stages: result };
}

export function naivePeriod(
  all: readonly NaiveEvent[],
  options: NaiveOptions,
): { leads: number; entered: number[] } {
  const { stages, asOf } = options;
  const from = options.from ?? Number.NEGATIVE_INFINITY;
  const to = options.to ?? Number.POSITIVE_INFINITY;
  const byLead = new Map<string, NaiveEvent[]>();
  for (const e of all) {
    if (e.at > asOf || !stages.includes(e.stage)) continue;
    const key = idKeyOf(e.leadId);
    byLead.set(key, [...(byLead.get(key) ?? []), e]);
  }
  const entered = stages.map(() => 0);
  let leads = 0;
  for (const events of byLead.values()) {
    const entry = naiveEntries(events, stages, options.sequence);
    const inRange = entry.map((t) => t !== null && t >= from && t < to);
    if (inRange.some(Boolean)) leads++;
    inRange.forEach((yes, i) => {
      if (yes) entered[i]!++;
    });
  }
  return { leads, entered };
}

/** Linear-interpolation quantile (numpy's default), for checking. */
export function naiveQuantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}

/**
 * Each lead's first-touch segment, by DESIGN's rule written out here: the
 * segment of its earliest event at or before asOf that has one (the smaller
 * key at equal instants), null when none has.
 */
export function firstTouch(
  events: readonly NaiveEvent[],
  asOf: number,
): Map<string, string | null> {
  const best = new Map<string, { at: number; key: string } | null>();
  for (const e of events) {
    const id = idKeyOf(e.leadId);
    if (!best.has(id)) best.set(id, null);
    if (e.at > asOf || e.source === null || e.source === undefined) continue;
    const was = best.get(id);
    if (
      was === null ||
      was === undefined ||
      e.at < was.at ||
      (e.at === was.at && e.source < was.key)
    )
      best.set(id, { at: e.at, key: e.source });
  }
  return new Map([...best].map(([id, b]) => [id, b === null ? null : b.key]));
}
