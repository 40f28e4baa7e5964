import { packStates } from '@fleet/telemetry';
import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });
const int = z.number().int();

export const stringDetailSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    gatewayId: z.string(),
    bus: z.string(),
    bmsAddress: int,
    mbmsGroupId: z.uuid().nullable(),
    moduleType: z.enum(['H48050', 'H48074', 'OTHER']),
    moduleCount: int.nullable(),
    cellsPerModule: int.nullable(),
    lastSampleAt: timestamp.nullable(),
    site: z.object({ id: z.uuid(), name: z.string(), address: z.string().nullable(), timezone: z.string() }),
  })
  .meta({ id: 'StringDetail' });
export type StringDetailDto = z.infer<typeof stringDetailSchema>;

/**
 * Field names and integer units of the telemetry `PackSample` (packages/telemetry):
 * Dv = 0.1 V, Da = 0.1 A (+ = charging), Dc = 0.1 °C, Mv = 1 mV. Null = not reported by the BMS.
 */
export const latestPackSampleSchema = z
  .object({
    stringId: z.uuid(),
    ts: timestamp.describe('Gateway clock when the reply burst was received.'),
    packVoltageDv: int,
    packCurrentDa: int.describe('0.1 A; positive = charging, negative = discharging.'),
    bmsTempDc: int,
    socPct: int,
    sohPct: int,
    chargeCutoffDv: int.nullable(),
    dischargeCutoffDv: int.nullable(),
    chargeLimitDa: int.nullable(),
    dischargeLimitDa: int.nullable(),
    cellMaxMv: int.nullable(),
    cellMinMv: int.nullable(),
    cellMaxNo: int.nullable().describe("BMS's own cell numbering (0- or 1-based is unknown)."),
    cellMinNo: int.nullable(),
    cellTempMaxDc: int.nullable(),
    cellTempMinDc: int.nullable(),
    cellTempMaxNo: int.nullable(),
    cellTempMinNo: int.nullable(),
    state: z.enum(packStates).nullable(),
    alarmBits: int.nullable().describe('0x4250 alarm word, raw (protocol reference §1.4.5 table C).'),
    protectionBits: int.nullable().describe('0x4250 protection word, raw (same bit layout as alarmBits).'),
    errorBits: int.nullable().describe('0x4250 error byte, raw (table B).'),
    chargeForbidden: z.boolean().nullable(),
    dischargeForbidden: z.boolean().nullable(),
  })
  .meta({ id: 'LatestPackSample' });
export type LatestPackSampleDto = z.infer<typeof latestPackSampleSchema>;

const trendBucket = z
  .enum(['auto', 'raw', '1m', '1h', '1d'])
  .default('auto')
  .describe('auto: the finest tier that fits the range and still holds its start.');

/** `GET /strings/{id}/trend`: the range [from, to) and the tier to read it from. */
export const trendQuerySchema = z.strictObject({
  from: timestamp.describe('Start of the range (inclusive).'),
  to: timestamp.describe('End of the range (exclusive).'),
  bucket: trendBucket,
});
export type TrendQuery = z.infer<typeof trendQuerySchema>;

export const exportQuerySchema = trendQuerySchema.extend({
  format: z.enum(['csv', 'json']).default('csv'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

const avg = z.number().nullable().describe('Mean over the bucket, to 0.1 of the unit.');

/** One bucket of a trend (or one raw sample: min = max = avg, energy 0). Units as in LatestPackSample. */
export const trendPointSchema = z
  .object({
    bucketStart: timestamp,
    samples: int,
    sohPct: int.nullable(),
    socMinPct: int.nullable(),
    socMaxPct: int.nullable(),
    packVoltageAvgDv: avg,
    packCurrentAvgDa: avg,
    cellMaxMv: int.nullable(),
    cellMinMv: int.nullable(),
    cellSpreadMaxMv: int.nullable(),
    cellSpreadAvgMv: avg,
    bmsTempMaxDc: int.nullable(),
    cellTempMaxDc: int.nullable(),
    energyInWh: z.number().describe('Charged energy in the bucket (rollups only; 0 for raw samples).'),
    energyOutWh: z.number(),
    bmsTempMinDc: int.nullable(),
    cellTempMinDc: int.nullable(),
    coveredS: z
      .number()
      .nullable()
      .describe('Seconds of the bucket spanned by stored samples (data completeness); null for raw samples.'),
  })
  .meta({ id: 'TrendPoint' });
export type TrendPointDto = z.infer<typeof trendPointSchema>;

export const stringTrendSchema = z
  .object({
    stringId: z.uuid(),
    from: timestamp,
    to: timestamp,
    tier: z.enum(['raw', '1m', '1h', '1d']).describe('The tier the points come from.'),
    nominalWh: z
      .number()
      .nullable()
      .describe(
        "The string's nominal energy (module count × the module's nominal Wh), for equivalent full cycles; null when the module type or count is unknown.",
      ),
    points: z.array(trendPointSchema),
  })
  .meta({ id: 'StringTrend' });
export type StringTrendDto = z.infer<typeof stringTrendSchema>;
