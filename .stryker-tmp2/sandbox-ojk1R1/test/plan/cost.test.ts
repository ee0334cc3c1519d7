// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { costPer } from '../../src/plan/costPer';
import { laggedCostPer } from '../../src/plan/laggedCostPer';
import { laggedWindow } from '../../src/plan/laggedWindow';
import { marketingSourcedShare } from '../../src/plan/marketingSourcedShare';
import { deepFreeze, expectLeadMathError } from '../_helpers';

const iso = (d: Date) => d.toISOString();

describe('costPer', () => {
  it('divides spend by count, null for no leads', () => {
    expect(costPer(120_000, 800)).toBe(150);
    expect(costPer(0, 10)).toBe(0);
    expect(costPer(5_000, 0)).toBeNull();
  });

  it('throws for negative spend or a fractional count', () => {
    expectLeadMathError(() => costPer(-1, 10), 'INVALID_NUMBER', 'spend');
    expectLeadMathError(() => costPer(10, 2.5), 'INVALID_COUNT', 'count');
  });
});

// Expected instants computed independently with Python's zoneinfo
// (wall-clock date minus n days, fold=0 for gaps and repeated hours).
describe('laggedWindow', () => {
  it('moves Q1 back 30 days: 2 December to 2 March', () => {
    const w = laggedWindow({ start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' }, 30);
    expect(iso(w.start)).toBe('2025-12-02T00:00:00.000Z');
    expect(iso(w.end)).toBe('2026-03-02T00:00:00.000Z');
  });

  it('counts calendar days in the zone across the New York spring change', () => {
    const w = laggedWindow(
      { start: '2026-01-01T00:00:00-05:00', end: '2026-04-01T00:00:00-04:00' },
      30,
      { timeZone: 'America/New_York' },
    );
    expect(iso(w.start)).toBe('2025-12-02T05:00:00.000Z');
    // midnight stays midnight: 00:00 EST, not 30 × 24 h before (which is 01:00 EST)
    expect(iso(w.end)).toBe('2026-03-02T05:00:00.000Z');
  });

  it('moves a wall time that falls in a skipped hour forward by the gap', () => {
    const w = laggedWindow(
      { start: '2026-03-09T02:30:00-04:00', end: '2026-03-10T00:00:00-04:00' },
      1,
      { timeZone: 'America/New_York' },
    );
    // 2026-03-08 02:30 does not exist in New York; it resolves to 03:30 EDT
    expect(iso(w.start)).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the earlier offset for a repeated hour, and handles Sydney and Kolkata', () => {
    const ny = laggedWindow(
      { start: '2026-11-02T01:30:00-05:00', end: '2026-11-03T00:00:00-05:00' },
      1,
      { timeZone: 'America/New_York' },
    );
    expect(iso(ny.start)).toBe('2026-11-01T05:30:00.000Z');
    const sydney = laggedWindow(
      { start: '2026-04-01T00:00:00+11:00', end: '2026-04-10T00:00:00+10:00' },
      10,
      { timeZone: 'Australia/Sydney' },
    );
    expect(iso(sydney.end)).toBe('2026-03-30T13:00:00.000Z');
    const kolkata = laggedWindow(
      { start: '2026-01-01T00:00:00+05:30', end: '2026-04-01T00:00:00+05:30' },
      30,
      { timeZone: 'Asia/Kolkata' },
    );
    expect(iso(kolkata.end)).toBe('2026-03-01T18:30:00.000Z');
  });

  it('accepts Dates and epoch milliseconds', () => {
    const w = laggedWindow(
      { start: new Date(Date.UTC(2026, 0, 31)), end: Date.UTC(2026, 1, 1) },
      0,
    );
    expect(iso(w.start)).toBe('2026-01-31T00:00:00.000Z');
    expect(iso(w.end)).toBe('2026-02-01T00:00:00.000Z');
  });

  describe('bad input', () => {
    const window = { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' };

    it('throws INVALID_DATE for a string without offset or an invalid Date', () => {
      expectLeadMathError(
        () => laggedWindow({ start: '2026-01-01T00:00:00', end: window.end }, 30),
        'INVALID_DATE',
        'window.start',
      );
      expectLeadMathError(
        () => laggedWindow({ start: window.start, end: new Date(Number.NaN) }, 30),
        'INVALID_DATE',
        'window.end',
      );
      expectLeadMathError(
        () => laggedWindow({ start: '2026-01-01', end: window.end }, 30),
        'INVALID_DATE',
        'window.start',
      );
    });

    it('throws INVALID_ARGUMENT for a window that ends before it starts', () => {
      expectLeadMathError(
        () => laggedWindow({ start: window.end, end: window.start }, 30),
        'INVALID_ARGUMENT',
        'window.end',
      );
    });

    it('throws INVALID_DURATION for a negative or fractional lag', () => {
      expectLeadMathError(() => laggedWindow(window, -1), 'INVALID_DURATION', 'lagDays');
      expectLeadMathError(() => laggedWindow(window, 1.5), 'INVALID_DURATION', 'lagDays');
    });

    it('throws INVALID_TIME_ZONE for an unknown zone', () => {
      expectLeadMathError(
        () => laggedWindow(window, 30, { timeZone: 'Mars/Olympus' }),
        'INVALID_TIME_ZONE',
        'options.timeZone',
      );
    });
  });
});

describe('laggedCostPer', () => {
  const window = { start: '2026-01-01T00:00:00Z', end: '2026-04-01T00:00:00Z' };

  it('charges the spend of the lagged window, half-open', () => {
    const result = laggedCostPer({
      spend: [
        { at: '2025-12-01T23:59:59Z', amount: 1 }, // just before the lagged start
        { at: '2025-12-02T00:00:00Z', amount: 40_000 }, // at the lagged start: in
        { at: '2026-02-15T00:00:00Z', amount: 50_000 },
        { at: '2026-03-02T00:00:00Z', amount: 60_000 }, // at the lagged end: out
      ],
      count: 600,
      window,
      lagDays: 30,
    });
    expect(result.spend).toBe(90_000);
    expect(result.costPer).toBe(150);
    expect(iso(result.window.start)).toBe('2025-12-02T00:00:00.000Z');
  });

  it('sums many small amounts exactly (compensated summation)', () => {
    const spend = Array.from({ length: 100_000 }, (_, i) => ({
      at: Date.UTC(2025, 11, 10) + i,
      amount: 0.1,
    }));
    // naive left-to-right addition gives 10000.000000018848
    expect(laggedCostPer({ spend, count: 1, window, lagDays: 30 }).spend).toBe(10_000);
  });

  it('returns a null cost for no leads, and does not mutate its input', () => {
    const input = deepFreeze({
      spend: [{ at: '2026-01-15T00:00:00Z', amount: 10 }],
      count: 0,
      window,
      lagDays: 0,
    });
    expect(laggedCostPer(input).costPer).toBeNull();
  });

  it('throws naming the bad spend entry', () => {
    expectLeadMathError(
      () =>
        laggedCostPer({
          spend: [
            { at: '2026-01-15T00:00:00Z', amount: 10 },
            { at: '2026-01-16T00:00:00Z', amount: -5 },
          ],
          count: 1,
          window,
          lagDays: 0,
        }),
      'INVALID_NUMBER',
      'spend[1].amount',
    );
    expectLeadMathError(
      () =>
        laggedCostPer({ spend: [{ at: 'yesterday', amount: 1 }], count: 1, window, lagDays: 0 }),
      'INVALID_DATE',
      'spend[0].at',
    );
    expectLeadMathError(
      () => laggedCostPer({ spend: [], count: 1, window, lagDays: 0, timeZone: 'Nowhere/Land' }),
      'INVALID_TIME_ZONE',
      'timeZone',
    );
  });
});

describe('marketingSourcedShare', () => {
  it('places the share against the band for the sales model', () => {
    const field = marketingSourcedShare({
      marketingSourced: 45,
      customers: 150,
      salesModel: 'field',
    });
    expect(field.share).toBe(0.3);
    expect(field.benchmark).toEqual({ low: 0.2, high: 0.4 });
    expect(field.position).toBe('within');
    const inside = marketingSourcedShare({
      marketingSourced: 45,
      customers: 150,
      salesModel: 'inside',
    });
    expect(inside.benchmark).toEqual({ low: 0.4, high: 0.8 });
    expect(inside.position).toBe('below');
    expect(
      marketingSourcedShare({ marketingSourced: 90, customers: 100, salesModel: 'inside' })
        .position,
    ).toBe('above');
  });

  it('treats the band bounds as inside it', () => {
    expect(
      marketingSourcedShare({ marketingSourced: 2, customers: 10, salesModel: 'field' }).position,
    ).toBe('within');
    expect(
      marketingSourcedShare({ marketingSourced: 4, customers: 10, salesModel: 'field' }).position,
    ).toBe('within');
  });

  it('attaches a 95 % Wilson interval (textbook formula in Python: 45 / 150)', () => {
    const { interval } = marketingSourcedShare({
      marketingSourced: 45,
      customers: 150,
      salesModel: 'field',
    });
    expect(interval.low).toBeCloseTo(0.2324082937873166, 12);
    expect(interval.high).toBeCloseTo(0.37757980395991403, 12);
  });

  it('has no share or position without customers', () => {
    const result = marketingSourcedShare({
      marketingSourced: 0,
      customers: 0,
      salesModel: 'field',
    });
    expect(result.share).toBeNull();
    expect(result.position).toBeNull();
    expect(result.interval).toEqual({ low: 0, high: 1 });
  });

  it('throws for inconsistent counts or an unknown sales model', () => {
    expectLeadMathError(
      () => marketingSourcedShare({ marketingSourced: 5, customers: 4, salesModel: 'field' }),
      'INCONSISTENT_COUNTS',
      'marketingSourced',
    );
    expectLeadMathError(
      () =>
        marketingSourcedShare({ marketingSourced: 1, customers: 4, salesModel: 'hybrid' as never }),
      'INVALID_ARGUMENT',
      'salesModel',
    );
  });
});

describe('laggedWindow edges', () => {
  it('keeps an empty window, and refuses a lag that moves only its start before 1900', () => {
    const at = '2026-01-01T00:00:00Z';
    const empty = laggedWindow({ start: at, end: at }, 1);
    expect(empty.start.toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(empty.end.toISOString()).toBe('2025-12-31T00:00:00.000Z');
    // 1900-01-05 − 10 days is in 1899; 2026-01-01 − 10 days is not.
    expectLeadMathError(
      () => laggedWindow({ start: '1900-01-05T00:00:00Z', end: at }, 10),
      'INVALID_DURATION',
      'lagDays',
    );
  });
});
