import { z } from 'zod';

export const findingKinds = [
  'weak_cell',
  'balancing_starved',
  'fast_fade',
  'cell_drift',
  'high_temp_dwell',
  'high_soc_dwell',
] as const;

export const findingSchema = z
  .object({
    stringId: z.uuid(),
    stringName: z.string(),
    kind: z.enum(findingKinds),
    primary: z.boolean().describe("The string's first-ranked finding: its cause."),
    severity: z.literal('info'),
    evidence: z
      .object({
        value: z.number(),
        unit: z.string(),
        threshold: z.number(),
        cohortMedian: z.number().nullable(),
        z: z.number().nullable(),
        cohort: z.string().nullable(),
        cohortSize: z.number().nullable(),
        detail: z.record(z.string(), z.number()).optional(),
      })
      .describe('The numbers the rule judged (packages/analytics README, "Fleet intelligence").'),
    chartField: z.string().describe('The daily series field whose chart shows the finding.'),
    explanation: z
      .string()
      .describe("One sentence for the installer, in the request's language (Accept-Language: de or en)."),
    cohort: z.string().describe('The cohort the string was compared with, e.g. H48050/*/*/temperate/daily.'),
    foundAt: z.iso.datetime(),
  })
  .meta({ id: 'Finding' });
export type FindingDto = z.infer<typeof findingSchema>;

export const fleetFindingsSchema = z.object({ items: z.array(findingSchema) }).meta({
  id: 'FleetFindings',
  description: 'The early warnings of the last daily fleet analysis, in your scope.',
});
export type FleetFindingsDto = z.infer<typeof fleetFindingsSchema>;

export const findingDaySchema = z.object({
  dayMs: z.number().int(),
  sohPct: z.number().nullable(),
  cellSpreadMaxMv: z.number().nullable(),
  socMaxPct: z.number().nullable(),
  highTempHours: z.number().nullable(),
  highSocHours: z.number().nullable(),
  cutoffCellNo: z.number().nullable(),
  cycles: z.number().nullable(),
});

export const stringFindingsSchema = z
  .object({
    items: z.array(findingSchema),
    days: z
      .array(findingDaySchema)
      .describe(
        'A year of daily values (UTC days, oldest first) the findings were judged on, for their charts.',
      ),
  })
  .meta({ id: 'StringFindings' });
export type StringFindingsDto = z.infer<typeof stringFindingsSchema>;
