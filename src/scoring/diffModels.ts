import { ensureValidModel } from './_internal/validation';
import type { ScoringModel, ScoringRule } from './model';

/**
 * One difference between two model versions.
 *
 * @category Scoring
 */
export interface DiffModelsResult {
  /** Whether a rule was added or removed, or a field changed. */
  readonly type: 'added' | 'removed' | 'changed';
  /** The rule concerned; absent for model-level fields. */
  readonly ruleId?: string;
  /** The changed field: `'threshold'`, `'floor'`, `'decay'`, or a rule's field (`'points'`, `'when'`, …). */
  readonly field?: string;
  /** The value before (the whole rule when removed); absent when added. */
  readonly before?: unknown;
  /** The value after (the whole rule when added); absent when removed. */
  readonly after?: unknown;
}

const MODEL_FIELDS = ['threshold', 'floor', 'decay'] as const;
const RULE_FIELDS = ['kind', 'points', 'cap', 'when', 'notes'] as const;

/** JSON with sorted keys, so that key order never reads as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function changed(
  out: DiffModelsResult[],
  field: string,
  before: unknown,
  after: unknown,
  ruleId?: string,
): void {
  if (canonical(before) === canonical(after)) return;
  out.push({
    type: 'changed',
    ...(ruleId === undefined ? {} : { ruleId }),
    field,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}

/**
 * What changed between two versions of a scoring model: the threshold, floor
 * and decay, and rule by rule (matched by id) the rules added, removed and
 * each changed field with its value before and after. Key order inside
 * conditions does not count as a change.
 *
 * Order: model fields first, then rules removed (in `a`'s order), then rules
 * added or changed (in `b`'s order).
 *
 * @param a - The earlier version.
 * @param b - The later version.
 * @returns The differences; empty when the models score alike.
 * @throws {LeadMathError} `INVALID_MODEL` when either model is invalid.
 *
 * @example
 * ```ts
 * import { diffModels } from 'leadmath';
 *
 * const v1 = { id: 'm', version: 1, threshold: 50, rules: [
 *   { id: 'saas', kind: 'fit', points: 20, when: { field: 'industry', equals: 'SaaS' } },
 *   { id: 'webinar', kind: 'behavior', points: 5, when: { activity: 'webinar' } },
 * ] } as const;
 * const v2 = { ...v1, version: 2, threshold: 60, rules: [
 *   { id: 'saas', kind: 'fit', points: 25, when: { field: 'industry', equals: 'SaaS' } },
 * ] } as const;
 * diffModels(v1, v2).map((d) => [d.type, d.ruleId ?? d.field, d.after ?? d.before?.id]);
 * //=> [['changed', 'threshold', 60], ['removed', 'webinar', 'webinar'], ['changed', 'saas', 25]]
 * ```
 *
 * @category Scoring
 */
export function diffModels(a: ScoringModel, b: ScoringModel): DiffModelsResult[] {
  const before = ensureValidModel(a);
  const after = ensureValidModel(b);
  const out: DiffModelsResult[] = [];
  for (const field of MODEL_FIELDS) changed(out, field, before[field], after[field]);
  const oldRules = new Map<string, ScoringRule>(before.rules.map((rule) => [rule.id, rule]));
  const newIds = new Set(after.rules.map((rule) => rule.id));
  for (const rule of before.rules) {
    if (!newIds.has(rule.id)) out.push({ type: 'removed', ruleId: rule.id, before: rule });
  }
  for (const rule of after.rules) {
    const old = oldRules.get(rule.id);
    if (old === undefined) {
      out.push({ type: 'added', ruleId: rule.id, after: rule });
      continue;
    }
    const was = old as unknown as Readonly<Record<string, unknown>>;
    const now = rule as unknown as Readonly<Record<string, unknown>>;
    for (const field of RULE_FIELDS) changed(out, field, was[field], now[field], rule.id);
  }
  return out;
}

/**
 * Former name of {@link DiffModelsResult}.
 *
 * @deprecated Use {@link DiffModelsResult}; this alias will be removed in the next minor version.
 * @category Scoring
 */
export type ModelDifference = DiffModelsResult;
