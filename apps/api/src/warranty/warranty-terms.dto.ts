import { z } from 'zod';

const nullableNumber = (schema: z.ZodNumber) => schema.nullable().default(null);

/**
 * One set of warranty terms as an organisation admin types it in from the manufacturer's
 * documents. Every limit but the term may be null: a limit the documents do not state is not judged.
 */
export const warrantyTermsBodySchema = z
  .strictObject({
    moduleType: z.enum(['H48050', 'H48074']).describe('The module the terms cover.'),
    bmsModel: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .nullable()
      .default(null)
      .describe('A BMS model the terms are limited to (e.g. SC1000); null: any.'),
    region: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{2,10}$/, 'must be a region code of 2-10 letters, digits or -, e.g. EU, DE, AU')
      .describe('Region code, matched against the site’s warranty region.'),
    termYears: z
      .number()
      .int()
      .min(1)
      .max(40)
      .describe('Length of the warranty, whole years from commissioning.'),
    throughputMwhPerKwh: nullableNumber(z.number().positive().max(100)).describe(
      'Energy-throughput cap in MWh discharged per kWh of the string’s nominal capacity.',
    ),
    retainedCapacityPct: nullableNumber(z.number().gt(0).max(100)).describe(
      'SOH guaranteed at the end of the term, % of nominal.',
    ),
    cellTempMinDc: nullableNumber(z.number().int().min(-400).max(1000)).describe(
      'Lowest cell temperature, 0.1 °C.',
    ),
    cellTempMaxDc: nullableNumber(z.number().int().min(-400).max(1000)).describe(
      'Highest cell temperature, 0.1 °C.',
    ),
    cellVoltageMinMv: nullableNumber(z.number().int().min(1000).max(5000)).describe(
      'Lowest cell voltage, mV.',
    ),
    cellVoltageMaxMv: nullableNumber(z.number().int().min(1000).max(5000)).describe(
      'Highest cell voltage, mV.',
    ),
    maxCRate: nullableNumber(z.number().positive().max(10)).describe(
      'Highest current as a C-rate (× module Ah).',
    ),
    maxCurrentA: nullableNumber(z.number().positive().max(1000)).describe('Highest current magnitude, A.'),
    validFrom: z.iso
      .date()
      .describe('The terms apply to strings commissioned on or after this day (YYYY-MM-DD).'),
    source: z
      .string()
      .trim()
      .min(3)
      .max(500)
      .describe('Which document the numbers come from (title, version, date).'),
    notes: z.string().trim().max(2000).nullable().default(null),
  })
  .refine((t) => t.cellTempMinDc === null || t.cellTempMaxDc === null || t.cellTempMinDc < t.cellTempMaxDc, {
    message: 'the lowest cell temperature must be below the highest',
    path: ['cellTempMinDc'],
  })
  .refine(
    (t) =>
      t.cellVoltageMinMv === null || t.cellVoltageMaxMv === null || t.cellVoltageMinMv < t.cellVoltageMaxMv,
    { message: 'the lowest cell voltage must be below the highest', path: ['cellVoltageMinMv'] },
  );
export type WarrantyTermsBody = z.infer<typeof warrantyTermsBodySchema>;

export const warrantyTermsSchema = z
  .object({
    id: z.uuid(),
    moduleType: z.enum(['H48050', 'H48074', 'OTHER']),
    bmsModel: z.string().nullable(),
    region: z.string(),
    termYears: z.number().int(),
    throughputMwhPerKwh: z.number().nullable(),
    retainedCapacityPct: z.number().nullable(),
    cellTempMinDc: z.number().nullable(),
    cellTempMaxDc: z.number().nullable(),
    cellVoltageMinMv: z.number().nullable(),
    cellVoltageMaxMv: z.number().nullable(),
    maxCRate: z.number().nullable(),
    maxCurrentA: z.number().nullable(),
    validFrom: z.iso.date(),
    source: z.string(),
    notes: z.string().nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'WarrantyTerms' });
export type WarrantyTermsDto = z.infer<typeof warrantyTermsSchema>;

export const warrantyTermsListSchema = z
  .object({
    items: z.array(warrantyTermsSchema).describe('By module type, region, BMS model, newest first.'),
  })
  .meta({ id: 'WarrantyTermsList' });
export type WarrantyTermsListDto = z.infer<typeof warrantyTermsListSchema>;
