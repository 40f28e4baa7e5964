import { z } from 'zod';

export const fleetQuerySchema = z.strictObject({
  sort: z
    .enum(['name', 'severity'])
    .default('name')
    .describe('name: by string name. severity: strings with open alarms first, worst first, then by name.'),
  cursor: z.string().max(1000).optional().describe('nextCursor of the previous page (same sort).'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type FleetQuery = z.infer<typeof fleetQuerySchema>;

export const fleetRowSchema = z
  .object({
    stringId: z.uuid(),
    name: z.string(),
    siteId: z.uuid(),
    lastTs: z.iso.datetime({ offset: true }).nullable().describe('Newest sample; null if none yet.'),
    state: z.string().nullable(),
    socPct: z.number().nullable(),
    sohPct: z.number().nullable(),
    packVoltageDv: z.number().int().nullable(),
    packCurrentDa: z.number().int().nullable(),
    bmsTempDc: z.number().int().nullable(),
    cellSpreadMv: z.number().int().nullable(),
    cellTempMaxDc: z.number().int().nullable(),
    worstAlarm: z.enum(['protection', 'alarm', 'none']).describe("From the newest sample's BMS words."),
    worstSeverity: z
      .enum(['critical', 'major', 'warning', 'info'])
      .nullable()
      .describe('Worst open or acknowledged alarm; null when none.'),
  })
  .meta({ id: 'FleetRow' });

export const fleetPageSchema = z
  .object({
    rows: z.array(fleetRowSchema),
    nextCursor: z.string().nullable().describe('Pass it back for the next page; null after the last.'),
  })
  .meta({ id: 'FleetPage' });
export type FleetPageDto = z.infer<typeof fleetPageSchema>;
