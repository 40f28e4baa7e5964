import { z } from 'zod';

/** An IANA zone name the runtime knows (`Europe/Berlin`, `UTC`); alarms and reports use it for local time. */
function isIanaZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const fields = {
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500).nullable().describe('Postal address; null clears it.'),
  timezone: z
    .string()
    .max(64)
    .refine(isIanaZone, 'must be an IANA time zone such as Europe/Berlin')
    .describe('IANA time zone of the site.'),
  latitude: z.number().min(-90).max(90).nullable().describe('Degrees, WGS 84; null clears it.'),
  longitude: z.number().min(-180).max(180).nullable().describe('Degrees, WGS 84; null clears it.'),
};

export const createSiteBodySchema = z.strictObject({
  name: fields.name,
  address: fields.address.optional(),
  timezone: fields.timezone,
  latitude: fields.latitude.optional(),
  longitude: fields.longitude.optional(),
});
export type CreateSiteBody = z.infer<typeof createSiteBodySchema>;

export const updateSiteBodySchema = z
  .strictObject({
    name: fields.name.optional(),
    address: fields.address.optional(),
    timezone: fields.timezone.optional(),
    latitude: fields.latitude.optional(),
    longitude: fields.longitude.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'name at least one field to change');
export type UpdateSiteBody = z.infer<typeof updateSiteBodySchema>;

export const siteSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    timezone: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Site' });
export type SiteDto = z.infer<typeof siteSchema>;
