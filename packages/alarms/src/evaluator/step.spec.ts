import { describe, expect, it } from 'vitest';
import { every, flag, run, testRule, value } from '../../test/step-test-kit.js';
import { initialRuleState } from './rule-state.js';
import { step } from './step.js';

const imbalance = testRule({ thresholds: { direction: 'above', warning: 30, critical: 50 }, hysteresis: 5 });

describe('step: fire and clear delays', () => {
  it('fires only once the condition has held for the fire delay', () => {
    const sut = run(
      testRule({ fireDelayS: 30 }),
      every(10, 0, 50, () => flag(true)),
    );
    expect(sut.trace).toEqual(['fired@30']);
    expect(sut.state).toMatchObject({ phase: 'active', count: 1, firedAt: 30_000 });
  });

  it('drops a pending condition that goes before the fire delay, without an event', () => {
    const sut = run(testRule({ fireDelayS: 30 }), [
      [0, flag(true)],
      [20, flag(false)],
      [30, flag(true)],
      [50, flag(true)],
    ]);
    expect(sut.trace).toEqual([]);
    expect(sut.state.phase).toBe('pending');
    expect(run(testRule({ fireDelayS: 30 }), [[60, flag(true)]], undefined, sut.state).trace).toEqual([
      'fired@60',
    ]);
  });

  it('clears only after the clear delay of continuous absence; a return before it is a repeat', () => {
    const sut = run(testRule({ clearDelayS: 60 }), [
      [0, flag(true)],
      [10, flag(false)],
      [40, flag(false)],
      [50, flag(true)],
      [60, flag(false)],
      [110, flag(false)],
      [120, flag(false)],
    ]);
    expect(sut.trace).toEqual(['fired@0', 'repeated@50', 'cleared@120']);
    expect(sut.events.at(-1)).toMatchObject({
      count: 2,
      activeMs: 120_000,
      reason: 'condition',
      notify: true,
    });
    expect(sut.events[1]).toMatchObject({ count: 2, notify: false });
  });

  it('fires and clears in the same step with zero delays', () => {
    expect(
      run(testRule(), [
        [0, flag(true)],
        [5, flag(false)],
      ]).trace,
    ).toEqual(['fired@0', 'cleared@5']);
  });
});

describe('step: thresholds and hysteresis', () => {
  it('holds a level until the value retreats past the threshold by the band (above)', () => {
    // warning > 30, critical > 50, band 5: warning holds down to 25 exclusive, critical to 45.
    const sut = run(imbalance, [
      [0, value(31)],
      [1, value(28)],
      [2, value(52)],
      [3, value(47)],
      [4, value(44)],
      [5, value(26)],
      [6, value(25)],
    ]);
    expect(sut.trace).toEqual(['fired@0', 'severity-changed@2', 'severity-changed@4', 'cleared@6']);
    expect(sut.events[1]).toMatchObject({ from: 'warning', to: 'critical', value: 52, notify: true });
    expect(sut.events[2]).toMatchObject({ from: 'critical', to: 'warning', value: 44, notify: false });
  });

  it('does not fire inside the band from below', () => {
    expect(
      run(imbalance, [
        [0, value(30)],
        [1, value(29)],
      ]).trace,
    ).toEqual([]);
  });

  it('works downwards for a below rule (SOH)', () => {
    const soh = testRule({ thresholds: { direction: 'below', warning: 80, critical: 70 }, hysteresis: 1 });
    const sut = run(soh, [
      [0, value(79)],
      [1, value(80.5)],
      [2, value(81)],
      [3, value(69)],
    ]);
    expect(sut.trace).toEqual(['fired@0', 'cleared@2', 'fired@3']);
    expect(sut.events[2]).toMatchObject({ severity: 'critical' });
  });
});

