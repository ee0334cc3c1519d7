import { describe, expect, it } from 'vitest';
import { conversionCurve, type FunnelEvent } from '../../src/index';
import { expectLeadMathError } from '../_helpers';

const DAY = 86_400_000;
const T = Date.UTC(2026, 2, 2);

// Converted after 1, 3, 3 and 8 days; two open at asOf (T + 10 d), observed 10 and 4 days.
const log: FunnelEvent[] = [
  ...[1, 3, 3, 8].flatMap((lag, i) => [
    { leadId: i, stage: 'mql', at: T },
    { leadId: i, stage: 'sql', at: T + lag * DAY },
  ]),
  { leadId: 'open-1', stage: 'mql', at: T },
  { leadId: 'open-2', stage: 'mql', at: T + 6 * DAY },
];
const options = { stages: ['mql', 'sql'], from: 'mql', to: 'sql', asOf: T + 10 * DAY };

describe('conversionCurve', () => {
  it('steps at every conversion time, as scipy computes it', () => {
    const curve = conversionCurve(log, { ...options, confidence: 0.9 });
    expect(curve.leads).toBe(6);
    // scipy 1.17.1:
    //   r = ecdf(CensoredData(uncensored=[1, 3, 3, 8], right=[10, 4]))
    //   ci = r.cdf.confidence_interval(0.9, method='log-log'); evaluated at 1, 3, 8
    //   → cdf 0.16666666666666663, 0.5, 0.75
    //     low 0.03450598675620298, 0.23131999302697837, 0.4091310468799553
    //     high 0.6119521343653446, 0.8389851163588111, 0.9740742072460143
    const want = [
      [1, 1 / 6, 0.03450598675620298, 0.6119521343653446, 6],
      [3, 0.5, 0.23131999302697837, 0.8389851163588111, 5],
      [8, 0.75, 0.4091310468799553, 0.9740742072460143, 2],
    ];
    expect(curve.points.length).toBe(3);
    curve.points.forEach((p, k) => {
      const [days, rate, low, high, atRisk] = want[k]!;
      expect(p.atMs).toBe(days! * DAY);
      expect(p.rate).toBeCloseTo(rate!, 12);
      expect(p.low).toBeCloseTo(low!, 9);
      expect(p.high).toBeCloseTo(high!, 9);
      expect(p.atRisk).toBe(atRisk);
    });
  });

  it('evaluates at given points: nothing before the first conversion, the last value after the last', () => {
    const curve = conversionCurve(log, { ...options, points: [0, { hours: 12 }, { days: 20 }] });
    expect(curve.points.map((p) => [p.atMs, p.rate, p.low, p.high, p.atRisk])).toEqual([
      [0, 0, null, null, 6],
      [12 * 3_600_000, 0, null, null, 6],
      [20 * DAY, curve.points[2]!.rate, curve.points[2]!.low, curve.points[2]!.high, 0],
    ]);
    expect(curve.points[2]!.rate).toBeCloseTo(0.75, 12);
  });

  it('has no points and no leads for an empty log', () => {
    expect(conversionCurve([], options)).toEqual({ leads: 0, points: [] });
  });

  it('checks its options', () => {
    expectLeadMathError(
      () => conversionCurve(log, { ...options, from: 'sql', to: 'mql' }),
      'INVALID_ARGUMENT',
      'options.to',
    );
    expectLeadMathError(
      () => conversionCurve(log, { ...options, to: 'won' }),
      'UNKNOWN_STAGE',
      'options.to',
    );
    expectLeadMathError(
      () => conversionCurve(log, { ...options, points: [-1] }),
      'INVALID_DURATION',
      'options.points[0]',
    );
  });
});
