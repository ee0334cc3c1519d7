import { describe, expect, it } from 'vitest';
import { closestKey } from '../../../src/_lib/validate/options';
import { funnelEfficiency } from '../../../src/funnel/funnelEfficiency';
import { scoreLeads } from '../../../src/scoring/scoreLeads';
import { velocityVsSla } from '../../../src/sla/velocityVsSla';
import { catchLeadMathError, expectLeadMathError } from '../../_helpers';

describe('closestKey', () => {
  it('finds the key meant by a typo, a case slip or a swap, and nothing for an unrelated key', () => {
    const known = ['timeZone', 'confidence', 'segmentBy', 'asOf', 'target'];
    expect(closestKey('timezone', known)).toBe('timeZone');
    expect(closestKey('confidnce', known)).toBe('confidence');
    expect(closestKey('segmentby', known)).toBe('segmentBy');
    expect(closestKey('asof', known)).toBe('asOf');
    expect(closestKey('tagret', known)).toBe('target');
    expect(closestKey('source', known)).toBeUndefined();
    expect(closestKey('id', known)).toBeUndefined();
    // Within one edit only, for objects that also carry row fields.
    expect(closestKey('started', ['start'], 1)).toBeUndefined();
    expect(closestKey('calender', ['calendar'], 1)).toBe('calendar');
  });

  it('counts a swap of neighbours as one edit', () => {
    // 'aosf' is two substitutions from 'asof', one swap; four letters allow one edit.
    expect(closestKey('aosf', ['asOf'])).toBe('asOf');
    expect(closestKey('abxy', ['abcd'])).toBeUndefined();
  });

  it('allows one edit per three letters, at least one and at most three', () => {
    expect(closestKey('tagrte', ['target'])).toBe('target'); // 2 edits, 6 letters
    expect(closestKey('tarxyz', ['target'])).toBeUndefined(); // 3 edits, 6 letters
    expect(closestKey('abcdefghixyz', ['abcdefghijkl'])).toBe('abcdefghijkl'); // 3 edits, 12 letters
    expect(closestKey('abcdefghwxyz', ['abcdefghijkl'])).toBeUndefined(); // 4 edits: never
    expect(closestKey('ab', ['ac'])).toBe('ac'); // 1 edit, 2 letters
  });

  it('counts a swap only where the two letters are swapped', () => {
    // Each pair is two edits apart (no swap of neighbours in either): too far for four letters.
    expect(closestKey('abcd', ['abxc'])).toBeUndefined();
    expect(closestKey('abcd', ['abdx'])).toBeUndefined();
    // A swap and two substitutions: three edits, one more than six letters allow.
    expect(closestKey('atrxyt', ['target'])).toBeUndefined();
  });

  it('takes the first of equally close keys', () => {
    expect(closestKey('ab', ['ac', 'ad'])).toBe('ac');
    expect(closestKey('ab', ['ad', 'ac'])).toBe('ad');
  });
});

describe('an unknown key without a close one', () => {
  it('lists the known keys', () => {
    const error = catchLeadMathError(() =>
      velocityVsSla({ averageDaysInStage: 3, slaDays: 2, zzz: 1 } as never),
    );
    expect(error.details.path).toBe('zzz');
    expect(error.details.expected).toBe(
      'absent (unknown key; known keys: averageDaysInStage, slaDays)',
    );
  });
});

describe('input objects of every domain', () => {
  it('reject unknown keys too', () => {
    expectLeadMathError(
      () =>
        funnelEfficiency([{ stage: 'a', count: 10, cout: 3 } as never, { stage: 'b', count: 1 }]),
      'INVALID_ARGUMENT',
      'counts[0].cout',
    );
    expectLeadMathError(
      () => velocityVsSla({ averageDaysInStage: 3, slaDay: 2 } as never),
      'INVALID_ARGUMENT',
      'slaDay',
    );
    const columns = {
      leadIndex: Int32Array.of(0),
      type: Uint8Array.of(0),
      types: ['view'],
      at: Float64Array.of(0),
      propertys: {},
    };
    expectLeadMathError(
      () =>
        scoreLeads(
          { id: 'm', version: 1, threshold: 1, rules: [] },
          [{ id: 'a' }],
          columns as never,
          {
            asOf: 0,
          },
        ),
      'INVALID_ARGUMENT',
      'activities.propertys',
    );
  });
});
