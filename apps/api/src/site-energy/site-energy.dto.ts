import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const siteEnergyQuerySchema = z.strictObject({
  date: z.iso
    .date({ error: 'must be a date YYYY-MM-DD' })
    .optional()
    .describe("The site's local day; default today on the site's clock."),
});
export type SiteEnergyQuery = z.infer<typeof siteEnergyQuerySchema>;

export const siteEnergySchema = z
  .object({
    siteId: z.uuid(),
    timezone: z.string().describe("The site's IANA time zone; the day and the hours are on its clock."),
    date: z.iso.date(),
    dayStart: timestamp,
    dayEnd: timestamp,
    hours: z
      .array(
        z.object({
          start: timestamp.describe('Start of the 1-hour rollup bucket (a UTC hour).'),
          localTime: z.string().describe("`HH:MM` on the site's clock."),
          inKwh: z.number().describe('Charged into the site’s strings in this hour (sum of the strings).'),
          outKwh: z.number().describe('Discharged from them.'),
          strings: z
            .number()
            .int()
            .describe('Strings with data in this hour; 0 = no data (not "no energy").'),
        }),
      )
      .describe(
        'Every UTC hour starting inside the local day (23, 24 or 25), oldest first; in a zone with a ' +
          'half-hour offset each hour starts at :30 local time.',
      ),
    totalInKwh: z.number(),
    totalOutKwh: z.number(),
  })
  .meta({ id: 'SiteEnergy' });
export type SiteEnergyDto = z.infer<typeof siteEnergySchema>;
