import { z } from 'zod';
import { warrantyTermsSchema } from './warranty-terms.dto.js';

const timestamp = z.iso.datetime({ offset: true });

export const commissioningBodySchema = z.strictObject({
  commissionedAt: timestamp.describe('When the string was put into service; the warranty clock starts here.'),
  commissionedBy: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .describe('Who commissioned it: installer name or company.'),
  notes: z.string().trim().max(2000).nullable().default(null).describe('Install notes.'),
});
export type CommissioningBody = z.infer<typeof commissioningBodySchema>;

export const commissioningSchema = z
  .object({
    commissionedAt: timestamp,
    commissionedBy: z.string(),
    notes: z.string().nullable(),
    recordedBy: z.string().describe('User id of who entered the record.'),
    updatedAt: timestamp,
  })
  .meta({ id: 'StringCommissioning' });
export type CommissioningDto = z.infer<typeof commissioningSchema>;

export const siteRegionBodySchema = z.strictObject({
  warrantyRegion: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,10}$/, 'must be a region code of 2-10 letters, digits or -, e.g. EU, DE, AU')
    .nullable()
    .describe('Region code whose terms apply to the site’s strings; null clears it.'),
});
export type SiteRegionBody = z.infer<typeof siteRegionBodySchema>;

export const siteRegionSchema = z
  .object({ siteId: z.uuid(), warrantyRegion: z.string().nullable() })
  .meta({ id: 'SiteWarrantyRegion' });
export type SiteRegionDto = z.infer<typeof siteRegionSchema>;

export const warrantyQuerySchema = z.strictObject({
  excursionOffset: z.coerce.number().int().min(0).max(100_000).default(0),
  excursionLimit: z.coerce.number().int().min(1).max(500).default(50),
});
export type WarrantyQuery = z.infer<typeof warrantyQuerySchema>;

const throughputProjection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('projected'), at: timestamp }),
  z.object({ kind: z.literal('reached') }),
  z.object({ kind: z.literal('insufficient'), daysWithData: z.number(), minDays: z.number() }),
  z.object({ kind: z.literal('not-discharging') }),
  z.object({ kind: z.literal('no-cap') }),
]);

const sohProjection = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('projected'),
    at: timestamp,
    earliest: timestamp.describe('From the fast end of the fade rate’s 95 % interval.'),
    latest: timestamp.nullable().describe('From the slow end; null when the data cannot rule out no fade.'),
    fadePctPerYear: z.number(),
    ci95: z.object({ low: z.number(), high: z.number() }),
    rSquared: z.number().nullable(),
    n: z.number(),
  }),
  z.object({ kind: z.literal('not-fading'), fadePctPerYear: z.number(), n: z.number() }),
  z.object({ kind: z.literal('already-below'), fadePctPerYear: z.number(), n: z.number() }),
  z.object({
    kind: z.literal('insufficient'),
    reason: z.enum(['too-few-points', 'span-too-short']),
    n: z.number(),
    spanDays: z.number(),
  }),
  z.object({ kind: z.literal('no-guarantee') }),
]);

export const excursionSchema = z
  .object({
    kind: z.enum([
      'temperature-high',
      'temperature-low',
      'over-voltage',
      'under-voltage',
      'over-current',
      'protection',
    ]),
    start: timestamp,
    end: timestamp.nullable().describe('null: still going on.'),
    worst: z.number().nullable().describe('In `unit`; null for a protection trip.'),
    limit: z.number().nullable(),
    unit: z.enum(['dC', 'mV', 'A']).nullable().describe('dC = 0.1 °C.'),
    source: z.enum(['rollup-1h', 'alarm', 'bms-event']),
    code: z.string().nullable().describe('The alarm code of a protection trip.'),
    title: z.string().nullable(),
  })
  .meta({ id: 'WarrantyExcursion' });

export const warrantyStatusSchema = z
  .object({
    computedAt: timestamp,
    string: z.object({
      id: z.uuid(),
      name: z.string(),
      siteId: z.uuid(),
      siteName: z.string(),
      moduleType: z.enum(['H48050', 'H48074', 'OTHER']),
      moduleCount: z.number().nullable(),
      nominalWh: z.number().nullable().describe('Module count × module Wh; null when either is unknown.'),
      warrantyRegion: z.string().nullable(),
    }),
    modules: z.array(
      z.object({ position: z.number(), moduleType: z.string(), serial: z.string().nullable() }),
    ),
    commissioning: commissioningSchema.nullable(),
    terms: warrantyTermsSchema.nullable().describe('The terms used; null: none for this product and region.'),
    gaps: z
      .array(z.enum(['no-region', 'no-terms', 'no-commissioning', 'no-nominal-capacity']))
      .describe('What could not be judged, and why.'),
    time: z
      .object({
        start: timestamp,
        end: timestamp,
        elapsedDays: z.number(),
        remainingDays: z.number(),
        fraction: z.number(),
        expired: z.boolean(),
      })
      .nullable(),
    throughput: z.object({
      usedWh: z.number(),
      capWh: z.number().nullable(),
      fraction: z.number().nullable(),
      ratePerDayWh: z.number().nullable(),
      daysWithData: z.number(),
      windowDays: z.number(),
      projection: throughputProjection,
    }),
    soh: z.object({
      latest: z.object({ at: timestamp, sohPct: z.number() }).nullable(),
      guaranteedAtLatestPct: z.number().nullable(),
      marginPct: z.number().nullable(),
      projection: sohProjection,
      history: z
        .array(z.object({ day: timestamp, sohPct: z.number() }))
        .describe('Daily SOH, thinned to ≤ 500 points.'),
      guaranteedLine: z
        .object({ start: timestamp, end: timestamp, startPct: z.number(), endPct: z.number() })
        .nullable(),
    }),
    excursions: z.object({
      total: z.number(),
      offset: z.number(),
      limit: z.number(),
      items: z.array(excursionSchema).describe('Newest first.'),
    }),
  })
  .meta({ id: 'StringWarranty' });
export type WarrantyStatusDto = z.infer<typeof warrantyStatusSchema>;
