// 0x355 — SOC / SOH (protocol reference §2.2). DLC 4; "V1.3" firmware sends 6 bytes with an
// extra u16 whose meaning is provisional (0 in the only real sample), kept raw.
import { corrupt, type DecodeResult, ok } from '../bytes/decode-result.js';
import { type CanMessageDefinition, signal } from '../dbc/can-signal.js';
import { readNumberField, writeNumberField } from '../dbc/signal-access.js';

export interface SocSoh355 {
  socPct: number;
  sohPct: number;
  /** Bytes 4-5 of the 6-byte form, or null for the 4-byte form. Meaning ✔1 / unknown. */
  extraRaw: number | null;
}

const SECTION = '§2.2 0x355';
const S = {
  socPct: signal({
    name: 'SOC',
    field: 'socPct',
    startByte: 0,
    bits: 16,
    unit: '%',
    section: SECTION,
    confidence: 'confirmed',
  }),
  sohPct: signal({
    name: 'SOH',
    field: 'sohPct',
    startByte: 2,
    bits: 16,
    unit: '%',
    section: SECTION,
    confidence: 'confirmed',
  }),
  extraRaw: signal({
    name: 'ExtraRaw',
    field: 'extraRaw',
    startByte: 4,
    bits: 16,
    section: SECTION,
    confidence: 'unknown',
    comment: '6-byte (V1.3) form only; meaning unknown, kept raw',
  }),
};

export const SOC_SOH_355: CanMessageDefinition = {
  name: 'LV_355_SocSoh',
  id: 0x355,
  extended: false,
  dlc: 6,
  sender: 'BMS',
  addressed: false,
  section: SECTION,
  comment: 'State of charge and health. DLC 4 on older firmware, 6 on V1.3 (ExtraRaw present).',
  signals: Object.values(S),
};

export function decodeSocSoh355(data: Uint8Array): DecodeResult<SocSoh355> {
  if (data.length !== 4 && data.length !== 6) {
    return corrupt(`0x355: expected 4 or 6 data bytes, got ${data.length}`);
  }
  return ok({
    socPct: readNumberField(data, S.socPct),
    sohPct: readNumberField(data, S.sohPct),
    extraRaw: data.length === 6 ? readNumberField(data, S.extraRaw) : null,
  });
}

export function encodeSocSoh355(value: SocSoh355): Uint8Array {
  const data = new Uint8Array(value.extraRaw === null ? 4 : 6);
  writeNumberField(data, S.socPct, value.socPct, 'socPct');
  writeNumberField(data, S.sohPct, value.sohPct, 'sohPct');
  if (value.extraRaw !== null) {
    writeNumberField(data, S.extraRaw, value.extraRaw, 'extraRaw');
  }
  return data;
}
