import * as v from 'valibot';
import { issueExpected, issuePath } from '../../_lib/validate/valibot';
import { describeValue, LeadMathError } from '../../errors';
import type { ScoringModel } from '../model';
import type { ModelIssue, SafeValidateModelResult } from '../validateModel';
import { CONDITION_BRANCHES, CONDITION_OPERATORS, ModelSchema } from './schema';

type PathItem = { readonly key: unknown };

function issue(path: string, expected: string, value: unknown): ModelIssue {
  const where = path === '' ? 'model' : path;
  const received = describeValue(value);
  return {
    code: 'INVALID_MODEL',
    path: where,
    expected,
    received,
    message: `${where} must be ${expected}, got ${received}`,
  };
}

/**
 * Whether a path ends at a condition: a fit rule's `when`, a behaviour
 * rule's `when.where`, or inside `all` / `any` / `not`. Decided from the
 * structure of the path, not from any message text.
 */
function isConditionPath(items: readonly PathItem[] | undefined): boolean {
  const keys = (items ?? []).map((item) => item.key);
  const last = keys.at(-1);
  const before = keys.at(-2);
  if (last === 'not' || last === 'where') return true;
  if (typeof last === 'number') return before === 'all' || before === 'any';
  // rules[i].when of a fit rule (a behaviour rule's `when` is a strict object, not a union).
  return last === 'when' && keys.length === 3 && keys[0] === 'rules';
}

function explain(raw: v.BaseIssue<unknown>, base: string): ModelIssue[] {
  const items = raw.path as readonly PathItem[] | undefined;
  const path = issuePath(base, raw);
  if (raw.type === 'union' && isConditionPath(items)) return explainCondition(raw.input, path);
  return [issue(path, issueExpected(raw), raw.input)];
}

/** How deep conditions may nest (`all`, `any`, `not` count one level each). */
export const MAX_CONDITION_DEPTH = 32;

/**
 * Conditions nested deeper than {@link MAX_CONDITION_DEPTH} (a condition
 * that contains itself nests forever), found without recursion, so that the
 * schema never walks them.
 */
function depthIssues(json: unknown): ModelIssue[] {
  if (typeof json !== 'object' || json === null) return [];
  const rules = (json as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return [];
  const issues: ModelIssue[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule: unknown = rules[i];
    if (typeof rule !== 'object' || rule === null) continue;
    const when = (rule as { when?: unknown }).when;
    stack.push({ value: when, path: `rules[${i}].when`, depth: 1 });
    if (typeof when === 'object' && when !== null && 'where' in when) {
      stack.push({
        value: (when as { where?: unknown }).where,
        path: `rules[${i}].when.where`,
        depth: 1,
      });
    }
  }
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_CONDITION_DEPTH) {
      issues.push(issue(path, `a condition nested at most ${MAX_CONDITION_DEPTH} deep`, value));
      continue;
    }
    const node = value as { all?: unknown; any?: unknown; not?: unknown };
    for (const op of ['all', 'any'] as const) {
      const list = node[op];
      if (!Array.isArray(list)) continue;
      for (let k = list.length - 1; k >= 0; k--) {
        stack.push({ value: list[k], path: `${path}.${op}[${k}]`, depth: depth + 1 });
      }
    }
    if ('not' in node) stack.push({ value: node.not, path: `${path}.not`, depth: depth + 1 });
  }
  return issues;
}

/** Which single-operator shape a condition meant, and what is wrong with it. */
function explainCondition(value: unknown, path: string): ModelIssue[] {
  const list = CONDITION_OPERATORS.join(', ');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [issue(path, `a condition object with one of ${list}`, value)];
  }
  const ops = CONDITION_OPERATORS.filter((op) => op in value);
  if (ops.length !== 1) {
    return [issue(path, `a condition with exactly one operator (${list})`, value)];
  }
  const result = v.safeParse(CONDITION_BRANCHES[ops[0]!]!, value);
  return result.success ? [] : result.issues.flatMap((raw) => explain(raw, path));
}

/** Checks no schema can express: unique ids, the reserved id, floor ≤ threshold. */
function crossFieldIssues(model: ScoringModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const seen = new Set<string>();
  model.rules.forEach((rule, i) => {
    if (rule.id === 'decay') {
      issues.push(issue(`rules[${i}].id`, "a rule id other than 'decay' (reserved)", rule.id));
    } else if (seen.has(rule.id)) {
      issues.push(issue(`rules[${i}].id`, 'a rule id not used by an earlier rule', rule.id));
    }
    seen.add(rule.id);
  });
  if (model.floor !== undefined && model.floor > model.threshold) {
    issues.push(issue('floor', `a number ≤ threshold (${model.threshold})`, model.floor));
  }
  return issues;
}

/** Models this module validated (frozen, so they cannot have changed since). */
const validated = new WeakSet<object>();

/** The model itself when validateModel produced it, else the result of validating it. */
export function ensureValidModel(model: unknown): ScoringModel {
  if (typeof model === 'object' && model !== null && validated.has(model))
    return model as ScoringModel;
  const result = checkModel(model);
  if (result.success) return result.model;
  throw modelError(model, result.issues);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

export function checkModel(json: unknown): SafeValidateModelResult {
  const tooDeep = depthIssues(json);
  if (tooDeep.length > 0) return { success: false, model: null, issues: tooDeep };
  let result: ReturnType<typeof v.safeParse<typeof ModelSchema>>;
  try {
    result = v.safeParse(ModelSchema, json);
  } catch {
    // A hostile object (a Proxy whose traps throw) is not model JSON.
    return { success: false, model: null, issues: [issue('', 'plain JSON data', json)] };
  }
  if (!result.success) {
    return {
      success: false,
      model: null,
      issues: result.issues.flatMap((raw) => explain(raw, '')),
    };
  }
  const model = result.output as ScoringModel;
  const issues = crossFieldIssues(model);
  if (issues.length > 0) return { success: false, model: null, issues };
  validated.add(deepFreeze(model));
  return { success: true, model, issues: [] };
}

/** The error of a model that did not validate: the first issue, and all of them in `details`. */
export function modelError(json: unknown, issues: readonly ModelIssue[]): LeadMathError {
  const first = issues[0]!;
  const count = issues.length;
  return new LeadMathError(
    'INVALID_MODEL',
    `validateModel: ${first.message}${count > 1 ? ` (and ${count - 1} more issue${count > 2 ? 's' : ''})` : ''}`,
    {
      function: 'validateModel',
      path: first.path,
      value: json,
      expected: first.expected,
      issues: issues,
    },
  );
}
