// 0x351 — charge/discharge limits (protocol reference §2.2). DLC 8; some senders stop after
// 6 bytes, without the discharge voltage limit, which then decodes to null.
// ⚠ Discharge current limit: real Pylontech frames carry it positive, one emulator build sent
// it negative; it is decoded signed and passed on as sent.
import { corrupt, type DecodeResult, ok } from '../bytes/decode-result.js';
import { type CanMessageDefinition, signal } from '../dbc/can-signal.js';
import { readNumberField, writeNumberField } from '../dbc/signal-access.js';

export interface Limits351 {
  chargeVoltageLimitDv: number;
  chargeCurrentLimitDa: number;
  dischargeCurrentLimitDa: number;
  /** null when the sender used the 6-byte form. */
  dischargeVoltageLimitDv: number | null;
}

const SECTION = '§2.2 0x351';
const S = {
  chargeVoltageLimitDv: signal({
    name: 'ChargeVoltageLimit',
    field: 'chargeVoltageLimitDv',
    startByte: 0,
    bits: 16,
    scale: 0.1,
    unit: 'V',
    section: SECTION,
    confidence: 'confirmed',
  }),
  chargeCurrentLimitDa: signal({
    name: 'ChargeCurrentLimit',
    field: 'chargeCurrentLimitDa',
    startByte: 2,
    bits: 16,
    signed: true,
    scale: 0.1,
    unit: 'A',
    section: SECTION,
    confidence: 'confirmed',
  }),
  dischargeCurrentLimitDa: signal({
    name: 'DischargeCurrentLimit',
    field: 'dischargeCurrentLimitDa',
    startByte: 4,
    bits: 16,
    signed: true,
    scale: 0.1,
    unit: 'A',
    section: SECTION,
    confidence: 'conflicting',
    comment: 'positive in real Pylontech frames; one emulator sent it negative; decoded signed',
  }),
  dischargeVoltageLimitDv: signal({
    name: 'DischargeVoltageLimit',
    field: 'dischargeVoltageLimitDv',
    startByte: 6,
    bits: 16,
    scale: 0.1,
    unit: 'V',
    section: SECTION,
    confidence: 'confirmed',
    comment: 'absent when a sender uses the 6-byte form',
  }),
};

export const LIMITS_351: CanMessageDefinition = {
  name: 'LV_351_Limits',
  id: 0x351,
  extended: false,
  dlc: 8,
  sender: 'BMS',
  addressed: false,
  section: SECTION,
  comment: 'Charge voltage, charge/discharge current and discharge voltage limits. Some senders send DLC 6.',
  signals: Object.values(S),
};

export function decodeLimits351(data: Uint8Array): DecodeResult<Limits351> {
  if (data.length !== 8 && data.length !== 6) {
    return corrupt(`0x351: expected 8 (or 6) data bytes, got ${data.length}`);
  }
  return ok({
    chargeVoltageLimitDv: readNumberField(data, S.chargeVoltageLimitDv),
    chargeCurrentLimitDa: readNumberField(data, S.chargeCurrentLimitDa),
    dischargeCurrentLimitDa: readNumberField(data, S.dischargeCurrentLimitDa),
    dischargeVoltageLimitDv: data.length === 8 ? readNumberField(data, S.dischargeVoltageLimitDv) : null,
  });
}

export function encodeLimits351(value: Limits351): Uint8Array {
  const data = new Uint8Array(value.dischargeVoltageLimitDv === null ? 6 : 8);
  writeNumberField(data, S.chargeVoltageLimitDv, value.chargeVoltageLimitDv, 'chargeVoltageLimitDv');
  writeNumberField(data, S.chargeCurrentLimitDa, value.chargeCurrentLimitDa, 'chargeCurrentLimitDa');
  writeNumberField(data, S.dischargeCurrentLimitDa, value.dischargeCurrentLimitDa, 'dischargeCurrentLimitDa');
  if (value.dischargeVoltageLimitDv !== null) {
    writeNumberField(
      data,
      S.dischargeVoltageLimitDv,
      value.dischargeVoltageLimitDv,
      'dischargeVoltageLimitDv',
    );
  }
  return data;
}
