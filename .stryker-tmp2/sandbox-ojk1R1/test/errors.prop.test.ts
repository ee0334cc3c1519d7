// @ts-nocheck
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isLeadMathError, LeadMathError } from '../src/errors';
import { stageEfficiency } from '../src/funnel/stageEfficiency';

describe('properties', () => {
  test.prop({ entered: fc.integer({ min: 0, max: 100 }), extra: fc.integer({ min: 1, max: 100 }) })(
    'isLeadMathError recognises every error leadmath throws, and nothing else',
    ({ entered, extra }) => {
      let thrown: unknown = null;
      try {
        stageEfficiency(entered, entered + extra);
      } catch (error) {
        thrown = error;
      }
      // It must have thrown: a property whose catch never runs proves nothing.
      expect(thrown).toBeInstanceOf(LeadMathError);
      expect(isLeadMathError(thrown)).toBe(true);
      expect((thrown as LeadMathError).code).toBe('INCONSISTENT_COUNTS');
      expect(isLeadMathError(new RangeError('x'))).toBe(false);
    },
  );
});
