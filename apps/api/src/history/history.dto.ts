import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const moduleSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int().describe('1-based, rack order.'),
    moduleType: z.enum(['H48050', 'H48074', 'OTHER']),
    serial: z.string().nullable().describe('Only where the BMS reports one.'),
    firstSeenAt: timestamp,
    lastSeenAt: timestamp,
    removedAt: timestamp.nullable().describe('Set when the module left this position (replaced or removed).'),
  })
  .meta({ id: 'StringModule' });

export const moduleListSchema = z
  .object({ items: z.array(moduleSchema).describe('Present modules by position, then removed ones.') })
  .meta({ id: 'StringModuleList' });
export type ModuleListDto = z.infer<typeof moduleListSchema>;

const kind = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be an event kind (lower case, digits, _)');

export const eventListQuerySchema = z.strictObject({
  kind: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(kind).min(1).max(20))
    .optional()
    .describe('Comma-separated event kinds, e.g. composition,boot.'),
  cursor: z.string().max(300).optional().describe('nextCursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const bmsEventSchema = z
  .object({
    ts: timestamp.describe('Gateway clock of the event.'),
    kind: z.string().describe('composition, boot, or a kind newer than this server (kept as received).'),
    gatewayId: z.string(),
    stringId: z.uuid().nullable(),
    body: z.record(z.string(), z.unknown()).describe('The event as the gateway sent it (bms.evt/1).'),
  })
  .meta({ id: 'BmsEvent' });

export const eventPageSchema = z
  .object({ items: z.array(bmsEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'BmsEventPage' });
export type EventPageDto = z.infer<typeof eventPageSchema>;

export const gapQuerySchema = z.strictObject({
  from: timestamp.optional().describe('Start of the range (inclusive); default 30 days before `to`.'),
  to: timestamp.optional().describe('End of the range (exclusive); default now.'),
});
export type GapQuery = z.infer<typeof gapQuerySchema>;

export const gapReportSchema = z
  .object({
    from: timestamp,
    to: timestamp,
    gaps: z
      .array(
        z.object({
          gapStart: timestamp.describe('Last stored sample before the hole.'),
          gapEnd: timestamp.describe('First stored sample after it.'),
          durationS: z.number(),
          detectedAt: timestamp,
        }),
      )
      .describe('Holes between stored samples longer than the rollup gap limit (600 s), oldest first.'),
    connectivity: z
      .array(
        z.object({
          ts: timestamp,
          kind: z.enum(['online', 'offline']),
          scope: z.enum(['string', 'gateway']),
          reason: z.string(),
        }),
      )
      .describe('Offline / back-online changes of the string and its gateway, newest first.'),
  })
  .meta({ id: 'StringGapReport' });
export type GapReportDto = z.infer<typeof gapReportSchema>;
