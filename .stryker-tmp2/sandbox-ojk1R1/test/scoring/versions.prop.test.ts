// @ts-nocheck
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defaultFloor } from '../../src/scoring/defaultFloor';
import { reviewDates } from '../../src/scoring/reviewDates';
import { safeValidateModel, validateModel } from '../../src/scoring/validateModel';

const DAY = 86_400_000;

describe('properties', () => {
  test.prop({ threshold: fc.double({ min: 0, max: 1e9, noNaN: true }) })(
    'defaultFloor is half the threshold, never above it',
    ({ threshold }) => {
      expect(defaultFloor(threshold)).toBe(threshold / 2);
      expect(defaultFloor(threshold)).toBeLessThanOrEqual(threshold);
    },
  );

  test.prop({
    published: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
    first: fc.integer({ min: 1, max: 400 }),
    every: fc.integer({ min: 1, max: 400 }),
    count: fc.integer({ min: 1, max: 12 }),
  })(
    'reviewDates (UTC) are first, then every `everyDays`, exactly count of them',
    ({ published, first, every, count }) => {
      const dates = reviewDates(published, { firstAfterDays: first, everyDays: every, count });
      expect(dates).toHaveLength(count);
      expect(dates[0]!.getTime() - published).toBe(first * DAY);
      for (let i = 1; i < count; i++)
        expect(dates[i]!.getTime() - dates[i - 1]!.getTime()).toBe(every * DAY);
    },
  );

  test.prop({ json: fc.anything() })(
    'safeValidateModel agrees with validateModel on anything',
    ({ json }) => {
      const safe = safeValidateModel(json);
      if (safe.success) expect(validateModel(json)).toEqual(safe.model);
      else expect(() => validateModel(json)).toThrow(safe.issues[0]!.message);
    },
  );
});
