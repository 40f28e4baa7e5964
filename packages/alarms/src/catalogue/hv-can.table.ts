// HV CAN (SC1000 / SC0500 / Force) catalogue: 0x4250 status, error, alarm and protection words,
// 0x4280 forbidden marks and the 0x4290 fault-extension byte (protocol reference §1.4.5, §1.4.8,
// §1.4.9). One row per bit; catalogue.spec.ts checks the rows against @fleet/protocol's tables.
import type { AlarmLanguage } from './alarm-language.js';
import type { CatalogueEntry } from './catalogue-entry.js';
import { LIMITS_STEP_DE, SUPPORT_STEP_DE } from './condition-texts.de.js';
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

function tableC(kind: 'alarm' | 'protection', lang: AlarmLanguage): CatalogueEntry[] {
  const other = kind === 'alarm' ? 'protection' : 'alarm';
  const named = TABLE_C.map(([bit, protocolName, abbrev, condition, stem]) =>
    conditionEntry(
      {
        code: `hv.${kind}.${stem}`,
        word: `hv.4250.${kind}`,
        bit,
        kind,
        condition,
        confidence: 'confirmed',
        reference: '§1.4.5 table C',
        protocolName,
        counterpart: `hv.${other}.${stem}`,
        note: { en: `Vendor abbreviation ${abbrev}.`, de: `Herstellerkürzel ${abbrev}.` },
      },
      lang,
    ),
  );
  const reserved = [12, 13, 14, 15].map((bit) =>
    unknownBitEntry(`hv.${kind}.reserved_bit${bit}`, `hv.4250.${kind}`, bit, 'reserved', lang),
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

const errors = (lang: AlarmLanguage) =>
  TABLE_B.map(([bit, protocolName, condition, stem, severity]) =>
    conditionEntry(
      {
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
      },
      lang,
    ),
  );

const status = (lang: AlarmLanguage) => [
  statusEntry(
    {
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
      de: {
        title: 'Zwangsladeanforderung',
        meaning:
          'Das BMS fordert den Wechselrichter auf, den Strang jetzt zu laden (Zwangsladung). Der SC1000-100S versorgt sich selbst aus dem Strang (Produktseite), ein leerer Strang, der nicht geladen wird, entlädt sich daher weiter.',
        causes: [
          'SOC sehr niedrig.',
          'Der Wechselrichter hat den Strang nicht geladen (kein PV, Netzladung ausgeschaltet).',
        ],
        firstSteps: [
          'Sehen Sie sich den SOC und seinen Verlauf an.',
          'Stellen Sie sicher, dass der Wechselrichter die Batterie laden darf (falls nötig aus dem Netz), bis die Anforderung erlischt.',
        ],
      },
    },
    lang,
  ),
  statusEntry(
    {
      code: 'hv.status.balance_charge_request',
      word: 'hv.4250.status',
      bit: 4,
      title: 'Balance-charge request',
      meaning: 'the BMS asks for a full charge so it can balance the cells.',
      causes: [
        'The string has not been fully charged for a long time (§6: full charge about every 3 months).',
      ],
      firstSteps: [
        'Let the inverter charge the string to 100 % SOC and hold it there until the request clears.',
      ],
      confidence: 'confirmed',
      reference: '§1.4.5 table A',
      protocolName: 'balanceChargeRequest',
      opensAlarm: true,
      de: {
        title: 'Ausgleichsladeanforderung',
        meaning: 'Das BMS fordert eine Vollladung an, um die Zellen ausgleichen zu können.',
        causes: ['Der Strang wurde lange nicht vollständig geladen (§6: Vollladung etwa alle 3 Monate).'],
        firstSteps: [
          'Lassen Sie den Wechselrichter den Strang auf 100 % SOC laden und dort halten, bis die Anforderung erlischt.',
        ],
      },
    },
    lang,
  ),
  ...[5, 6, 7].map((bit) =>
    unknownBitEntry(`hv.status.reserved_bit${bit}`, 'hv.4250.status', bit, 'reserved', lang),
  ),
];

const forbidden = (lang: AlarmLanguage) =>
  (['charge', 'discharge'] as const).map((direction, bit) =>
    statusEntry(
      {
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
        de: {
          title: `${direction === 'charge' ? 'Laden' : 'Entladen'} gesperrt`,
          meaning: `Das BMS markiert das ${direction === 'charge' ? 'Laden' : 'Entladen'} als gesperrt (Byte ${bit} = 0xAA). Wird mit den Alarm- und Schutzwörtern aufgezeichnet, die es erklären; für sich allein kein Alarm.`,
          causes: [
            direction === 'charge'
              ? 'Der Strang ist voll, oder ein Schutz wegen Überspannung, Temperatur oder Strom ist aktiv.'
              : 'Der Strang ist leer, oder ein Schutz wegen Unterspannung, Temperatur oder Strom ist aktiv.',
          ],
          firstSteps: ['Sehen Sie sich die Schutz- und Alarmwörter desselben Messwerts an.', LIMITS_STEP_DE],
        },
      },
      lang,
    ),
  );

const FAULT_CANDIDATES =
  'shutdown (switch-off) circuit, BMIC, internal bus, power-on self-test, safety function';
const FAULT_CANDIDATES_DE =
  'Abschaltkreis, BMIC, interner Bus, Selbsttest beim Einschalten, Sicherheitsfunktion';

const faultExtension = (lang: AlarmLanguage) =>
  Array.from({ length: 8 }, (_, bit) =>
    statusEntry(
      {
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
        de: {
          title: `Fehlererweiterung Bit ${bit} (Bezeichnung ungeklärt)`,
          meaning: `Fehler: Das BMS hat Bit ${bit} des Fehlererweiterungs-Bytes 0x4290 gesetzt. Das Byte führt weitere BMS-Fehler (${FAULT_CANDIDATES_DE}), aber die Quellen sind sich über die Reihenfolge der Bits uneinig (§1.4.9 ⚠), daher bleibt unbekannt, welcher es ist; Rohwert aufbewahrt.`,
          causes: [`Eines davon gestört: ${FAULT_CANDIDATES_DE}.`],
          firstSteps: [
            'Sehen Sie sich das Fehlerbyte desselben Messwerts an (Bit 7 „sonstiger Fehler“ verweist hierher).',
            'Starten Sie das BMS mit einem langen Druck auf seine Reset-Taste neu (Produktseite).',
            SUPPORT_STEP_DE,
          ],
        },
      },
      lang,
    ),
  );

/** Every HV CAN entry, with its texts in `lang`. */
export function hvCanEntries(lang: AlarmLanguage): CatalogueEntry[] {
  return [
    ...tableC('protection', lang),
    ...tableC('alarm', lang),
    ...errors(lang),
    ...status(lang),
    ...forbidden(lang),
    ...faultExtension(lang),
  ];
}

export const HV_CAN_ENTRIES: readonly CatalogueEntry[] = hvCanEntries('en');
