/**
 * The one translation from valibot's issues to leadmath's words: the JSON
 * path of an issue, and what was expected there. Every check in a leadmath
 * schema carries its own expectation as its message (a leadmath phrase,
 * never a library default); strict objects are told apart by the issue's
 * structured `expected` field, never by parsing message text.
 */

/** The parts of a valibot issue that leadmath reads. */
export interface RawIssue {
  readonly type: string;
  readonly expected: string | null;
  readonly message: string;
  readonly input: unknown;
  readonly path?: readonly { readonly key: unknown }[] | undefined;
}

/** `base` followed by the issue's path: `rules[3].when.between`. */
export function issuePath(base: string, raw: Pick<RawIssue, 'path'>): string {
  let path = base;
  for (const { key } of raw.path ?? []) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/** What was expected where the issue is, in words. */
export function issueExpected(raw: RawIssue): string {
  if (raw.type === 'strict_object') {
    // One issue type, three cases: an unknown key (`never`), a missing key
    // (the quoted key name), or a value that is not an object at all.
    if (raw.expected === 'never') return 'absent (unknown key)';
    if (raw.expected?.startsWith('"')) return 'present (a required key)';
    return 'an object';
  }
  return raw.message;
}
