// @ts-nocheck
import { describe, expectTypeOf, it } from 'vitest';
import { funnelEfficiency } from '../../src/funnel/funnelEfficiency';
import { stageEfficiency } from '../../src/funnel/stageEfficiency';

describe('funnel types', () => {
  it('types the rate as nullable and the interval method as a literal', () => {
    const result = stageEfficiency(10, 2);
    expectTypeOf(result.rate).toEqualTypeOf<number | null>();
    expectTypeOf(result.interval.method).toEqualTypeOf<'wilson'>();
  });

  it('accepts readonly input and rejects unknown options', () => {
    const counts = [
      { stage: 'mql', count: 10 },
      { stage: 'sql', count: 2 },
    ] as const;
    expectTypeOf(funnelEfficiency(counts).overall.from).toEqualTypeOf<string>();
    // : not an option
    stageEfficiency(10, 2, { confidenceLevel: 0.9 });
  });
});
