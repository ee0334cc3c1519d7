import { fail, isLeadMathError, type LeadMathIssue } from '../../errors';

/** How a function that takes rows of data treats a bad row. */
export type OnInvalid = 'throw' | 'collect';

/** Reads `onInvalid` (default `'throw'`). */
export function readOnInvalid(fn: string, path: string, value: unknown): OnInvalid {
  if (value === undefined || value === 'throw') return 'throw';
  if (value === 'collect') return 'collect';
  return fail('INVALID_ARGUMENT', fn, path, value, "'throw' or 'collect'");
}

/**
 * Bad rows met while reading data: in `'throw'` mode the first one throws,
 * in `'collect'` mode each becomes an issue naming its row, and the row is
 * skipped.
 */
export class RowIssues {
  readonly issues: LeadMathIssue[] = [];

  constructor(readonly mode: OnInvalid) {}

  /**
   * Runs `read` for row `row`; returns its value, or `undefined` when the row
   * is bad and collected (a non-leadmath error always propagates).
   */
  read<T>(row: number, read: () => T): T | undefined {
    if (this.mode === 'throw') return read();
    try {
      return read();
    } catch (error) {
      if (!isLeadMathError(error)) throw error;
      this.issues.push(issueOf(error, row));
      return undefined;
    }
  }
}

/** The issue of a bad row from the error its check threw. */
export function issueOf(
  error: {
    code: LeadMathIssue['code'];
    message: string;
    details: { path: string; expected: string; value: unknown };
  },
  row: number,
): LeadMathIssue {
  const { path, expected } = error.details;
  // `activities[3].leadId` → `leadId`; `rows[3]["Became a Lead Date"]` → that
  // column; `events[2]` → no field; a cell of a
  // column names its column: `activities.at[5]` → `at`, a property column's
  // code `activities.properties.path.codes[5]` → `path`.
  const quoted = /^[^[]*\[\d+\]\[("(?:[^"\\]|\\.)*")\]/.exec(path)?.[1];
  const field =
    (quoted === undefined ? undefined : (JSON.parse(quoted) as string)) ??
    /^[^[]*\[\d+\]\.([^.[]+)/.exec(path)?.[1] ??
    /\.properties\.(.+)\.codes\[\d+\]$/.exec(path)?.[1] ??
    /\.([^.[]+)\[\d+\]$/.exec(path)?.[1];
  const received = / got (.*)$/s.exec(error.message)?.[1] ?? '';
  return {
    code: error.code,
    path,
    row,
    ...(field === undefined ? {} : { field }),
    expected,
    received,
    message: error.message,
  };
}

/**
 * Reads rows 0 … n − 1 with `read`. In `'throw'` mode the first bad row
 * throws; in `'collect'` mode a row whose `read` throws a LeadMathError
 * becomes an issue naming it, and `read` must have recorded nothing for it
 * (check first, then write). Returns the issues (empty in `'throw'` mode).
 */
export function eachRow(n: number, mode: OnInvalid, read: (row: number) => void): LeadMathIssue[] {
  const issues: LeadMathIssue[] = [];
  if (mode === 'throw') {
    for (let i = 0; i < n; i++) read(i);
    return issues;
  }
  for (let i = 0; i < n; i++) {
    try {
      read(i);
    } catch (error) {
      if (!isLeadMathError(error)) throw error;
      issues.push(issueOf(error, i));
    }
  }
  return issues;
}
