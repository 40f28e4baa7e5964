import { z } from 'zod';

const moduleTypes = ['H48050', 'H48074', 'OTHER'] as const;
const timestamp = z.iso.datetime({ offset: true });

export const stringSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    bmsAddress: z.number().int().describe('BMS address on its bus (low nibble of the CAN reply ids).'),
    moduleType: z.enum(moduleTypes),
    moduleCount: z.number().int().nullable(),
    lastSampleAt: timestamp.nullable().describe('Gateway time of the newest stored pack sample.'),
  })
  .meta({ id: 'StringSummary' });
export type StringSummaryDto = z.infer<typeof stringSummarySchema>;

export const siteSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    strings: z.array(stringSummarySchema),
    gatewayIds: z.array(z.string()),
  })
  .meta({ id: 'SiteSummary' });
export type SiteSummaryDto = z.infer<typeof siteSummarySchema>;

export const siteListSchema = z.array(siteSummarySchema);

export const siteDetailSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    timezone: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    gateways: z.array(z.object({ id: z.string(), name: z.string(), lastSeenAt: timestamp.nullable() })),
    mbmsGroups: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        serial: z.string().nullable(),
        stringIds: z.array(z.uuid()),
      }),
    ),
    strings: z.array(
      stringSummarySchema.extend({
        bus: z.string(),
        gatewayId: z.string(),
        mbmsGroupId: z.uuid().nullable(),
      }),
    ),
  })
  .meta({ id: 'SiteDetail' });
export type SiteDetailDto = z.infer<typeof siteDetailSchema>;
