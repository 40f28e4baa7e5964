// LV "Pylon" CAN catalogue: 0x359 protection and alarm flags (protocol reference §2.2) and the
// 0x35A alarm/warning bytes of "V1.3" firmware (§2.1), whose bits no source documents for
// Pylontech. Bits of the alarm word count from bit 0 of byte 2.
import type { AlarmLanguage, Localized } from './alarm-language.js';
import type { CatalogueEntry } from './catalogue-entry.js';
import type { ConditionKey } from './condition-texts.js';
import { conditionEntry, unknownBitEntry } from './entry-builders.js';

const CONFLICT: Localized = {
  en: 'Sources disagree whether this flag sits at bit 3 (three sources) or bit 7 (two) of its byte (§2.2 ⚠); both bits are catalogued, bit 3 is the majority.',
  de: 'Die Quellen sind uneinig, ob dieses Flag auf Bit 3 (drei Quellen) oder Bit 7 (zwei) seines Bytes liegt (§2.2 ⚠); beide Bits sind katalogisiert, Bit 3 ist die Mehrheit.',
};

/** bit, protocol field (flags-359.codec.ts), condition, code stem, counterpart stem, conflicting. */
type Row = [number, string, ConditionKey, string, string | null, boolean];

const PROTECTION: readonly Row[] = [
  [1, 'cellOverVoltage', 'cellHighVoltage', 'cell_over_voltage', 'cell_high_voltage', false],
  [2, 'cellUnderVoltage', 'cellLowVoltage', 'cell_under_voltage', 'cell_low_voltage', false],
  [3, 'cellOverTemperature', 'cellHighTemperature', 'cell_over_temperature', 'cell_high_temperature', false],
  [4, 'cellUnderTemperature', 'cellLowTemperature', 'cell_under_temperature', 'cell_low_temperature', false],
  [
    7,
    'dischargeOverCurrent',
    'dischargeOverCurrent',
    'discharge_over_current',
    'discharge_high_current',
    false,
  ],
  [8, 'chargeOverCurrent', 'chargeOverCurrent', 'charge_over_current', 'charge_high_current', false],
  [11, 'systemErrorBit3', 'systemError', 'system_error_bit3', null, true],
  [15, 'systemErrorBit7', 'systemError', 'system_error_bit7', null, true],
];

const ALARM: readonly Row[] = [
  [1, 'cellHighVoltage', 'cellHighVoltage', 'cell_high_voltage', 'cell_over_voltage', false],
  [2, 'cellLowVoltage', 'cellLowVoltage', 'cell_low_voltage', 'cell_under_voltage', false],
  [3, 'cellHighTemperature', 'cellHighTemperature', 'cell_high_temperature', 'cell_over_temperature', false],
  [4, 'cellLowTemperature', 'cellLowTemperature', 'cell_low_temperature', 'cell_under_temperature', false],
  [
    7,
    'dischargeHighCurrent',
    'dischargeOverCurrent',
    'discharge_high_current',
    'discharge_over_current',
    false,
  ],
  [8, 'chargeHighCurrent', 'chargeOverCurrent', 'charge_high_current', 'charge_over_current', false],
  [11, 'internalCommFailureBit3', 'internalCommunicationError', 'internal_comm_failure_bit3', null, true],
  [15, 'internalCommFailureBit7', 'internalCommunicationError', 'internal_comm_failure_bit7', null, true],
];

function flags(kind: 'protection' | 'alarm', rows: readonly Row[], lang: AlarmLanguage): CatalogueEntry[] {
  const other = kind === 'protection' ? 'alarm' : 'protection';
  const word = `lv.359.${kind}`;
  const named = rows.map(([bit, protocolName, condition, stem, counterpart, conflicting]) =>
    conditionEntry(
      {
        code: `lv.${kind}.${stem}`,
        word,
        bit,
        kind,
        condition,
        confidence: conflicting ? 'conflicting' : 'confirmed',
        reference: '§2.2 0x359',
        protocolName,
        ...(counterpart ? { counterpart: `lv.${other}.${counterpart}` } : {}),
        ...(conflicting ? { note: CONFLICT } : {}),
      },
      lang,
    ),
  );
  const namedBits = new Set(rows.map(([bit]) => bit));
  const rest = Array.from({ length: 16 }, (_, bit) => bit)
    .filter((bit) => !namedBits.has(bit))
    .map((bit) => {
      // Byte 0 bits 0, 5, 6 are documented as unused (§2.2); the others are simply not mentioned.
      const status = kind === 'protection' && [0, 5, 6].includes(bit) ? 'unused' : 'undocumented';
      return unknownBitEntry(`lv.${kind}.${status}_bit${bit}`, word, bit, status, lang);
    });
  return [...named, ...rest];
}

const alarms35a = (lang: AlarmLanguage) =>
  Array.from({ length: 8 }, (_, byte) =>
    Array.from({ length: 8 }, (_, bit) =>
      unknownBitEntry(`lv.alarm_35a.byte${byte}_bit${bit}`, `lv.35a.byte${byte}`, bit, 'undocumented', lang),
    ),
  ).flat();

/** Every LV CAN entry, with its texts in `lang`. */
export function lvCanEntries(lang: AlarmLanguage): CatalogueEntry[] {
  return [...flags('protection', PROTECTION, lang), ...flags('alarm', ALARM, lang), ...alarms35a(lang)];
}

export const LV_CAN_ENTRIES: readonly CatalogueEntry[] = lvCanEntries('en');
