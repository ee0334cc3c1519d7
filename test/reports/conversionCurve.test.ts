import { describe, expect, it } from 'vitest';
import { conversionCurve, type FunnelEvent } from '../../src/index';
import { catchLeadMathError, expectLeadMathError } from '../_helpers';

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

  it('names every option it refuses, and the stage the curve must end after', () => {
    const message = (extra: Record<string, unknown>) =>
      catchLeadMathError(() => conversionCurve(log, { ...options, ...extra } as never)).message;
    expect(message({ from: 'sql', to: 'sql' })).toBe(
      'conversionCurve: options.to must be a stage after sql, got "sql"',
    );
    expect(message({ from: 'won' })).toBe(
      'conversionCurve: options.from must be one of mql, sql, got "won"',
    );
    const paths: [Record<string, unknown>, string][] = [
      [{ stages: ['mql'] }, 'options.stages'],
      [{ from: '' }, 'options.from'],
      [{ sequence: 'strict' }, 'options.sequence'],
      [{ asOf: '2026-03-12T00:00' }, 'options.asOf'],
      [{ points: 5 }, 'options.points'],
      [{ confidence: 1 }, 'options.confidence'],
      [{ onInvalid: 'skip' }, 'options.onInvalid'],
      [{ window: { days: 1 } }, 'options.window'],
    ];
    for (const [extra, path] of paths) {
      const error = catchLeadMathError(() =>
        conversionCurve(log, { ...options, ...extra } as never),
      );
      expect(error.details.path).toBe(path);
      expect(error.message.startsWith(`conversionCurve: ${path} must be `)).toBe(true);
    }
  });

  it('follows the sequence rule: a skipped stage converts by lifecycle, not when ordered', () => {
    // Lead a: lead, then sql two days later (mql skipped). Lead b: lead, mql,
    // sql a day apart. Lead c: only sql (never entered `lead`): not a lead of
    // the curve either way.
    const events: FunnelEvent[] = [
      { leadId: 'a', stage: 'lead', at: T },
      { leadId: 'a', stage: 'sql', at: T + 2 * DAY },
      { leadId: 'b', stage: 'lead', at: T },
      { leadId: 'b', stage: 'mql', at: T + DAY },
      { leadId: 'b', stage: 'sql', at: T + 2 * DAY },
      { leadId: 'c', stage: 'sql', at: T + DAY },
    ];
    const base = { stages: ['lead', 'mql', 'sql'], asOf: T + 10 * DAY, points: [{ days: 5 }] };
    // From mql to sql: lifecycle, a entered mql with sql (T + 2d) and converted at once;
    // b after a day. Ordered: a never entered mql; b after a day; c not at all.
    const life = conversionCurve(events, { ...base, from: 'mql', to: 'sql' });
    expect([life.leads, life.points[0]!.rate]).toEqual([3, 1]);
    const ordered = conversionCurve(events, {
      ...base,
      from: 'mql',
      to: 'sql',
      sequence: 'ordered',
    });
    expect([ordered.leads, ordered.points[0]!.rate]).toEqual([1, 1]);
    // From lead to sql, ordered: a skipped mql, so it has not converted (censored at 10 d).
    const fromLead = conversionCurve(events, {
      ...base,
      from: 'lead',
      to: 'sql',
      sequence: 'ordered',
    });
    expect([fromLead.leads, fromLead.points[0]!.rate]).toEqual([2, 0.5]);
  });

  it('keeps every lead of a large log (its arrays grow)', () => {
    // 200 leads converting after 1 … 200 hours: all converted, the last step at 200 h.
    const events: FunnelEvent[] = Array.from({ length: 200 }, (_, i) => [
      { leadId: i, stage: 'mql', at: T },
      { leadId: i, stage: 'sql', at: T + (i + 1) * 3_600_000 },
    ]).flat();
    const curve = conversionCurve(events, { ...options, asOf: T + 30 * DAY });
    expect(curve.leads).toBe(200);
    expect(curve.points.length).toBe(200);
    expect(curve.points.at(-1)).toMatchObject({ atMs: 200 * 3_600_000, rate: 1, atRisk: 1 });
  });

  it('takes outcome statuses, which are not stages, and leaves them out', () => {
    const withOutcome = [...log, { leadId: 'open-1', stage: 'lost', at: T + 2 * DAY }];
    const curve = conversionCurve(withOutcome, { ...options, outcomes: ['lost'] });
    expect(curve).toEqual(conversionCurve(log, options));
  });

  it('lists bad rows with onInvalid: collect, and only then', () => {
    const bad = [...log, { leadId: 'x', stage: 'won', at: T }];
    const curve = conversionCurve(bad, { ...options, onInvalid: 'collect' });
    expect(curve.leads).toBe(6);
    expect(curve.issues?.map((i) => [i.row, i.code])).toEqual([[log.length, 'UNKNOWN_STAGE']]);
    expect('issues' in conversionCurve(log, options)).toBe(false);
  });
});
