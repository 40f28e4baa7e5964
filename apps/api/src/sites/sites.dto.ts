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

export const siteListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Case-insensitive part of the site name or address.'),
  cursor: z.string().max(600).optional().describe('nextCursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SiteListQuery = z.infer<typeof siteListQuerySchema>;

export const siteListSchema = z
  .object({
    items: z.array(siteSummarySchema),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last.'),
  })
  .meta({ id: 'SiteList' });
export type SiteListDto = z.infer<typeof siteListSchema>;

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
