import { describe, expect, it } from 'vitest';
import { AlarmsError } from '../alarms-error.js';
import { DEFAULT_RULES } from './default-rules.js';
import { effectiveRules, ruleFor } from './effective-rules.js';
import { parseRuleSet } from './parse-rule-set.js';
import { DERIVED_RULE_IDS } from './rule.schema.js';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AlarmsError);
    expect((e as AlarmsError).code).toBe('invalid-rule');
    return (e as AlarmsError).problems;
  }
  throw new Error('expected a refusal');
}

describe('default rules', () => {
  it('has a rule for every derived condition and every catalogue kind', () => {
    expect(Object.keys(DEFAULT_RULES.rules).sort()).toEqual(
      [...DERIVED_RULE_IDS, 'bits.alarm', 'bits.error', 'bits.protection', 'bits.status'].sort(),
    );
    expect(DEFAULT_RULES.rules['derived.cell_imbalance']?.thresholds).toEqual({
      direction: 'above',
      warning: 30,
      critical: 50,
    });
  });
});

describe('parseRuleSet', () => {
  it('refuses invalid rules with a message naming rule and field', () => {
    const problems = problemsOf(() =>
      parseRuleSet(
        {
          rules: {
            'derived.soh_low': {
              fireDelayS: -5,
              thresholds: { direction: 'below', warning: 70, critical: 80 },
            },
            'derived.nope': {},
            'hv.protection.cell_high_voltage': { clearDelayS: 1.5, colour: 'red' },
          },
        },
        'site',
      ),
    );
    expect(problems).toEqual([
      'site rule "derived.soh_low" field "fireDelayS": must be ≥ 0',
      'site rule "derived.nope": unknown rule id (a derived rule, bits.<kind> or a catalogue code)',
      'site rule "hv.protection.cell_high_voltage" field "clearDelayS": must be a whole number of seconds',
      'site rule "hv.protection.cell_high_voltage" field "colour": Unrecognized key: "colour"',
    ]);
  });

  it('refuses a default rule that misses fields, and thresholds in the wrong order', () => {
    const problems = problemsOf(() =>
      parseRuleSet(
        {
          rules: {
            'derived.soh_low': {
              enabled: true,
              hysteresis: 0,
              fireDelayS: 0,
              clearDelayS: 0,
              thresholds: { direction: 'below', warning: 70, critical: 80 },
            },
          },
        },
        'defaults',
      ),
    );
    expect(problems.join('\n')).toContain('defaults rule "derived.soh_low" field "flapping"');
    expect(problems.join('\n')).toContain(
      'defaults rule "derived.soh_low" field "thresholds.critical": critical must lie beyond warning',
    );
  });

  it('refuses something that is not a rule set at all', () => {
    expect(problemsOf(() => parseRuleSet([], 'tenant'))).toEqual([
      'tenant: expected an object { rules: { <rule id>: { … } } }',
    ]);
  });

  it('accepts an override of a catalogue code', () => {
    const parsed = parseRuleSet({ rules: { 'hv.alarm.cell_high_voltage': { fireDelayS: 5 } } }, 'tenant');
    expect(parsed.rules['hv.alarm.cell_high_voltage']).toEqual({ fireDelayS: 5 });
  });
});

describe('effectiveRules', () => {
  it('merges defaults < tenant < site field by field', () => {
    const tenant = parseRuleSet(
      {
        rules: {
          'derived.cell_imbalance': {
            thresholds: { warning: 25 },
            fireDelayS: 60,
            params: { restCurrentDa: 30 },
          },
        },
      },
      'tenant',
    );
    const site = parseRuleSet(
      { rules: { 'derived.cell_imbalance': { fireDelayS: 120, flapping: { maxTransitions: 4 } } } },
      'site',
    );
    const sut = effectiveRules(DEFAULT_RULES, tenant, site).rules['derived.cell_imbalance'];
    expect(sut).toEqual({
      enabled: true,
      thresholds: { direction: 'above', warning: 25, critical: 50 },
      hysteresis: 5,
      fireDelayS: 120,
      clearDelayS: 1800,
      flapping: { windowS: 600, maxTransitions: 4 },
      params: { restCurrentDa: 30 },
    });
    // the defaults are not changed by a merge
    expect(DEFAULT_RULES.rules['derived.cell_imbalance']?.fireDelayS).toBe(600);
  });

  it('gives a catalogue code its kind’s rule, and its own when a layer overrides it', () => {
    const tenant = parseRuleSet({ rules: { 'hv.alarm.cell_high_voltage': { fireDelayS: 5 } } }, 'tenant');
    const sut = effectiveRules(DEFAULT_RULES, tenant);
    expect(ruleFor(sut, 'hv.alarm.cell_high_voltage')?.fireDelayS).toBe(5);
    expect(ruleFor(sut, 'hv.alarm.cell_low_voltage')).toEqual(DEFAULT_RULES.rules['bits.alarm']);
    expect(ruleFor(sut, 'no.such.code')).toBeUndefined();
  });

  it('refuses layers that are valid alone but invalid together, naming the layer', () => {
    const site = parseRuleSet({ rules: { 'derived.soh_low': { thresholds: { critical: 85 } } } }, 'site');
    expect(problemsOf(() => effectiveRules(DEFAULT_RULES, undefined, site))).toEqual([
      'site override makes rule "derived.soh_low" field "thresholds.critical": critical must lie beyond warning in the rule’s direction',
    ]);
  });
});
