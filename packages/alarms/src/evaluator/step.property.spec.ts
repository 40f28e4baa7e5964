import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flag, run, testRule } from '../../test/step-test-kit.js';
import type { RuleEvent } from './rule-state.js';

// Random poll sequences (gaps 1-120 s, present or not) against random delays and flapping limits.
const scenario = fc.record({
  fireDelayS: fc.integer({ min: 0, max: 300 }),
  clearDelayS: fc.integer({ min: 0, max: 300 }),
  windowS: fc.integer({ min: 60, max: 1200 }),
  maxTransitions: fc.integer({ min: 2, max: 10 }),
  polls: fc.array(fc.tuple(fc.integer({ min: 1, max: 120 }), fc.boolean()), { minLength: 1, maxLength: 120 }),
});

interface Scenario {
  fireDelayS: number;
  clearDelayS: number;
  windowS: number;
  maxTransitions: number;
  polls: [number, boolean][];
}

function simulate(s: Scenario) {
  const rule = testRule({
    fireDelayS: s.fireDelayS,
    clearDelayS: s.clearDelayS,
    flapping: { windowS: s.windowS, maxTransitions: s.maxTransitions },
  });
  let t = 0;
  const observations = s.polls.map(([dt, present]) => {
    t += dt;
    return [t, present] as const;
  });
  const result = run(
    rule,
    observations.map(([at, present]) => [at, flag(present)] as const),
  );
  return { rule, observations, ...result };
}

/** Start (s) of the run of equal observations that `atS` belongs to. */
function runStart(observations: readonly (readonly [number, boolean])[], atS: number): number {
  const index = observations.findIndex(([t]) => t === atS);
  const value = observations[index]![1];
  let start = index;
  while (start > 0 && observations[start - 1]![1] === value) {
    start--;
  }
  return observations[start]![0];
}

const lifecycle = (events: RuleEvent[]) => events.filter((e) => e.type === 'fired' || e.type === 'cleared');

describe('step properties', () => {
  it('never has two active alarms for one condition: fired and cleared alternate, repeats only while on', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { events, state } = simulate(s);
        let on = false;
        for (const e of events) {
          if (e.type === 'fired') {
            expect(on).toBe(false);
            on = true;
          } else if (e.type === 'cleared') {
            expect(on).toBe(true);
            on = false;
          } else if (e.type === 'repeated' || e.type === 'severity-changed') {
            expect(on).toBe(true);
          }
        }
        expect(on).toBe(state.phase === 'active' || state.phase === 'clearing');
      }),
      { numRuns: 500 },
    );
  });

  it('clears only after clearDelay of continuous absence', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { events, observations, rule } = simulate(s);
        for (const e of lifecycle(events).filter((x) => x.type === 'cleared')) {
          const atS = e.at / 1000;
          expect(observations.find(([t]) => t === atS)?.[1]).toBe(false);
          expect(atS - runStart(observations, atS)).toBeGreaterThanOrEqual(rule.clearDelayS);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('fires only after fireDelay of continuous presence, unless flapping fired it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { events, observations, rule } = simulate(s);
        for (const e of events) {
          if (e.type === 'fired' && !e.flapping) {
            const atS = e.at / 1000;
            expect(observations.find(([t]) => t === atS)?.[1]).toBe(true);
            expect(atS - runStart(observations, atS)).toBeGreaterThanOrEqual(rule.fireDelayS);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('sends no notification while flapping except the one that announces it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { events } = simulate(s);
        let flapping = false;
        for (const e of events) {
          if (e.type === 'flapping-started') {
            flapping = true;
          } else if (e.type === 'flapping-ended') {
            flapping = false;
          } else if (flapping) {
            expect(e.notify && e.type !== 'severity-changed').toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
