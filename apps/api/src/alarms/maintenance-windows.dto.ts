import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const maintenanceWindowBodySchema = z
  .strictObject({
    siteId: z.uuid({ error: 'must be a UUID' }),
    startsAt: timestamp,
    endsAt: timestamp,
    reason: z.string().min(1).max(500),
  })
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });
export type MaintenanceWindowBody = z.infer<typeof maintenanceWindowBodySchema>;

export const maintenanceWindowUpdateSchema = z
  .strictObject({ startsAt: timestamp, endsAt: timestamp, reason: z.string().min(1).max(500) })
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });
export type MaintenanceWindowUpdate = z.infer<typeof maintenanceWindowUpdateSchema>;

export const maintenanceWindowListQuerySchema = z.strictObject({
  site: z.uuid({ error: 'must be a UUID' }).optional(),
  current: z.enum(['true', 'false']).default('true').describe('true: only windows that have not ended.'),
});
export type MaintenanceWindowListQuery = z.infer<typeof maintenanceWindowListQuerySchema>;

export const maintenanceWindowSchema = z
  .object({
    id: z.uuid(),
    siteId: z.uuid(),
    startsAt: timestamp,
    endsAt: timestamp,
    reason: z.string(),
    createdBy: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: 'MaintenanceWindow' });
export type MaintenanceWindowDto = z.infer<typeof maintenanceWindowSchema>;