describe('step: flapping', () => {
  const rule = testRule({ clearDelayS: 60, flapping: { windowS: 600, maxTransitions: 6 } });
  // A fault toggling on every 10 s poll for 10 minutes, then gone.
  const toggling = [
    ...every(10, 0, 600, (t) => flag(t % 20 === 0)),
    ...every(10, 600, 1200, () => flag(false)),
  ];

  it('gives ONE alarm with a count, held notifications, and clears once it settles', () => {
    const sut = run(rule, toggling);
    const types = sut.events.map((e) => e.type);
    expect(types.filter((t) => t === 'fired')).toHaveLength(1);
    expect(types.filter((t) => t === 'cleared')).toHaveLength(1);
    expect(types.filter((t) => t === 'repeated')).toHaveLength(29);
    // transitions at 10 … 70 s: the seventh (70 s) exceeds 6 in the window
    expect(sut.trace).toContain('flapping-started@70');
    // last change at 590 s; a full window later nothing changed: flapping ends, clear delay long past
    expect(sut.trace.slice(-2)).toEqual(['flapping-ended@1190', 'cleared@1190']);
    expect(sut.events.at(-1)).toMatchObject({ count: 30 });
    expect(sut.events.filter((e) => e.notify).map((e) => e.type)).toEqual([
      'fired',
      'flapping-started',
      'flapping-ended',
      'cleared',
    ]);
  });

  it('caps the storm even with no clear delay', () => {
    const sut = run(testRule({ flapping: { windowS: 600, maxTransitions: 6 } }), toggling);
    expect(sut.events.filter((e) => e.type === 'fired')).toHaveLength(4);
    expect(sut.events.filter((e) => e.type === 'cleared')).toHaveLength(4);
    expect(sut.state.phase).toBe('inactive');
  });

  it('fires a flapping condition that never holds for the fire delay, once, with its count', () => {
    const sut = run(
      testRule({ fireDelayS: 60 }),
      every(10, 0, 600, (t) => flag(t % 20 === 0)),
    );
    expect(sut.events.filter((e) => e.type === 'fired')).toEqual([
      { type: 'fired', at: 70_000, severity: 'major', count: 4, flapping: true, notify: true },
    ]);
    expect(sut.events.find((e) => e.type === 'flapping-started')).toMatchObject({ notify: false });
    expect(sut.state).toMatchObject({ phase: 'active', flapping: true, count: 30 });
  });
});

describe('step: suppression', () => {
  it('records everything in a maintenance window but notifies nothing', () => {
    const sut = run(
      testRule(),
      [
        [0, flag(true)],
        [10, flag(false)],
      ],
      () => ({ maintenance: true }),
    );
    expect(sut.trace).toEqual(['fired@0', 'cleared@10']);
    expect(sut.events.every((e) => !e.notify)).toBe(true);
    expect(step(initialRuleState(), flag(true), 0, testRule(), { maintenance: true }).suppressedBy).toBe(
      'maintenance',
    );
  });

  it('notifies again once a snooze has expired', () => {
    const sut = run(
      testRule(),
      [
        [50, flag(true)],
        [150, flag(false)],
      ],
      () => ({ snoozedUntil: 100_000 }),
    );
    expect(sut.events.map((e) => [e.type, e.notify])).toEqual([
      ['fired', false],
      ['cleared', true],
    ]);
  });
});

describe('step: rule changes and bad input', () => {
  it('ends an active alarm when its rule is disabled, and applies a changed threshold on the next step', () => {
    const on = run(imbalance, [[0, value(40)]]);
    const disabled = step(on.state, value(40), 10_000, { ...imbalance, enabled: false });
    expect(disabled.events).toEqual([
      { type: 'cleared', at: 10_000, activeMs: 10_000, count: 1, reason: 'rule-disabled', notify: true },
    ]);
    const stricter = { ...imbalance, thresholds: { direction: 'above' as const, warning: 20 } };
    expect(step(initialRuleState(), value(25), 0, imbalance).events).toEqual([]);
    expect(step(initialRuleState(), value(25), 0, stricter).events.map((e) => e.type)).toEqual(['fired']);
  });

  it('takes no step for an unknown, out-of-order, non-finite or unjudgeable observation, and names why', () => {
    const on = run(imbalance, [[100, value(40)]]).state;
    expect(step(on, value(null), 110_000, imbalance)).toMatchObject({ events: [], skipped: 'unknown' });
    expect(step(on, value(0), 90_000, imbalance)).toEqual({ state: on, events: [], skipped: 'out-of-order' });
    expect(step(on, value(Number.NaN), 110_000, imbalance)).toEqual({
      state: on,
      events: [],
      skipped: 'bad-value',
    });
    expect(step(on, value(1), 110_000, testRule())).toEqual({ state: on, events: [], skipped: 'bad-value' });
    expect(step(on, value(1), Number.NaN, imbalance)).toEqual({ state: on, events: [], skipped: 'bad-time' });
  });

  it('treats a gap in observations as no evidence: the delay counts from when the condition began', () => {
    const sut = run(testRule({ fireDelayS: 60 }), [
      [0, flag(true)],
      [30, flag(null)],
      [60, flag(true)],
    ]);
    expect(sut.trace).toEqual(['fired@60']);
  });
});
