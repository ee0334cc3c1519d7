import * as v from 'valibot';
import { issueExpected, issuePath } from '../../_lib/validate/valibot';
import { fail } from '../../errors';
import type { DecayPolicy } from '../model';
import { DecaySchema } from './schema';

/** Decays a positive amount with a validated policy; no floor. */
export function applyDecay(score: number, elapsedDays: number, policy: DecayPolicy): number {
  const active = Math.max(0, elapsedDays - (policy.afterDays ?? 0));
  switch (policy.kind) {
    case 'percent':
      return score * (1 - policy.rate) ** Math.floor(active / policy.everyDays);
    case 'points':
      return score - policy.points * Math.floor(active / policy.everyDays);
    case 'halfLife':
      return score * 2 ** (-active / policy.halfLifeDays);
  }
}

/** Validates a decay policy with the model schema, naming the path on failure. */
export function assertDecayPolicy(fn: string, path: string, value: unknown): DecayPolicy {
  let result: ReturnType<typeof v.safeParse<typeof DecaySchema>>;
  try {
    result = v.safeParse(DecaySchema, value);
  } catch {
    // A hostile object (a Proxy whose traps throw) is not a policy.
    return fail('INVALID_ARGUMENT', fn, path, value, 'a decay policy object');
  }
  if (result.success) return result.output as DecayPolicy;
  const issue = result.issues[0]!;
  return fail('INVALID_ARGUMENT', fn, issuePath(path, issue), issue.input, issueExpected(issue));
}
