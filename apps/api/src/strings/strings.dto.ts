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
