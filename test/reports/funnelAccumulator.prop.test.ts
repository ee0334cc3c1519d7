import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  createFunnelAccumulator,
  type FunnelAccumulator,
  type FunnelEvent,
  funnelAccumulatorFromJSON,
  funnelReport,
} from '../../src/index';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5);
const stages = ['lead', 'mql', 'sql', 'won'];

const event = fc.record({
  leadId: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom('1', '2', 'x')),
  stage: fc.constantFrom(...stages, 'nurture'),
  at: fc.integer({ min: 0, max: 12 }).map((h) => T0 + h * HOUR),
  source: fc.constantFrom('ads', 'email', null),
});
const options = fc.record({
  sequence: fc.constantFrom('lifecycle' as const, 'ordered' as const),
  mode: fc.constantFrom('cohort' as const, 'period' as const),
  asOf: fc.option(
    fc.integer({ min: 0, max: 14 }).map((h) => T0 + h * HOUR),
    { nil: undefined },
  ),
  from: fc.option(
    fc.integer({ min: 0, max: 8 }).map((h) => T0 + h * HOUR),
    { nil: undefined },
  ),
});

function optionsOf(o: {
  sequence: 'lifecycle' | 'ordered';
  mode: 'cohort' | 'period';
  asOf: number | undefined;
  from: number | undefined;
}) {
  return {
    stages,
    outcomes: ['nurture'],
    sequence: o.sequence,
    mode: o.mode,
    segmentBy: 'source',
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
    ...(o.from === undefined ? {} : { from: o.from }),
    ...(o.mode === 'cohort' ? { horizons: [2 * HOUR], window: 6 * HOUR, quantiles: [0.25] } : {}),
  };
}

describe('createFunnelAccumulator', () => {
  test.prop({
    events: fc.array(event, { maxLength: 30 }),
    o: options,
    // Which chunk each row goes to (a lead's rows may land in different chunks), and how
    // the chunks are combined: merged in a random order, each passing through JSON or not.
    chunkOf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 30, maxLength: 30 }),
    viaJson: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  })(
    'merged over any split of the rows equals one pass',
    ({ events, o, chunkOf, viaJson, order }) => {
      const opts = optionsOf(o);
      const want = funnelReport(events as FunnelEvent[], opts);
      const chunks: FunnelEvent[][] = [[], [], [], []];
      events.forEach((e, i) => {
        chunks[chunkOf[i]!]!.push(e as FunnelEvent);
      });
      const parts: FunnelAccumulator[] = chunks.map((chunk, k) => {
        const part = createFunnelAccumulator(opts).add(chunk);
        return viaJson[k] ? funnelAccumulatorFromJSON(JSON.parse(JSON.stringify(part))) : part;
      });
      const total = createFunnelAccumulator(opts);
      for (const k of order) total.merge(parts[k]!);
      expect(total.result()).toEqual(want);
      // Adding every chunk to one accumulator gives the same.
      const one = createFunnelAccumulator(opts);
      for (const chunk of chunks) one.add(chunk);
      expect(one.result()).toEqual(want);
    },
  );
});
