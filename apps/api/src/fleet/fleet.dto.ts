import { FLEET_LIST_SORTS, FLEET_STATUSES } from '@fleet/db';
import { alarmSeverities, packStates } from '@fleet/telemetry';
import { z } from 'zod';

const uuid = z.uuid({ error: 'must be a UUID' });

/** `a,b,c` → ['a','b','c'] (duplicates dropped), each checked by `item`. */
const csvOf = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .string()
    .max(4000)
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(z.array(item).min(1).max(max));

export const fleetQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Case-insensitive part of the string name, the site name or the site address.'),
  status: csvOf(z.enum(FLEET_STATUSES as [string, ...string[]]), 5)
    .optional()
    .describe('Comma-separated: charging,discharging,idle,offline,stale.'),
  severity: csvOf(z.enum(alarmSeverities), 4)
    .optional()
    .describe("Comma-separated severities of the string's worst open alarm: critical,major,warning,info."),
  hasOpenAlarm: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only strings with an open or acknowledged alarm; false: only those without.'),
  site: csvOf(uuid, 100).optional().describe('Comma-separated site ids.'),
  sort: z
    .enum(FLEET_LIST_SORTS as [string, ...string[]])
    .default('name')
    .describe(
      'name; severity (asc: worst first); soc, soh, completeness (asc: lowest first); lastSeen (asc: longest silent first). Ties by name.',
    ),
  dir: z.enum(['asc', 'desc']).default('asc'),
  cursor: z
    .string()
    .max(1000)
    .optional()
    .describe('nextCursor of the previous page (same sort and direction).'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type FleetQuery = z.infer<typeof fleetQuerySchema>;

export const fleetRowCohortSchema = z
  .object({
    label: z
      .string()
      .describe(
        'The cohort compared with: module type/firmware/age band/climate zone/usage profile, * where widened because the own cohort was too small.',
      ),
    size: z.number().int().nullable().describe('Strings in that cohort with the feature.'),
    fadePctPerYear: z
      .number()
      .nullable()
      .describe('SOH fade, %/year (+ = losing); null without 60 days of SOH.'),
    cohortFadePctPerYear: z.number().nullable().describe("The cohort's median fade, %/year."),
    fadeWorse: z.boolean().describe('The fast_fade rule fired: z-score and margin over the cohort median.'),
    spreadGrowthMvPerMonth: z
      .number()
      .nullable()
      .describe('Growth of the weekly median cell spread, mV/month; null with fewer than 4 weeks.'),
    cohortSpreadGrowthMvPerMonth: z
      .number()
      .nullable()
      .describe("The cohort's median spread growth, mV/month."),
    spreadWorse: z
      .boolean()
      .describe('The cell_drift rule fired: z-score and margin over the cohort median.'),
    computedAt: z.iso.datetime({ offset: true }).describe('When the daily analysis computed it.'),
  })
  .meta({ id: 'FleetRowCohort' });

export const fleetRowSchema = z
  .object({
    stringId: z.uuid(),
    name: z.string(),
    siteId: z.uuid(),
    siteName: z.string(),
    siteAddress: z.string().nullable(),
    latitude: z.number().nullable().describe("The site's latitude; null when it has none."),
    longitude: z.number().nullable(),
    lastTs: z.iso.datetime({ offset: true }).nullable().describe('Newest sample; null if none yet.'),
    state: z.enum(packStates).nullable().describe("The newest sample's pack state."),
    status: z
      .enum(FLEET_STATUSES as [string, ...string[]])
      .describe(
        'offline: silent and judged offline by the stale sweep, or never reported; stale: newest sample older than 15 min; otherwise from the pack state.',
      ),
    socPct: z.number().nullable(),
    sohPct: z.number().nullable(),
    completenessPct: z.number().describe('Share of the last 24 whole hours covered by samples, 0–100.'),
    worstSeverity: z
      .enum(alarmSeverities)
      .nullable()
      .describe('Worst open or acknowledged alarm; null when none.'),
    cohort: fleetRowCohortSchema
      .nullable()
      .describe('The string beside its cohort from the last daily analysis; null before the first run.'),
  })
  .meta({ id: 'FleetRow' });

export const fleetPageSchema = z
  .object({
    rows: z.array(fleetRowSchema),
    total: z.number().int().describe('Strings matching the query, over all pages.'),
    nextCursor: z.string().nullable().describe('Pass it back for the next page; null after the last.'),
  })
  .meta({ id: 'FleetPage' });
export type FleetPageDto = z.infer<typeof fleetPageSchema>;

export const fleetSiteSchema = z
  .object({
    siteId: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    latitude: z.number().nullable().describe('Null when the site has no coordinates.'),
    longitude: z.number().nullable(),
    stringCount: z.number().int(),
    worstSeverity: z
      .enum(alarmSeverities)
      .nullable()
      .describe('Worst open or acknowledged alarm of the site.'),
  })
  .meta({ id: 'FleetSite' });

export const fleetSitesSchema = z
  .object({
    sites: z.array(fleetSiteSchema),
    truncated: z
      .boolean()
      .describe('More sites than one answer carries (5000); the first by name are listed.'),
  })
  .meta({ id: 'FleetSites' });
export type FleetSitesDto = z.infer<typeof fleetSitesSchema>;
