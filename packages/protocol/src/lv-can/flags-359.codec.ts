// 0x359 — protection and alarm flags, module count, "PN" marker (protocol reference §2.2),
// DLC 7. Bytes 0-1 are protection bits, bytes 2-3 alarm bits; the raw words are the message and
// the named flags are views of them, so a re-labelled bit never loses history.
// ⚠ "System error" (protection byte 1) and "internal communication failure" (alarm byte 3) sit
// at bit 3 in three sources and bit 7 in two: both readings are decoded, `systemError` and
// `internalCommFailure` follow the bit-3 majority.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { type CanMessageDefinition, type CanSignal, flagSignal, signal } from '../dbc/can-signal.js';
import { readFlag, readNumberField, writeNumberField } from '../dbc/signal-access.js';

const SECTION = '§2.2 0x359';

function flags<const T extends Record<string, { bit: number; name: string; conflicting?: boolean }>>(
  group: 'protections' | 'alarms',
  table: T,
): { [K in keyof T]: CanSignal } {
  const out: Record<string, CanSignal> = {};
  for (const [field, { bit, name, conflicting }] of Object.entries(table)) {
    out[field] = flagSignal({
      name,
      field: `${group}.${field}`,
      bit,
      section: SECTION,
      confidence: conflicting ? 'conflicting' : 'confirmed',
      ...(conflicting ? { comment: 'bit 3 (3 sources) vs bit 7 (2 sources): both decoded' } : {}),
    });
  }
  return out as { [K in keyof T]: CanSignal };
}

/** Bit numbers count from bit 0 of byte 0 (protection) and of byte 2 (alarm = bit 16 on). */
const PROTECTION = flags('protections', {
  cellOverVoltage: { bit: 1, name: 'ProtCellOverVoltage' },
  cellUnderVoltage: { bit: 2, name: 'ProtCellUnderVoltage' },
  cellOverTemperature: { bit: 3, name: 'ProtCellOverTemperature' },
  cellUnderTemperature: { bit: 4, name: 'ProtCellUnderTemperature' },
  dischargeOverCurrent: { bit: 7, name: 'ProtDischargeOverCurrent' },
  chargeOverCurrent: { bit: 8, name: 'ProtChargeOverCurrent' },
  systemErrorBit3: { bit: 11, name: 'ProtSystemErrorBit3', conflicting: true },
  systemErrorBit7: { bit: 15, name: 'ProtSystemErrorBit7', conflicting: true },
});
const ALARM = flags('alarms', {
  cellHighVoltage: { bit: 17, name: 'AlarmCellHighVoltage' },
  cellLowVoltage: { bit: 18, name: 'AlarmCellLowVoltage' },
  cellHighTemperature: { bit: 19, name: 'AlarmCellHighTemperature' },
  cellLowTemperature: { bit: 20, name: 'AlarmCellLowTemperature' },
  dischargeHighCurrent: { bit: 23, name: 'AlarmDischargeHighCurrent' },
  chargeHighCurrent: { bit: 24, name: 'AlarmChargeHighCurrent' },
  internalCommFailureBit3: { bit: 27, name: 'AlarmInternalCommFailBit3', conflicting: true },
  internalCommFailureBit7: { bit: 31, name: 'AlarmInternalCommFailBit7', conflicting: true },
});
const RAW = {
  protectionRaw: signal({
    name: 'ProtectionRaw',
    field: 'protectionRaw',
    startByte: 0,
    bits: 16,
    section: SECTION,
    confidence: 'confirmed',
    comment: 'bytes 0-1 as sent (bits 0, 5, 6 and the undefined bits included)',
  }),
  alarmRaw: signal({
    name: 'AlarmRaw',
    field: 'alarmRaw',
    startByte: 2,
    bits: 16,
    section: SECTION,
    confidence: 'confirmed',
    comment: 'bytes 2-3 as sent',
  }),
  moduleCount: signal({
    name: 'ModuleCount',
    field: 'moduleCount',
    startByte: 4,
    bits: 8,
    section: SECTION,
    confidence: 'confirmed',
  }),
  markerRaw: signal({
    name: 'MarkerRaw',
    field: 'markerRaw',
    startByte: 5,
    bits: 16,
    section: SECTION,
    confidence: 'confirmed',
    comment: "ASCII 'P','N' (0x4E50) from Pylontech; Pytes sends 'P','Y'",
  }),
};

export type LvProtectionFlags = Record<keyof typeof PROTECTION, boolean>;
export type LvAlarmFlags = Record<keyof typeof ALARM, boolean>;

