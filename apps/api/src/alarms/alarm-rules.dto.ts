import { z } from 'zod';

export const ruleSetBodySchema = z
  .looseObject({ rules: z.record(z.string(), z.unknown()) })
  .describe('Overrides by rule id (derived.*, bits.<kind> or a catalogue code); see @fleet/alarms README.');
export type RuleSetBody = z.infer<typeof ruleSetBodySchema>;

export const ruleSetSchema = z
  .object({
    scope: z.string().describe('`tenant` or `site:<id>`.'),
    rules: z.record(z.string(), z.unknown()).describe('The overrides of this layer ({} when none are set).'),
    version: z.number().int().describe('0 when the layer was never written.'),
    updatedBy: z.string().nullable(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
    effective: z
      .record(z.string(), z.unknown())
      .describe('defaults < tenant < site, as the evaluator applies them.'),
  })
  .meta({ id: 'AlarmRuleSet' });
export type RuleSetDto = z.infer<typeof ruleSetSchema>;
