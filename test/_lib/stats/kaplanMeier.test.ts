import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierAt } from '../../../src/_lib/stats/kaplanMeier';

/*
 * Expected values from scipy 1.17.1:
 *
 *   import numpy as np; from scipy import stats
 *   t = np.array(times, float); e = np.array(events, bool)
 *   res = stats.ecdf(stats.CensoredData(uncensored=t[e], right=t[~e]))
 *   ci = res.cdf.confidence_interval(0.95, method='log-log')
 *   [res.cdf.evaluate(h) for h in hs], [ci.low.evaluate(h) ...], [ci.high.evaluate(h) ...]
 *
 * with hs = [1, 2, 2.5, 5, 6, 8, 9, 20].
 */
const cases = {
  small: {
    times: [1, 2, 2, 3, 4, 5, 5, 6, 8, 9],
    events: [1, 1, 0, 1, 0, 1, 1, 0, 1, 0],
    cdf: [
      0.09999999999999998, 0.20000000000000007, 0.20000000000000007, 0.5885714285714286,
      0.5885714285714286, 0.7942857142857143, 0.7942857142857143, 0.7942857142857143,
    ],
    low: [
      0.014718606632656894, 0.05412735416108827, 0.05412735416108827, 0.29268734805669705,
      0.29268734805669705, 0.43338802986822333, 0.43338802986822333, 0.43338802986822333,
    ],
    high: [
      0.5269907286379498, 0.5913092183665958, 0.5913092183665958, 0.8974889296859446,
      0.8974889296859446, 0.9877410370133501, 0.9877410370133501, 0.9877410370133501,
    ],
  },
  // Ties of events and censorings at 3, 5 and 10; nothing happens before 3.
  ties: {
    times: [3, 3, 3, 5, 5, 7, 10, 10, 12],
    events: [1, 0, 1, 1, 0, 0, 1, 1, 0],
    cdf: [
      0, 0, 0, 0.35185185185185186, 0.35185185185185186, 0.35185185185185186, 0.35185185185185186,
      0.7839506172839507,
    ],
    low: [
      null,
      null,
      null,
      0.12793237220200981,
      0.12793237220200981,
      0.12793237220200981,
      0.12793237220200981,
      0.4013061057968582,
    ],
    high: [
      null,
      null,
      null,
      0.7468254056140042,
      0.7468254056140042,
      0.7468254056140042,
      0.7468254056140042,
      0.9897095122479121,
    ],
  },
};
const hs = [1, 2, 2.5, 5, 6, 8, 9, 20];

describe('Kaplan–Meier', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`matches scipy.stats.ecdf on censored data (${name})`, () => {
      const curve = kaplanMeier(
        Float64Array.from(c.times),
        Uint8Array.from(c.events),
        c.times.length,
      );
      hs.forEach((h, k) => {
        const point = kaplanMeierAt(curve, h, 0.95);
        expect(point.share).toBeCloseTo(c.cdf[k]!, 12);
        if (c.low[k] === null) expect(point.low).toBeNull();
        else expect(point.low).toBeCloseTo(c.low[k]!, 10);
        if (c.high[k] === null) expect(point.high).toBeNull();
        else expect(point.high).toBeCloseTo(c.high[k]!, 10);
      });
    });
  }

  it('does not depend on the order of the observations', () => {
    const { times, events } = cases.ties;
    const order = [8, 3, 0, 6, 1, 5, 2, 7, 4]; // a shuffle
    const shuffled = kaplanMeier(
      Float64Array.from(order, (i) => times[i]!),
      Uint8Array.from(order, (i) => events[i]!),
      order.length,
    );
    const sorted = kaplanMeier(Float64Array.from(times), Uint8Array.from(events), times.length);
    for (const h of hs)
      expect(kaplanMeierAt(shuffled, h, 0.95)).toEqual(kaplanMeierAt(sorted, h, 0.95));
    // A censoring listed before an event at the same time still counts as at risk there.
    const tie = kaplanMeier(Float64Array.of(2, 2, 4), Uint8Array.of(0, 1, 1), 3);
    // At 2: 3 at risk, 1 event: S = 1 − 1/3. At 4: 1 at risk, 1 event: S = 0.
    expect(Array.from(tie.survival)).toEqual([1 - 1 / 3, 0]);
  });

  it('by hand: events before censorings at equal times, and who is at risk', () => {
    // Times 2 (event), 2 (censored), 4 (event), 6 (censored). At 2: 4 at risk,
    // 1 event: S = 3/4. At 4: 2 at risk (4 and 6), 1 event: S = 3/4 · 1/2 = 3/8.
    const curve = kaplanMeier(Float64Array.of(2, 2, 4, 6), Uint8Array.of(1, 0, 1, 0), 4);
    expect(Array.from(curve.times)).toEqual([2, 4]);
    expect(Array.from(curve.survival)).toEqual([0.75, 0.375]);
    expect(kaplanMeierAt(curve, 1, 0.95)).toEqual({ share: 0, low: null, high: null, atRisk: 4 });
    expect(kaplanMeierAt(curve, 2, 0.95).atRisk).toBe(4);
    expect(kaplanMeierAt(curve, 3, 0.95).atRisk).toBe(2);
    expect(kaplanMeierAt(curve, 4, 0.95).share).toBe(1 - 0.375);
    expect(kaplanMeierAt(curve, 7, 0.95).atRisk).toBe(0);
  });

  it('leaves the interval undefined once every subject at risk has had the event', () => {
    const curve = kaplanMeier(Float64Array.of(1, 2), Uint8Array.of(1, 1), 2);
    const point = kaplanMeierAt(curve, 5, 0.95);
    expect(point.share).toBe(1);
    expect(point.low).toBeNull();
    expect(point.high).toBeNull();
    expect(kaplanMeierAt(kaplanMeier(new Float64Array(0), new Uint8Array(0), 0), 5, 0.95)).toEqual({
      share: 0,
      low: null,
      high: null,
      atRisk: 0,
    });
  });
});
