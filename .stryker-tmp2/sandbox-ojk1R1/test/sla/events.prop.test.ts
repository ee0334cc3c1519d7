// @ts-nocheck
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { slaItemsFromEvents } from '../../src/sla/slaItemsFromEvents';
import { velocityVsSla } from '../../src/sla/velocityVsSla';

const DAY = 86_400_000;

describe('properties', () => {
  test.prop({
    average: fc.double({ min: 0, max: 100, noNaN: true }),
    sla: fc.double({ min: 0.01, max: 100, noNaN: true }),
  })('velocityVsSla: breached exactly when over by more than zero days', ({ average, sla }) => {
    const r = velocityVsSla({ averageDaysInStage: average, slaDays: sla });
    expect(r.overByDays).toBe(Math.max(0, average - sla));
    expect(r.breached).toBe(r.overByDays > 0);
  });

  test.prop({
    events: fc.array(
      fc.record({
        leadId: fc.constantFrom('a', 'b', 'c'),
        type: fc.constantFrom('mql', 'accepted', 'rejected', 'wait', 'reply', 'note'),
        at: fc.integer({ min: 0, max: 100 * DAY }),
      }),
      { maxLength: 60 },
    ),
  })(
    'slaItemsFromEvents: clocks stop after they start, and pauses lie inside them',
    ({ events }) => {
      const items = slaItemsFromEvents(events, {
        start: ['mql'],
        stop: ['accepted', 'rejected'],
        pause: ['wait'],
        resume: ['reply'],
      });
      for (const item of items) {
        const start = item.start.getTime();
        const end = item.stop?.getTime() ?? Number.POSITIVE_INFINITY;
        expect(end).toBeGreaterThanOrEqual(start);
        for (const p of item.pauses) {
          expect(new Date(p.from as Date).getTime()).toBeGreaterThanOrEqual(start);
          if (p.to !== undefined) expect(new Date(p.to as Date).getTime()).toBeLessThanOrEqual(end);
        }
      }
      // every clock but possibly the last of each lead is stopped
      const open = items.filter((i) => i.stop === undefined).map((i) => i.id);
      expect(new Set(open).size).toBe(open.length);
    },
  );
});
