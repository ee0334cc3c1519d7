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
  // `activities[3].leadId` → `leadId`; `events[2]` → no field.
  const field = /^[^[]*\[\d+\]\.([^.[]+)/.exec(path)?.[1];
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
