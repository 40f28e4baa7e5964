// HV CAN (SC1000 / SC0500 / Force) catalogue: 0x4250 status, error, alarm and protection words,
// 0x4280 forbidden marks and the 0x4290 fault-extension byte (protocol reference §1.4.5, §1.4.8,
// §1.4.9). One row per bit; catalogue.spec.ts checks the rows against @fleet/protocol's tables.
import type { CatalogueEntry } from './catalogue-entry.js';
import type { ConditionKey } from './condition-texts.js';
import { LIMITS_STEP, SUPPORT_STEP } from './condition-texts.js';
import { conditionEntry, statusEntry, unknownBitEntry } from './entry-builders.js';

/** Table C: bit, protocol name (status-flags.table.ts), vendor abbreviation, condition, code stem. */
const TABLE_C: readonly [number, string, string, ConditionKey, string][] = [
  [0, 'cellLowVoltage', 'BLV', 'cellLowVoltage', 'cell_low_voltage'],
  [1, 'cellHighVoltage', 'BHV', 'cellHighVoltage', 'cell_high_voltage'],
  [2, 'packLowVoltage', 'PLV', 'packLowVoltage', 'pack_low_voltage'],
  [3, 'packHighVoltage', 'PHV', 'packHighVoltage', 'pack_high_voltage'],
  [4, 'chargeCellLowTemp', 'CLT', 'chargeLowTemperature', 'charge_low_temperature'],
  [5, 'chargeCellHighTemp', 'CHT', 'chargeHighTemperature', 'charge_high_temperature'],
  [6, 'dischargeCellLowTemp', 'DLT', 'dischargeLowTemperature', 'discharge_low_temperature'],
  [7, 'dischargeCellHighTemp', 'DHT', 'dischargeHighTemperature', 'discharge_high_temperature'],
  [8, 'chargeOverCurrent', 'COCA', 'chargeOverCurrent', 'charge_over_current'],
  [9, 'dischargeOverCurrent', 'DOCA', 'dischargeOverCurrent', 'discharge_over_current'],
  [10, 'moduleLowVoltage', 'MLV', 'moduleLowVoltage', 'module_low_voltage'],
  [11, 'moduleHighVoltage', 'MHV', 'moduleHighVoltage', 'module_high_voltage'],
];

function tableC(kind: 'alarm' | 'protection'): CatalogueEntry[] {
  const other = kind === 'alarm' ? 'protection' : 'alarm';
  const named = TABLE_C.map(([bit, protocolName, abbrev, condition, stem]) =>
    conditionEntry({
      code: `hv.${kind}.${stem}`,
      word: `hv.4250.${kind}`,
      bit,
      kind,
      condition,
      confidence: 'confirmed',
      reference: '§1.4.5 table C',
      protocolName,
      counterpart: `hv.${other}.${stem}`,
      note: `Vendor abbreviation ${abbrev}.`,
    }),
  );
  const reserved = [12, 13, 14, 15].map((bit) =>
    unknownBitEntry(`hv.${kind}.reserved_bit${bit}`, `hv.4250.${kind}`, bit, 'reserved'),
  );
  return [...named, ...reserved];
}

/** Table B: bit, protocol name, condition, code stem, severity. */
const TABLE_B: readonly [number, string, ConditionKey, string, 'critical' | 'major'][] = [
  [0, 'voltageSensorError', 'voltageSensorError', 'voltage_sensor', 'major'],
  [1, 'temperatureSensorError', 'temperatureSensorError', 'temperature_sensor', 'major'],
  [2, 'internalCommunicationError', 'internalCommunicationError', 'internal_communication', 'major'],
  [3, 'inputOverVoltageError', 'inputOverVoltageError', 'input_over_voltage', 'critical'],
  [4, 'inputReversePolarityError', 'inputReversePolarityError', 'input_reverse_polarity', 'critical'],
  [5, 'relayCheckError', 'relayCheckError', 'relay_check', 'critical'],
  [6, 'batteryDamageError', 'batteryDamageError', 'battery_damage', 'critical'],
  [7, 'otherError', 'otherError', 'other', 'major'],
];

