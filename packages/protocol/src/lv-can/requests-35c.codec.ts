// 0x35C — charge/discharge request flags (protocol reference §2.2), DLC 2. Byte 0 carries the
// flags (bits 0-2 unused), byte 1 is 0x00. Both bytes are kept raw; the encoder writes them.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { type CanMessageDefinition, flagSignal, signal } from '../dbc/can-signal.js';
import { readFlag, readNumberField, writeNumberField } from '../dbc/signal-access.js';

const SECTION = '§2.2 0x35C';
const flag = (field: string, name: string, bit: number) =>
  flagSignal({ name, field, bit, section: SECTION, confidence: 'confirmed' });

const S = {
  chargeEnable: flag('chargeEnable', 'ChargeEnable', 7),
  dischargeEnable: flag('dischargeEnable', 'DischargeEnable', 6),
  forceChargeI: flag('forceChargeI', 'RequestForceChargeI', 5),
  forceChargeII: flag('forceChargeII', 'RequestForceChargeII', 4),
  fullChargeRequest: flag('fullChargeRequest', 'RequestFullCharge', 3),
  requestRaw: signal({
    name: 'RequestRaw',
    field: 'requestRaw',
    startByte: 0,
    bits: 8,
    section: SECTION,
    confidence: 'confirmed',
  }),
  byte1Raw: signal({
    name: 'Byte1Raw',
    field: 'byte1Raw',
    startByte: 1,
    bits: 8,
    section: SECTION,
    confidence: 'confirmed',
    comment: '0x00 in every source',
  }),
};

export interface Requests35C {
  chargeEnable: boolean;
  dischargeEnable: boolean;
  /** "Charge immediately": for inverters that let the battery shut down and can wake it. */
  forceChargeI: boolean;
  /** For inverters that must keep the battery up. */
  forceChargeII: boolean;
  fullChargeRequest: boolean;
  requestRaw: number;
  byte1Raw: number;
}

type RequestFlags = Omit<Requests35C, 'requestRaw' | 'byte1Raw'>;

export const REQUESTS_35C: CanMessageDefinition = {
  name: 'LV_35C_Requests',
  id: 0x35c,
  extended: false,
  dlc: 2,
  sender: 'BMS',
  addressed: false,
  section: SECTION,
  comment: 'Charge/discharge enable and charge request flags (same layout as RS485 0x92 status).',
  signals: Object.values(S),
};

export function decodeRequests35C(data: Uint8Array): DecodeResult<Requests35C> {
  return withLength(data, 2, '0x35C', (d) => ({
    chargeEnable: readFlag(d, S.chargeEnable),
    dischargeEnable: readFlag(d, S.dischargeEnable),
    forceChargeI: readFlag(d, S.forceChargeI),
    forceChargeII: readFlag(d, S.forceChargeII),
    fullChargeRequest: readFlag(d, S.fullChargeRequest),
    requestRaw: readNumberField(d, S.requestRaw),
    byte1Raw: readNumberField(d, S.byte1Raw),
  }));
}

export function encodeRequests35C(value: Pick<Requests35C, 'requestRaw' | 'byte1Raw'>): Uint8Array {
  const data = new Uint8Array(2);
  writeNumberField(data, S.requestRaw, value.requestRaw, 'requestRaw');
  writeNumberField(data, S.byte1Raw, value.byte1Raw, 'byte1Raw');
  return data;
}

/** A complete message from named flags (unused bits and byte 1 zero). */
export function requests35C(flags: Partial<RequestFlags>): Requests35C {
  const data = new Uint8Array(2);
  for (const key of Object.keys(flags) as (keyof RequestFlags)[]) {
    writeNumberField(data, S[key], flags[key] ? 1 : 0, key);
  }
  const decoded = decodeRequests35C(data);
  if (decoded.status !== 'ok') {
    throw new Error('unreachable: a 2-byte 0x35C always decodes');
  }
  return decoded.value;
}