export interface Flags359 {
  protectionRaw: number;
  alarmRaw: number;
  protections: LvProtectionFlags;
  alarms: LvAlarmFlags;
  /** Bit-3 reading of the ⚠ system-error bit (majority of sources). */
  systemError: boolean;
  /** Bit-3 reading of the ⚠ internal-communication-failure bit. */
  internalCommFailure: boolean;
  moduleCount: number;
  /** Bytes 5-6 as a u16 LE; the encoder writes this. */
  markerRaw: number;
  /** Bytes 5-6 as text ("PN"); non-printable bytes become U+FFFD. */
  marker: string;
}

export const FLAGS_359: CanMessageDefinition = {
  name: 'LV_359_Flags',
  id: 0x359,
  extended: false,
  dlc: 7,
  sender: 'BMS',
  addressed: false,
  section: SECTION,
  comment: 'Protection (bytes 0-1) and alarm (bytes 2-3) flags, module count, marker "PN".',
  signals: [...Object.values(PROTECTION), ...Object.values(ALARM), ...Object.values(RAW)],
};

function readGroup<T extends Record<string, CanSignal>>(
  data: Uint8Array,
  group: T,
): Record<keyof T, boolean> {
  const out: Record<string, boolean> = {};
  for (const [name, sig] of Object.entries(group)) {
    out[name] = readFlag(data, sig);
  }
  return out as Record<keyof T, boolean>;
}

function char(byte: number): string {
  return byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '\uFFFD';
}

export function decodeFlags359(data: Uint8Array): DecodeResult<Flags359> {
  return withLength(data, 7, '0x359', (d) => {
    const protections = readGroup(d, PROTECTION);
    const alarms = readGroup(d, ALARM);
    return {
      protectionRaw: readNumberField(d, RAW.protectionRaw),
      alarmRaw: readNumberField(d, RAW.alarmRaw),
      protections,
      alarms,
      systemError: protections.systemErrorBit3,
      internalCommFailure: alarms.internalCommFailureBit3,
      moduleCount: readNumberField(d, RAW.moduleCount),
      markerRaw: readNumberField(d, RAW.markerRaw),
      marker: char(d[5] ?? 0) + char(d[6] ?? 0),
    };
  });
}

/** Writes the raw words, module count and marker; the named flags are derived, not written. */
export function encodeFlags359(
  value: Pick<Flags359, 'protectionRaw' | 'alarmRaw' | 'moduleCount' | 'markerRaw'>,
) {
  const data = new Uint8Array(7);
  writeNumberField(data, RAW.protectionRaw, value.protectionRaw, 'protectionRaw');
  writeNumberField(data, RAW.alarmRaw, value.alarmRaw, 'alarmRaw');
  writeNumberField(data, RAW.moduleCount, value.moduleCount, 'moduleCount');
  writeNumberField(data, RAW.markerRaw, value.markerRaw, 'markerRaw');
  return data;
}

/** Bits 3 and 7 of the conflicting pair are set from the one `systemError` / `internalCommFailure`. */
export interface Flags359Input {
  protections?: Partial<Omit<LvProtectionFlags, 'systemErrorBit3' | 'systemErrorBit7'>>;
  alarms?: Partial<Omit<LvAlarmFlags, 'internalCommFailureBit3' | 'internalCommFailureBit7'>>;
  systemError?: boolean;
  internalCommFailure?: boolean;
  moduleCount: number;
  /** Which reading of the ⚠ bit a sender uses; 3 is the majority. */
  conflictBit?: 3 | 7;
}

/** Builds a complete message from named flags, with the Pylontech "PN" marker. */
export function flags359(input: Flags359Input): Flags359 {
  const bit7 = input.conflictBit === 7;
  const protections: Record<string, boolean | undefined> = {
    ...input.protections,
    systemErrorBit3: !bit7 && input.systemError,
    systemErrorBit7: bit7 && input.systemError,
  };
  const alarms: Record<string, boolean | undefined> = {
    ...input.alarms,
    internalCommFailureBit3: !bit7 && input.internalCommFailure,
    internalCommFailureBit7: bit7 && input.internalCommFailure,
  };
  const data = new Uint8Array(7);
  for (const [name, sig] of Object.entries(PROTECTION)) {
    writeNumberField(data, sig, protections[name] ? 1 : 0, name);
  }
  for (const [name, sig] of Object.entries(ALARM)) {
    writeNumberField(data, sig, alarms[name] ? 1 : 0, name);
  }
  writeNumberField(data, RAW.moduleCount, input.moduleCount, 'moduleCount');
  data[5] = 0x50;
  data[6] = 0x4e;
  const decoded = decodeFlags359(data);
  if (decoded.status !== 'ok') {
    throw new Error('unreachable: a 7-byte 0x359 always decodes');
  }
  return decoded.value;
}
