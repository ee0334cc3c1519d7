/**
 * Every function that takes rows of data accepts `onInvalid`: `'throw'`
 * (the default) names the first bad row; `'collect'` leaves bad rows out of
 * every figure and returns them as issues with their row and field. Each
 * case checks the figures by hand against the good rows alone.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateModel,
  type SlaItem,
  scoreLeadsColumns,
  slaItemsFromEvents,
  slaReport,
  speedToLead,
  validateModel,
} from '../src/index';
import { expectLeadMathError } from './_helpers';

const H = 3_600_000;
const T = Date.UTC(2026, 2, 2, 9);

describe('slaReport', () => {
  const items: readonly SlaItem[] = [
    { owner: 'ana', start: T, stop: T + H, outcome: 'accepted' },
    { owner: 'ana', start: 'yesterday' },
    { owner: 'ben', start: T, stop: T + 3 * H },
    { owner: { name: 'cy' }, start: T },
    { owner: 'ben', start: T, stop: T - H },
  ] as never;
  const policy = { target: { hours: 2 }, asOf: T + 10 * H };

  it('throws on the first bad item by default, naming it', () => {
    expectLeadMathError(() => slaReport(items, policy), 'INVALID_DATE', 'items[1].start');
  });

  it('collects bad items and reports the good ones alone', () => {
    const report = slaReport(items, { ...policy, onInvalid: 'collect' });
    expect(report.issues!.map((i) => [i.row, i.code, i.field])).toEqual([
      [1, 'INVALID_DATE', 'start'],
      [3, 'INVALID_ARGUMENT', 'owner'],
      [4, 'INVALID_ARGUMENT', 'stop'],
    ]);
    // Good: ana met in 1 h, ben breached in 3 h.
    expect(report.total).toBe(2);
    expect(report.counts).toEqual({ running: 0, 'at-risk': 0, met: 1, breached: 1 });
    expect(report.medianResponseMs).toBe(2 * H);
    expect(report.outcomes).toEqual({ accepted: 1 });
    expect(Object.keys(report.byOwner)).toEqual(['ana', 'ben']);
    expect(report.byOwner.ana!.total).toBe(1);
    expect(report.byOwner.ben!.total).toBe(1);
  });

  it('leaves out a bad first row and two bad rows in a row', () => {
    const list = [
      { start: 'soon' },
      { owner: 'ana', start: T, stop: T + H },
      { start: T, stop: 'later' },
      { start: T, pauses: 'none' },
      { owner: 'ben', start: T, stop: T + 5 * H },
    ] as never as SlaItem[];
    const report = slaReport(list, { ...policy, onInvalid: 'collect' });
    expect(report.issues!.map((i) => i.row)).toEqual([0, 2, 3]);
    // Good: ana met in 1 h, ben breached in 5 h; median of the two 3 h.
    expect(report.total).toBe(2);
    expect(report.counts).toEqual({ running: 0, 'at-risk': 0, met: 1, breached: 1 });
    expect(report.medianResponseMs).toBe(3 * H);
  });

  it('rejects an unknown onInvalid', () => {
    expectLeadMathError(
      () => slaReport(items, { ...policy, onInvalid: 'skip' as never }),
      'INVALID_ARGUMENT',
      'policy.onInvalid',
    );
  });
});

describe('speedToLead', () => {
  it('collects bad items, leaving them out of the total', () => {
    const items = [{ start: T, stop: T + 60_000 }, { start: T, stop: 'soon' }, { start: T }];
    expectLeadMathError(() => speedToLead(items), 'INVALID_DATE', 'items[1].stop');
    const result = speedToLead(items, { onInvalid: 'collect' });
    expect(result.total).toBe(2);
    expect(result.buckets.map((b) => b.count)).toEqual([1, 0, 0, 0, 1]);
    expect(result.withinHour).toBe(0.5);
    expect(result.issues!.map((i) => [i.row, i.field])).toEqual([[1, 'stop']]);
  });
});

describe('evaluateModel', () => {
  it('collects bad rows and evaluates the good ones', () => {
    const scored = [
      { score: 80, converted: true },
      { score: Number.NaN, converted: false },
      { score: 20, converted: false },
      { score: 70, converted: 'yes' },
    ];
    expectLeadMathError(
      () => evaluateModel(scored as never, { threshold: 50 }),
      'INVALID_NUMBER',
      'scored[1].score',
    );
    const result = evaluateModel(scored as never, { threshold: 50, onInvalid: 'collect' });
    expect(result.issues!.map((i) => [i.row, i.field])).toEqual([
      [1, 'score'],
      [3, 'converted'],
    ]);
    // Good rows: 80 converted, 20 not: perfect ranking, one sales-ready lead that converted.
    expect(result.auc).toBe(1);
    expect(result.salesReady.count).toBe(1);
    expect(result.belowThreshold.count).toBe(1);
    expect(result.precision).toBe(1);
  });
});

describe('slaItemsFromEvents', () => {
  it('collects bad events and builds clocks from the good ones', () => {
    const events = [
      { leadId: 'L1', type: 'mql', at: '2026-03-02T09:00:00Z' },
      { leadId: 'L1', type: 'accepted', at: '2026-03-02T09:00:00' },
      { leadId: 'L1', type: 'rejected', at: '2026-03-02T11:00:00Z' },
      { leadId: Number.NaN, type: 'mql', at: '2026-03-02T09:00:00Z' },
    ];
    const policy = { start: ['mql'], stop: ['accepted', 'rejected'] };
    expectLeadMathError(() => slaItemsFromEvents(events, policy), 'INVALID_DATE', 'events[1].at');
    const { items, issues } = slaItemsFromEvents(events, { ...policy, onInvalid: 'collect' });
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [1, 'at'],
      [3, 'leadId'],
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]!.outcome).toBe('rejected');
    expect(items[0]!.stop!.toISOString()).toBe('2026-03-02T11:00:00.000Z');
  });
});

describe('scoreLeadsColumns', () => {
  const model = validateModel({
    id: 'm',
    version: 1,
    threshold: 10,
    rules: [{ id: 'demo', kind: 'behavior', points: 10, when: { activity: 'demo' } }],
  });
  const leads = [{ id: 'a' }, { id: 'b' }];
  const columns = {
    leadIndex: Int32Array.of(0, 1, 5, 1, 0),
    type: Uint8Array.of(0, 0, 0, 3, 0),
    types: ['demo'],
    // Row 4: epoch microseconds, not milliseconds.
    at: Float64Array.of(T, T, T, T, T * 1000),
  };

  it('names the first bad cell, and range-checks instants', () => {
    expectLeadMathError(
      () => scoreLeadsColumns(model, leads, columns, { asOf: T + H }),
      'INVALID_ARGUMENT',
      'activities.leadIndex[2]',
    );
    expectLeadMathError(
      () =>
        scoreLeadsColumns(
          model,
          leads,
          { ...columns, leadIndex: Int32Array.of(0, 1, 1, 1, 0), type: new Uint8Array(5) },
          { asOf: T + H },
        ),
      'INVALID_DATE',
      'activities.at[4]',
    );
  });

  it('collects every bad row and scores the rest, without touching the input', () => {
    const before = Array.from(columns.leadIndex);
    const result = scoreLeadsColumns(model, leads, columns, { asOf: T + H, onInvalid: 'collect' });
    expect(result.issues!.map((i) => [i.row, i.code, i.field])).toEqual([
      [2, 'INVALID_ARGUMENT', 'leadIndex'],
      [3, 'INVALID_ARGUMENT', 'type'],
      [4, 'INVALID_DATE', 'at'],
    ]);
    // Good rows: one demo each for a (row 0) and b (row 1).
    expect(Array.from(result.score)).toEqual([10, 10]);
    expect(Array.from(columns.leadIndex)).toEqual(before);
  });

  it('names the first bad row of the input even when leads are not grouped', () => {
    const shuffled = {
      leadIndex: Int32Array.of(1, 0, 1, 0),
      type: new Uint8Array(4),
      types: ['demo'],
      // Rows 0 (lead b) and 3 (lead a) are bad; lead a is scored first.
      at: Float64Array.of(Number.NaN, T, T, T * 1000),
    };
    expectLeadMathError(
      () => scoreLeadsColumns(model, leads, shuffled, { asOf: T + H }),
      'INVALID_DATE',
      'activities.at[0]',
    );
  });

  it('rejects a negative type code in an Int32Array column, as read and when collecting', () => {
    const negative = {
      leadIndex: Int32Array.of(0, 1),
      type: Int32Array.of(0, -1),
      types: ['demo'],
      at: Float64Array.of(T, T),
    };
    expectLeadMathError(
      () => scoreLeadsColumns(model, leads, negative, { asOf: T + H }),
      'INVALID_ARGUMENT',
      'activities.type[1]',
    );
    const collected = scoreLeadsColumns(model, leads, negative, {
      asOf: T + H,
      onInvalid: 'collect',
    });
    expect(collected.issues!.map((i) => [i.row, i.field])).toEqual([[1, 'type']]);
    expect(Array.from(collected.score)).toEqual([10, 0]);
  });

  it('names a bad code of a second property column', () => {
    const withProps = {
      ...columns,
      leadIndex: Int32Array.of(0, 1, 1, 1, 0),
      type: new Uint8Array(5),
      at: new Float64Array(5).fill(T),
      properties: {
        a: { codes: new Uint8Array(5), values: ['x'] },
        b: { codes: Uint8Array.of(0, 0, 0, 2, 0), values: ['y', 'z'] },
      },
    };
    expectLeadMathError(
      () => scoreLeadsColumns(model, leads, withProps, { asOf: T + H }),
      'INVALID_ARGUMENT',
      'activities.properties.b.codes[3]',
    );
    const result = scoreLeadsColumns(model, leads, withProps, {
      asOf: T + H,
      onInvalid: 'collect',
    });
    expect(result.issues!.map((i) => [i.row, i.field])).toEqual([[3, 'b']]);
    // Good rows 0 and 4 for a, 1 and 2 for b.
    expect(Array.from(result.score)).toEqual([20, 20]);
  });
});
