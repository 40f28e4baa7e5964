import { z } from 'zod';

// Units are integers with the unit in the name (ARCHITECTURE.md, Envelope):
//   Dv = 0.1 V, Da = 0.1 A (+ = charging), Dc = 0.1 °C, Mv = 1 mV, Pct = 1 %.
// Cell / sensor / module "No" fields are the BMS's own numbering; whether it is 0- or
// 1-based is unknown (protocol reference §1.4.3), so it is passed through unchanged.

const int = z.number().int();
const u8 = int.min(0).max(255);
const u16 = int.min(0).max(0xffff);

/** Basic operating state from 0x4250 byte 0, bits 0-2 (protocol reference §1.4.5, table A). */
export const packStates = ['sleep', 'charge', 'discharge', 'idle', 'reserved'] as const;
export type PackState = (typeof packStates)[number];

/** One reading of a string's pack-level values, assembled from one 0x4200 reply burst. */
export const packSampleSchema = z.object({
  kind: z.literal('pack'),
  /** Gateway clock when the burst was received (ISO 8601 with offset). */
  ts: z.iso.datetime({ offset: true }),
  /** Bus the string was read on, as named in the agent's config (e.g. `can0`, `slcan0`). */
  bus: z.string().min(1).max(32),
  /** BMS address, the low nibble of the reply ids. */
  bmsAddress: int.min(0).max(15),

  // 0x4210
  packVoltageDv: u16,
  packCurrentDa: int.min(-30000).max(35535),
  bmsTempDc: int.min(-1000).max(64535),
  socPct: u8,
  sohPct: u8,

  // 0x4220 — the discharge limit field has two conventions in the wild; both stay (see raw).
  chargeCutoffDv: u16.optional(),
  dischargeCutoffDv: u16.optional(),
  chargeLimitDa: int.optional(),
  dischargeLimitDa: int.optional(),
  /** Raw u16 of 0x4220 bytes 6-7, so the sign convention can be re-decided later. */
  dischargeLimitRaw: u16.optional(),

  // 0x4230
  cellMaxMv: u16.optional(),
  cellMinMv: u16.optional(),
  cellMaxNo: u16.optional(),
  cellMinNo: u16.optional(),

  // 0x4240
  cellTempMaxDc: int.optional(),
  cellTempMinDc: int.optional(),
  cellTempMaxNo: u16.optional(),
  cellTempMinNo: u16.optional(),

  // 0x4260 / 0x4270 — module extremes (protocol reference §1.4.6-7); added in bms.tlm/1 minor 1.
  moduleVoltageMaxMv: u16.optional(),
  moduleVoltageMinMv: u16.optional(),
  moduleVoltageMaxNo: u16.optional(),
  moduleVoltageMinNo: u16.optional(),
  moduleTempMaxDc: int.optional(),
  moduleTempMinDc: int.optional(),
  moduleTempMaxNo: u16.optional(),
  moduleTempMinNo: u16.optional(),

  // 0x4250 — words kept raw; names are derived from them by the reader.
  state: z.enum(packStates).optional(),
  statusByte: u8.optional(),
  cyclePeriodRaw: u16.optional(),
  errorBits: u8.optional(),
  alarmBits: u16.optional(),
  protectionBits: u16.optional(),

  // 0x4280
  chargeForbidden: z.boolean().optional(),
  dischargeForbidden: z.boolean().optional(),

  /** Frames of the burst this reader could not decode: CAN id (hex) → data (hex). */
  raw: z.record(z.string(), z.string()).optional(),
});

export type PackSample = z.infer<typeof packSampleSchema>;