const ERRORS = TABLE_B.map(([bit, protocolName, condition, stem, severity]) =>
  conditionEntry({
    code: `hv.error.${stem}`,
    word: 'hv.4250.error',
    bit,
    kind: 'error',
    condition,
    severity,
    // Bit 7 rests on one source (DIY-HV; B2I sets it too), the rest on two or more.
    confidence: bit === 7 ? 'single-source' : 'confirmed',
    reference: '§1.4.5 table B',
    protocolName,
  }),
);

const STATUS = [
  statusEntry({
    code: 'hv.status.force_charge_request',
    word: 'hv.4250.status',
    bit: 3,
    title: 'Force-charge request',
    meaning:
      'the BMS asks the inverter to charge the string now (force charge). The SC1000-100S powers itself from the string (product page), so an empty string left uncharged keeps draining.',
    causes: ['SOC very low.', 'The inverter has not charged the string (no PV, grid charging disabled).'],
    firstSteps: [
      'Look at SOC and its trend.',
      'Make sure the inverter may charge the battery (from grid if needed) until the request clears.',
    ],
    confidence: 'confirmed',
    reference: '§1.4.5 table A',
    protocolName: 'forceChargeRequest',
    severity: 'warning',
    opensAlarm: true,
  }),
  statusEntry({
    code: 'hv.status.balance_charge_request',
    word: 'hv.4250.status',
    bit: 4,
    title: 'Balance-charge request',
    meaning: 'the BMS asks for a full charge so it can balance the cells.',
    causes: ['The string has not been fully charged for a long time (§6: full charge about every 3 months).'],
    firstSteps: [
      'Let the inverter charge the string to 100 % SOC and hold it there until the request clears.',
    ],
    confidence: 'confirmed',
    reference: '§1.4.5 table A',
    protocolName: 'balanceChargeRequest',
    opensAlarm: true,
  }),
  ...[5, 6, 7].map((bit) =>
    unknownBitEntry(`hv.status.reserved_bit${bit}`, 'hv.4250.status', bit, 'reserved'),
  ),
];

const FORBIDDEN = (['charge', 'discharge'] as const).map((direction, bit) =>
  statusEntry({
    code: `hv.forbidden.${direction}`,
    word: 'hv.4280.forbidden',
    bit,
    title: `${direction === 'charge' ? 'Charging' : 'Discharging'} forbidden`,
    meaning: `the BMS marks ${direction === 'charge' ? 'charging' : 'discharging'} as forbidden (byte ${bit} = 0xAA). Recorded with the alarm and protection words that explain it; not an alarm on its own.`,
    causes: [
      direction === 'charge'
        ? 'The string is full, or a high-voltage / temperature / current protection is active.'
        : 'The string is empty, or a low-voltage / temperature / current protection is active.',
    ],
    firstSteps: ['Look at the protection and alarm words of the same reading.', LIMITS_STEP],
    confidence: 'confirmed',
    reference: '§1.4.8',
    protocolName: `${direction}Forbidden`,
    opensAlarm: false,
  }),
);

const FAULT_CANDIDATES =
  'shutdown (switch-off) circuit, BMIC, internal bus, power-on self-test, safety function';

const FAULT_EXTENSION = Array.from({ length: 8 }, (_, bit) =>
  statusEntry({
    code: `hv.fault_ext.bit${bit}`,
    word: 'hv.4290.fault_ext',
    bit,
    kind: 'error',
    severity: 'major',
    title: `Fault extension bit ${bit} (label unresolved)`,
    meaning: `Fault: the BMS set bit ${bit} of the 0x4290 fault-extension byte. The byte lists further BMS faults (${FAULT_CANDIDATES}), but the sources disagree on the bit order (§1.4.9 ⚠), so which one this is stays unknown; raw kept.`,
    causes: [`One of: ${FAULT_CANDIDATES} abnormal.`],
    firstSteps: [
      'Look at the error byte of the same reading (bit 7 "other error" points here).',
      'Restart the BMS with a long press on its Reset button (product page).',
      SUPPORT_STEP,
    ],
    confidence: 'conflicting',
    reference: '§1.4.9',
    opensAlarm: true,
  }),
);

export const HV_CAN_ENTRIES: readonly CatalogueEntry[] = [
  ...tableC('protection'),
  ...tableC('alarm'),
  ...ERRORS,
  ...STATUS,
  ...FORBIDDEN,
  ...FAULT_EXTENSION,
];
