// Helpers for the evaluator specs: a rule with explicit fields, and a fold of observations
// (times in seconds) through `step`, collecting every event.

import {
  initialRuleState,
  type RuleEvent,
  type RuleState,
  type Suppression,
} from '../src/evaluator/rule-state.js';
import type { Observation } from '../src/evaluator/sense.js';
import { step } from '../src/evaluator/step.js';
import type { Rule } from '../src/rules/rule.schema.js';

export function testRule(overrides: Partial<Rule> = {}): Rule {
  return {
    enabled: true,
    hysteresis: 0,
    fireDelayS: 0,
    clearDelayS: 0,
    flapping: { windowS: 600, maxTransitions: 6 },
    ...overrides,
  };
}

export const flag = (present: boolean | null): Observation => ({ kind: 'flag', present, severity: 'major' });
export const value = (v: number | null): Observation => ({ kind: 'value', value: v });

export interface Run {
  state: RuleState;
  events: RuleEvent[];
  /** `type@seconds` per event, for compact hand-computed expectations. */
  trace: string[];
}

export function run(
  rule: Rule,
  observations: readonly (readonly [number, Observation])[],
  suppression: (tS: number) => Suppression = () => ({}),
  state: RuleState = initialRuleState(),
): Run {
  const events: RuleEvent[] = [];
  let current = state;
  for (const [tS, observation] of observations) {
    const result = step(current, observation, tS * 1000, rule, suppression(tS));
    current = result.state;
    events.push(...result.events);
  }
  const trace = events.map((e) => `${e.type}@${e.at / 1000}`);
  return { state: current, events, trace };
}

/** Observations every `everyS` seconds from `fromS` (inclusive) to `toS` (exclusive). */
export function every(
  everyS: number,
  fromS: number,
  toS: number,
  observe: (tS: number) => Observation,
): [number, Observation][] {
  const out: [number, Observation][] = [];
  for (let t = fromS; t < toS; t += everyS) {
    out.push([t, observe(t)]);
  }
  return out;
}
