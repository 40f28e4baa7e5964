// defaults < tenant < site: each layer sets fields of a rule, nested objects field by field. The
// merged rules are validated again, because two valid layers can make an invalid rule (a site
// critical threshold below the tenant's warning); the message names the layer that broke it.
import { AlarmsError } from '../alarms-error.js';
import { ALARM_CATALOGUE } from '../catalogue/catalogue.js';
import { ruleProblems } from './parse-rule-set.js';
import { type Rule, type RuleOverride, type RuleOverrides, type RuleSet, ruleSchema } from './rule.schema.js';

export function effectiveRules(defaults: RuleSet, tenant?: RuleOverrides, site?: RuleOverrides): RuleSet {
  const rules: Record<string, Rule> = { ...defaults.rules };
  const problems: string[] = [];
  for (const [layer, overrides] of [
    ['tenant', tenant],
    ['site', site],
  ] as const) {
    for (const [id, override] of Object.entries(overrides?.rules ?? {})) {
      const base = rules[id] ?? baseForCode(rules, id);
      if (base === undefined) {
        problems.push(`${layer} rule "${id}": no default rule to override`);
        continue;
      }
      const merged = mergeRule(base, override);
      const checked = ruleSchema.safeParse(merged);
      if (checked.success) {
        rules[id] = checked.data;
      } else {
        problems.push(...ruleProblems(`${layer} override makes`, id, checked));
      }
    }
  }
  if (problems.length > 0) {
    throw new AlarmsError('invalid-rule', problems.join('; '), problems);
  }
  return { rules };
}

/** The rule for a rule id: its own, or for a catalogue code the rule of its kind (`bits.<kind>`). */
export function ruleFor(rules: RuleSet, id: string): Rule | undefined {
  return rules.rules[id] ?? baseForCode(rules.rules, id);
}

function baseForCode(rules: Readonly<Record<string, Rule>>, code: string): Rule | undefined {
  const entry = ALARM_CATALOGUE.byCode.get(code);
  return entry === undefined ? undefined : rules[`bits.${entry.kind}`];
}

function mergeRule(base: Rule, override: RuleOverride): unknown {
  return {
    ...base,
    ...definedOnly(override),
    ...(override.thresholds || base.thresholds
      ? { thresholds: { ...base.thresholds, ...definedOnly(override.thresholds ?? {}) } }
      : {}),
    flapping: { ...base.flapping, ...definedOnly(override.flapping ?? {}) },
    ...(override.params || base.params ? { params: { ...base.params, ...override.params } } : {}),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
