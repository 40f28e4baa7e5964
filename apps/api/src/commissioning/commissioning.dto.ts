import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

const checklistItemSchema = z.object({
  id: z.enum(['first-data', 'topology', 'bus', 'clock', 'cell-spread']),
  state: z.enum(['pending', 'passed', 'failed']),
  reason: z
    .string()
    .describe('A closed code per item (packages/analytics commissioning), worded by the dashboard.'),
  explanation: z.string().describe('The same in plain English.'),
  evidence: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  observedAt: timestamp.nullable().describe('The newest observation the item rests on.'),
});

export const siteSerialsSchema = z
  .object({
    strings: z.array(
      z.object({
        stringId: z.uuid(),
        name: z.string(),
        bus: z.string(),
        bmsAddress: z.number().int(),
        bmsSerial: z.string().nullable(),
        modules: z.array(
          z.object({ position: z.number().int(), moduleType: z.string(), serial: z.string().nullable() }),
        ),
      }),
    ),
    mbms: z.array(z.object({ name: z.string(), serial: z.string().nullable() })),
  })
  .meta({ id: 'SiteSerials' });

export const commissioningRecordSchema = z
  .object({
    completedAt: timestamp,
    completedBy: z.string().describe('User id of who completed it.'),
    installerName: z.string(),
    items: z.array(checklistItemSchema),
    serials: siteSerialsSchema,
  })
  .meta({ id: 'SiteCommissioningRecord' });
export type CommissioningRecordDto = z.infer<typeof commissioningRecordSchema>;

export const commissioningStatusSchema = z
  .object({
    siteId: z.uuid(),
    evaluatedAt: timestamp,
    state: z.enum(['pending', 'passed', 'failed']),
    complete: z.boolean().describe('Every item passed: commissioning may be completed.'),
    items: z.array(checklistItemSchema),
    record: commissioningRecordSchema.nullable().describe('The completed checklist, once stored.'),
  })
  .meta({ id: 'SiteCommissioningStatus' });
export type CommissioningStatusDto = z.infer<typeof commissioningStatusSchema>;
export type ChecklistItemDto = z.infer<typeof checklistItemSchema>;
