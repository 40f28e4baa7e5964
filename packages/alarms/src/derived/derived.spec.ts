import { describe, expect, it } from 'vitest';
import { initialRuleState } from '../evaluator/rule-state.js';
import { step } from '../evaluator/step.js';
import { DEFAULT_RULES } from '../rules/default-rules.js';
import { cellImbalance } from './cell-imbalance.js';
import { dataGap } from './data-gap.js';
import { sohLow } from './soh.js';
import { spoolBacklog } from './spool-backlog.js';
import { staleness } from './staleness.js';
import { temperatureRange } from './temperature-range.js';
import { weakCell } from './weak-cell.js';

describe('cellImbalance', () => {
  const params = { restCurrentDa: 20 };

  it('judges the spread at rest (|I| ≤ 2.0 A)', () => {
    expect(cellImbalance({ cellMaxMv: 3350, cellMinMv: 3310, packCurrentDa: -20 }, params)).toEqual({
      value: 40,
      spreadMv: 40,
      condition: 'rest',
    });
  });

  it('does not judge a load spread unless an allowance is set', () => {
    const input = { cellMaxMv: 3400, cellMinMv: 3330, packCurrentDa: 500 };
    expect(cellImbalance(input, params)).toMatchObject({ value: null, condition: 'load', spreadMv: 70 });
    expect(cellImbalance(input, { ...params, loadAllowanceMv: 30 })).toMatchObject({
      value: 40,
      condition: 'load',
    });
  });

  it('names unreadable cells and a missing current instead of judging them', () => {
    expect(cellImbalance({ cellMaxMv: 0xffff, cellMinMv: 3300, packCurrentDa: 0 }, params).reason).toMatch(
      /no plausible cell extremes/,
    );
    expect(cellImbalance({ cellMaxMv: 3300, cellMinMv: 3400, packCurrentDa: 0 }, params).value).toBeNull();
    expect(cellImbalance({ cellMaxMv: 3400, cellMinMv: 3300 }, params).reason).toBe(
      'no pack current: rest or load unknown',
    );
  });

  it('with the default rule: 40 mV at rest warns after the fire delay, 60 mV is critical', () => {
    const rule = DEFAULT_RULES.rules['derived.cell_imbalance']!;
    const at = (mv: number) => ({
      kind: 'value' as const,
      value: cellImbalance({ cellMaxMv: 3300 + mv, cellMinMv: 3300, packCurrentDa: 0 }, params).value,
    });
    const first = step(initialRuleState(), at(40), 0, rule);
    expect(first.events).toEqual([]);
    const fired = step(first.state, at(60), 600_000, rule);
    expect(fired.events).toEqual([
      {
        type: 'fired',
        at: 600_000,
        severity: 'critical',
        count: 1,
        flapping: false,
        value: 60,
        notify: true,
      },
    ]);
  });
});

describe('weakCell', () => {
  it('picks the cell falling fastest against its module', () => {
    const sut = weakCell([
      { module: 1, cell: 3, slopeMvPerWeek: -2 },
      { module: 4, cell: 9, slopeMvPerWeek: -7.5 },
      { module: 2, cell: 1, slopeMvPerWeek: null },
    ]);
    expect(sut).toEqual({ value: -7.5, module: 4, cell: 9 });
    expect(weakCell([{ module: 1, cell: 1, slopeMvPerWeek: null }]).value).toBeNull();
  });
});

describe('SOH', () => {
  it('reads SOH as a percentage, refusing anything else by name', () => {
    expect(sohLow(78)).toEqual({ value: 78 });
    expect(sohLow(255)).toEqual({ value: null, reason: 'SOH 255 is not a percentage' });
  });
});

describe('temperatureRange', () => {
  const range = { lowDc: 0, highDc: 500 };

  it('gives the excursion beyond the nearer edge, negative inside the range', () => {
    expect(temperatureRange({ cellTempMaxDc: 530, cellTempMinDc: 400 }, range)).toEqual({
      value: 30,
      side: 'high',
    });
    expect(temperatureRange({ cellTempMaxDc: 100, cellTempMinDc: -45 }, range)).toEqual({
      value: 45,
      side: 'low',
    });
    expect(temperatureRange({ cellTempMaxDc: 250, cellTempMinDc: 200 }, range)).toEqual({
      value: -200,
      side: 'low',
    });
    expect(temperatureRange({ cellTempMaxDc: 250 }, range).value).toBeNull();
  });

  it('with the default rule: holds the alarm until the cells are 2 °C back inside', () => {
    const rule = DEFAULT_RULES.rules['derived.temperature_range']!;
    const obs = (max: number) => ({
      kind: 'value' as const,
      value: temperatureRange({ cellTempMaxDc: max, cellTempMinDc: 200 }, range).value,
    });
    let s = step(initialRuleState(), obs(510), 0, rule).state;
    s = step(s, obs(510), 300_000, rule).state;
    expect(s.phase).toBe('active');
    s = step(s, obs(490), 400_000, rule).state; // 1 °C inside: within the 2 °C band, still on
    expect(s.phase).toBe('active');
    s = step(s, obs(470), 500_000, rule).state; // 3 °C inside: clearing starts
    expect(s.phase).toBe('clearing');
  });
});

describe('staleness', () => {
  it('counts silence in expected intervals', () => {
    expect(staleness({ lastSeenMs: 0, nowMs: 1_200_000, expectedIntervalMs: 300_000 })).toEqual({ value: 4 });
    expect(staleness({ lastSeenMs: null, nowMs: 1, expectedIntervalMs: 300_000 }).value).toBeNull();
    expect(staleness({ lastSeenMs: 0, nowMs: 1, expectedIntervalMs: 0 }).reason).toMatch(/not a positive/);
  });
});

describe('spoolBacklog', () => {
  const hour = 3_600_000;

  it('gives the growth per hour once the spool is deep enough', () => {
    const points = [0, 1, 2].map((h) => ({ atMs: h * hour, depth: 200 + 50 * h }));
    expect(spoolBacklog(points, { minDepth: 100, minPoints: 3 })).toEqual({
      value: 50,
      latestDepth: 300,
      rejected: 0,
    });
  });

  it('reads a shallow spool as 0 and needs enough heartbeats, counting bad ones', () => {
    const shallow = [0, 1, 2].map((h) => ({ atMs: h * hour, depth: 10 * h }));
    expect(spoolBacklog(shallow, { minDepth: 100, minPoints: 3 }).value).toBe(0);
    const few = [
      { atMs: 0, depth: 500 },
      { atMs: hour, depth: Number.NaN },
    ];
    expect(spoolBacklog(few, { minDepth: 100, minPoints: 3 })).toMatchObject({ value: null, rejected: 1 });
  });
});

describe('dataGap', () => {
  it('measures the longest hole within the look-back in intervals', () => {
    const sut = dataGap({
      sampleTimesMs: [0, 300_000, 600_000, 2_400_000, 2_700_000, -5_000_000],
      nowMs: 3_000_000,
      lookbackS: 3_000,
      expectedIntervalMs: 300_000,
    });
    expect(sut).toEqual({ value: 6, fromMs: 600_000, toMs: 2_400_000 });
  });

  it('does not judge fewer than two samples', () => {
    expect(dataGap({ sampleTimesMs: [1], nowMs: 10, lookbackS: 60, expectedIntervalMs: 5 }).value).toBeNull();
  });
});
