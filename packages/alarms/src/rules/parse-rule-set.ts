// Parses a rule set (the defaults) or an override layer (tenant, site) from untrusted JSON.
// Invalid input is refused as a whole with one line per problem naming rule and field, so a rule
// change either applies completely or not at all.
import type { z } from 'zod';
import { AlarmsError } from '../alarms-error.js';
import { ALARM_CATALOGUE } from '../catalogue/catalogue.js';
import {
  BIT_RULE_IDS,
  DERIVED_RULE_IDS,
  type RuleOverrides,
  type RuleSet,
  ruleOverrideSchema,
  ruleSchema,
} from './rule.schema.js';

export type RuleLayer = 'defaults' | 'tenant' | 'site';

/** A rule id is a derived rule, a per-kind bit rule or a catalogue code. */
export function isKnownRuleId(id: string): boolean {
  return (
    (DERIVED_RULE_IDS as readonly string[]).includes(id) ||
    (BIT_RULE_IDS as readonly string[]).includes(id) ||
    ALARM_CATALOGUE.byCode.has(id)
  );
}

export function parseRuleSet(input: unknown, layer: 'defaults'): RuleSet;
export function parseRuleSet(input: unknown, layer: 'tenant' | 'site'): RuleOverrides;
export function parseRuleSet(input: unknown, layer: RuleLayer): RuleSet | RuleOverrides {
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  const rules = (input as { rules?: unknown } | null)?.rules;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    problems.push(`${layer}: expected an object { rules: { <rule id>: { … } } }`);
  } else {
    const schema = layer === 'defaults' ? ruleSchema : ruleOverrideSchema;
    for (const [id, rule] of Object.entries(rules)) {
      if (!isKnownRuleId(id)) {
        problems.push(
          `${layer} rule "${id}": unknown rule id (a derived rule, bits.<kind> or a catalogue code)`,
        );
        continue;
      }
      const result = schema.safeParse(rule);
      problems.push(...ruleProblems(layer, id, result));
      parsed[id] = result.data;
    }
  }
  if (problems.length > 0) {
    throw new AlarmsError('invalid-rule', problems.join('; '), problems);
  }
  return { rules: parsed } as RuleSet | RuleOverrides;
}

/** One line per zod issue: `site rule "derived.soh_low" field "thresholds.warning": …`. */
export function ruleProblems(layer: string, id: string, result: z.ZodSafeParseResult<unknown>): string[] {
  if (result.success) {
    return [];
  }
  return result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      path.push(...issue.keys);
    }
    const field = path.length > 0 ? ` field "${path.join('.')}"` : '';
    return `${layer} rule "${id}"${field}: ${issue.message}`;
  });
}
