// 0x4250 (+address) — basic status, cycle period, error, alarm and protection bits.
// Protocol reference §1.4.5 (tables A, B, C). The raw byte/words are the message; the named
// flags are views derived from them with the tables in status-flags.table.ts, and the encoder
// writes only the raw values.
// ⚠ "Cycle period" is a u16 at bytes 1-2 by majority (one source reads a u8); its meaning is
// unknown, so it stays raw.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, readU16LE, writeU8, writeU16LE } from '../bytes/little-endian.js';
import {
  ALARM_PROTECTION_BITS,
  type AlarmProtectionFlags,
  decodeBitFlags,
  ERROR_BITS,
  type ErrorFlags,
  encodeBitFlags,
  type HvPackState,
  PACK_STATES,
  STATUS_REQUEST_BITS,
} from './status-flags.table.js';

export interface Status4250 {
  statusByte: number;
  /** Table A bits 0-2; 4-7 are reserved values. */
  state: HvPackState;
  forceChargeRequest: boolean;
  balanceChargeRequest: boolean;
  cyclePeriodRaw: number;
  errorBits: number;
  errors: ErrorFlags;
  alarmBits: number;
  alarms: AlarmProtectionFlags;
  protectionBits: number;
  protections: AlarmProtectionFlags;
}

/** The raw inputs of a status frame; `status4250` derives the rest. */
export interface Status4250Raw {
  statusByte: number;
  cyclePeriodRaw: number;
  errorBits: number;
  alarmBits: number;
  protectionBits: number;
}

/** Status byte for a state and request bits (table A). */
export function statusByteOf(
  state: Exclude<HvPackState, 'reserved'>,
  requests: { forceChargeRequest?: boolean; balanceChargeRequest?: boolean } = {},
): number {
  return PACK_STATES.indexOf(state) | encodeBitFlags(STATUS_REQUEST_BITS, requests);
}

export function status4250(raw: Status4250Raw): Status4250 {
  const requests = decodeBitFlags(STATUS_REQUEST_BITS, raw.statusByte);
  return {
    statusByte: raw.statusByte,
    state: PACK_STATES[raw.statusByte & 0b111] ?? 'reserved',
    forceChargeRequest: requests.forceChargeRequest,
    balanceChargeRequest: requests.balanceChargeRequest,
    cyclePeriodRaw: raw.cyclePeriodRaw,
    errorBits: raw.errorBits,
    errors: decodeBitFlags(ERROR_BITS, raw.errorBits),
    alarmBits: raw.alarmBits,
    alarms: decodeBitFlags(ALARM_PROTECTION_BITS, raw.alarmBits),
    protectionBits: raw.protectionBits,
    protections: decodeBitFlags(ALARM_PROTECTION_BITS, raw.protectionBits),
  };
}

export function decodeStatus4250(data: Uint8Array): DecodeResult<Status4250> {
  return withLength(data, 8, '0x4250', (d) =>
    status4250({
      statusByte: readU8(d, 0),
      cyclePeriodRaw: readU16LE(d, 1),
      errorBits: readU8(d, 3),
      alarmBits: readU16LE(d, 4),
      protectionBits: readU16LE(d, 6),
    }),
  );
}

export function encodeStatus4250(value: Status4250Raw): Uint8Array {
  const data = new Uint8Array(8);
  writeU8(data, 0, value.statusByte, 'statusByte');
  writeU16LE(data, 1, value.cyclePeriodRaw, 'cyclePeriodRaw');
  writeU8(data, 3, value.errorBits, 'errorBits');
  writeU16LE(data, 4, value.alarmBits, 'alarmBits');
  writeU16LE(data, 6, value.protectionBits, 'protectionBits');
  return data;
}
