// The rule configuration as a zod schema: one rule per condition, and override layers
// (tenant, site) that may set any field of a rule. Messages name the field so an API can hand
// them to the person who typed the rule.
import { z } from 'zod';

export const DERIVED_RULE_IDS = [
  'derived.cell_imbalance',
  'derived.weak_cell',
  'derived.soh_low',
  'derived.soh_fade_vs_fleet',
  'derived.temperature_range',
  'derived.string_stale',
  'derived.gateway_stale',
  'derived.spool_backlog',
  'derived.data_gap',
  // Early warnings of the daily fleet analysis (@fleet/analytics analyseFleet), one per finding kind.
  'derived.finding.weak_cell',
  'derived.finding.balancing_starved',
  'derived.finding.fast_fade',
  'derived.finding.cell_drift',
  'derived.finding.high_temp_dwell',
  'derived.finding.high_soc_dwell',
] as const;
export type DerivedRuleId = (typeof DERIVED_RULE_IDS)[number];

/** Default rule of every catalogue bit of a kind; a catalogue code may override its own. */
export const BIT_RULE_IDS = ['bits.protection', 'bits.alarm', 'bits.error', 'bits.status'] as const;
export type BitRuleId = (typeof BIT_RULE_IDS)[number];

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const seconds = z.number().int('must be a whole number of seconds').min(0, 'must be ≥ 0');

export const thresholdsSchema = z
  .object({
    /** `above`: the condition is present while the value is above a threshold; `below` the reverse. */
    direction: z.enum(['above', 'below']),
    warning: finite.optional(),
    critical: finite.optional(),
  })
  .strict()
  .refine((t) => t.warning !== undefined || t.critical !== undefined, {
    message: 'needs a warning or a critical threshold',
  })
  .refine(
    (t) =>
      t.warning === undefined ||
      t.critical === undefined ||
      (t.direction === 'above' ? t.critical >= t.warning : t.critical <= t.warning),
    { message: 'critical must lie beyond warning in the rule’s direction', path: ['critical'] },
  );
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const flappingSchema = z
  .object({
    /** Look-back window for counting transitions. */
    windowS: z.number().int('must be a whole number of seconds').min(1, 'must be ≥ 1'),
    /** More present/absent transitions than this within the window is flapping. */
    maxTransitions: z.number().int('must be a whole number').min(2, 'must be ≥ 2'),
  })
  .strict();

export const ruleSchema = z
  .object({
    enabled: z.boolean(),
    /** Numeric (derived) rules only; a catalogue bit is present or not and has its entry's severity. */
    thresholds: thresholdsSchema.optional(),
    /** Band, in the value's unit, the value must retreat past a threshold before it counts as clear. */
    hysteresis: finite.pipe(z.number().min(0, 'must be ≥ 0')),
    /** The condition must hold this long before the alarm fires. */
    fireDelayS: seconds,
    /** The condition must stay clear this long before the alarm clears. */
    clearDelayS: seconds,
    flapping: flappingSchema,
    /** Rule-specific numbers (rest current band, working range, minimum fleet size …). */
    params: z.record(z.string(), finite).optional(),
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

/** An override layer's view of a rule: any field, nested objects field by field. */
export const ruleOverrideSchema = z
  .object({
    enabled: z.boolean().optional(),
    thresholds: z
      .object({
        direction: z.enum(['above', 'below']).optional(),
        warning: finite.optional(),
        critical: finite.optional(),
      })
      .strict()
      .optional(),
    hysteresis: finite.pipe(z.number().min(0, 'must be ≥ 0')).optional(),
    fireDelayS: seconds.optional(),
    clearDelayS: seconds.optional(),
    flapping: flappingSchema.partial().optional(),
    params: z.record(z.string(), finite).optional(),
  })
  .strict();
export type RuleOverride = z.infer<typeof ruleOverrideSchema>;

export interface RuleSet {
  rules: Readonly<Record<string, Rule>>;
}

export interface RuleOverrides {
  rules: Readonly<Record<string, RuleOverride>>;
}
