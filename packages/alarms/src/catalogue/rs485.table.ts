// RS485 ASCII (V3.3) catalogue: the 0x44 alarm-info Status 1-5 bytes and the 0x92 status byte
// (protocol reference §3.6). Status 1 is labelled protection states by the PDF (one source).
import type { AlarmLanguage } from './alarm-language.js';
import type { CatalogueEntry, Confidence } from './catalogue-entry.js';
import { FULL_CHARGE_STEP_DE, SUPPORT_STEP_DE } from './condition-texts.de.js';
import type { ConditionKey } from './condition-texts.js';
import { FULL_CHARGE_STEP, SUPPORT_STEP } from './condition-texts.js';
import { conditionEntry, statusEntry, unknownBitEntry } from './entry-builders.js';

const STATUS1: readonly [number, string, ConditionKey, string][] = [
  [0, 'moduleOverVoltage', 'moduleHighVoltage', 'module_over_voltage'],
  [1, 'cellUnderVoltage', 'cellLowVoltage', 'cell_under_voltage'],
  [2, 'chargeOverCurrent', 'chargeOverCurrent', 'charge_over_current'],
  [4, 'dischargeOverCurrent', 'dischargeOverCurrent', 'discharge_over_current'],
  [5, 'dischargeOverTemperature', 'dischargeHighTemperature', 'discharge_over_temperature'],
  [6, 'chargeOverTemperature', 'chargeHighTemperature', 'charge_over_temperature'],
  [7, 'moduleUnderVoltage', 'moduleLowVoltage', 'module_under_voltage'],
];

const protections = (lang: AlarmLanguage) => [
  ...STATUS1.map(([bit, protocolName, condition, stem]) =>
    conditionEntry(
      {
        code: `rs485.protection.${stem}`,
        word: 'rs485.44.status1',
        bit,
        kind: 'protection',
        condition,
        confidence: 'single-source',
        reference: '§3.6 0x44 Status 1',
        protocolName,
      },
      lang,
    ),
  ),
  unknownBitEntry('rs485.protection.unused_bit3', 'rs485.44.status1', 3, 'unused', lang),
];

interface StateRow {
  bit: number;
  protocolName: string;
  stem: string;
  title: string;
  meaning: string;
  confidence: Confidence;
  de: { title: string; meaning: string };
}

function states(
  word: string,
  group: string,
  reference: string,
  rows: readonly StateRow[],
  lang: AlarmLanguage,
): CatalogueEntry[] {
  const named = rows.map((row) =>
    statusEntry(
      {
        code: `rs485.${group}.${row.stem}`,
        word,
        bit: row.bit,
        title: row.title,
        meaning: `${row.meaning} A state, recorded with the reading; not an alarm.`,
        causes: ['Normal operation.'],
        firstSteps: ['None needed; read it together with the protection states of the same reading.'],
        confidence: row.confidence,
        reference,
        protocolName: row.protocolName,
        opensAlarm: false,
        de: {
          title: row.de.title,
          meaning: `${row.de.meaning} Ein Zustand, der mit dem Messwert aufgezeichnet wird; kein Alarm.`,
          causes: ['Normaler Betrieb.'],
          firstSteps: ['Nichts zu tun; lesen Sie ihn zusammen mit den Schutzzuständen desselben Messwerts.'],
        },
      },
      lang,
    ),
  );
  const used = new Set(rows.map((r) => r.bit));
  const rest = Array.from({ length: 8 }, (_, bit) => bit)
    .filter((bit) => !used.has(bit))
    .map((bit) => unknownBitEntry(`rs485.${group}.undocumented_bit${bit}`, word, bit, 'undocumented', lang));
  return [...named, ...rest];
}

const switches = (lang: AlarmLanguage) =>
  states(
    'rs485.44.status2',
    'switch',
    '§3.6 0x44 Status 2',
    [
      {
        bit: 0,
        protocolName: 'preChargeMosfetOn',
        stem: 'pre_charge_mosfet_on',
        title: 'Pre-charge MOSFET on',
        meaning: 'the pre-charge MOSFET is on ("reserved" in the PDF).',
        confidence: 'single-source',
        de: {
          title: 'Vorlade-MOSFET ein',
          meaning: 'Der Vorlade-MOSFET ist eingeschaltet (im PDF „reserviert“).',
        },
      },
      {
        bit: 1,
        protocolName: 'chargeMosfetOn',
        stem: 'charge_mosfet_on',
        title: 'Charge MOSFET on',
        meaning: 'the charge MOSFET is on.',
        confidence: 'confirmed',
        de: { title: 'Lade-MOSFET ein', meaning: 'Der Lade-MOSFET ist eingeschaltet.' },
      },
      {
        bit: 2,
        protocolName: 'dischargeMosfetOn',
        stem: 'discharge_mosfet_on',
        title: 'Discharge MOSFET on',
        meaning: 'the discharge MOSFET is on.',
        confidence: 'confirmed',
        de: { title: 'Entlade-MOSFET ein', meaning: 'Der Entlade-MOSFET ist eingeschaltet.' },
      },
      {
        bit: 3,
        protocolName: 'usingBatteryModulePower',
        stem: 'using_module_power',
        title: 'Using battery-module power',
        meaning: 'the BMS runs on the battery module’s own power.',
        confidence: 'confirmed',
        de: {
          title: 'Versorgung aus dem Batteriemodul',
          meaning: 'Das BMS wird aus dem Batteriemodul selbst versorgt.',
        },
      },
    ],
    lang,
  );

const activity = (lang: AlarmLanguage) =>
  states(
    'rs485.44.status3',
    'activity',
    '§3.6 0x44 Status 3',
    [
      {
        bit: 0,
        protocolName: 'buzzerOn',
        stem: 'buzzer_on',
        title: 'Buzzer on',
        meaning: 'the module buzzer is sounding.',
        confidence: 'single-source',
        de: { title: 'Summer ein', meaning: 'Der Summer des Moduls ertönt.' },
      },
      {
        bit: 3,
        protocolName: 'fullyCharged',
        stem: 'fully_charged',
        title: 'Fully charged',
        meaning: 'the module is fully charged (SOC 100 %).',
        confidence: 'single-source',
        de: { title: 'Vollständig geladen', meaning: 'Das Modul ist vollständig geladen (SOC 100 %).' },
      },
      {
        bit: 5,
        protocolName: 'heaterOn',
        stem: 'heater_on',
        title: 'Heater on',
        meaning: 'the heater is on ("reserved" in the PDF).',
        confidence: 'single-source',
        de: { title: 'Heizung ein', meaning: 'Die Heizung ist eingeschaltet (im PDF „reserviert“).' },
      },
      {
        bit: 6,
        protocolName: 'effectiveDischargeCurrent',
        stem: 'discharging',
        title: 'Discharging',
        meaning: 'an effective discharge current flows (< −0.1 A).',
        confidence: 'single-source',
        de: { title: 'Entladen', meaning: 'Ein wirksamer Entladestrom fließt (< −0,1 A).' },
      },
      {
        bit: 7,
        protocolName: 'effectiveChargeCurrent',
        stem: 'charging',
        title: 'Charging',
        meaning: 'an effective charge current flows (> 0.1 A).',
        confidence: 'confirmed',
        de: { title: 'Laden', meaning: 'Ein wirksamer Ladestrom fließt (> 0,1 A).' },
      },
    ],
    lang,
  );

const cellFailures = (lang: AlarmLanguage) =>
  Array.from({ length: 16 }, (_, index) => {
    const cell = index + 1;
    return statusEntry(
      {
        code: `rs485.cell_failure.cell${String(cell).padStart(2, '0')}`,
        word: index < 8 ? 'rs485.44.status4' : 'rs485.44.status5',
        bit: index % 8,
        kind: 'error',
        severity: 'critical',
        title: `Cell ${cell} failure`,
        meaning: `Fault: cell ${cell} of the module reads above 4.2 V or below 1 V (the PDF's failure limits).`,
        causes: ['A failed cell, or a failed cell-voltage measurement.'],
        firstSteps: [
          `Look at cell ${cell} in a cell snapshot of the module.`,
          'Stop using the module until support has checked it.',
          SUPPORT_STEP,
        ],
        confidence: 'single-source',
        reference: '§3.6 0x44 Status 4/5',
        protocolName: `cellFailures.${index}`,
        opensAlarm: true,
        de: {
          title: `Ausfall Zelle ${cell}`,
          meaning: `Fehler: Zelle ${cell} des Moduls misst über 4,2 V oder unter 1 V (die Ausfallgrenzen des PDF).`,
          causes: ['Eine ausgefallene Zelle oder eine ausgefallene Zellspannungsmessung.'],
          firstSteps: [
            `Sehen Sie sich Zelle ${cell} in einer Zell-Momentaufnahme des Moduls an.`,
            'Nutzen Sie das Modul nicht weiter, bis der Support es geprüft hat.',
            SUPPORT_STEP_DE,
          ],
        },
      },
      lang,
    );
  });

const REQUEST_STEPS = ['Look at SOC and its trend.', 'Make sure the inverter may charge the battery now.'];
const REQUEST_STEPS_DE = [
  'Sehen Sie sich den SOC und seinen Verlauf an.',
  'Stellen Sie sicher, dass der Wechselrichter die Batterie jetzt laden darf.',
];

const chargeRequests = (lang: AlarmLanguage) => [
  statusEntry(
    {
      code: 'rs485.charge_mgmt.full_charge_request',
      word: 'rs485.92.status',
      bit: 3,
      title: 'Full-charge request',
      meaning: 'the battery asks for a full charge: SOC has not reached 97 % within 30 days (PDF note).',
      causes: ['The battery has not been charged to (nearly) full for 30 days.'],
      firstSteps: [FULL_CHARGE_STEP],
      confidence: 'confirmed',
      reference: '§3.6 0x92',
      protocolName: 'fullChargeRequest',
      opensAlarm: true,
      de: {
        title: 'Vollladeanforderung',
        meaning:
          'Die Batterie fordert eine Vollladung an: Der SOC hat innerhalb von 30 Tagen 97 % nicht erreicht (Hinweis im PDF).',
        causes: ['Die Batterie wurde 30 Tage lang nicht (annähernd) voll geladen.'],
        firstSteps: [FULL_CHARGE_STEP_DE],
      },
    },
    lang,
  ),
  statusEntry(
    {
      code: 'rs485.charge_mgmt.charge_immediately_2',
      word: 'rs485.92.status',
      bit: 4,
      title: 'Charge immediately (II)',
      meaning: 'the battery asks to be charged now (force charge II, set at SOC 9-13 % per the PDF).',
      causes: ['SOC low.'],
      firstSteps: REQUEST_STEPS,
      confidence: 'confirmed',
      reference: '§3.6 0x92',
      protocolName: 'chargeImmediately2',
      severity: 'warning',
      opensAlarm: true,
      de: {
        title: 'Sofort laden (II)',
        meaning:
          'Die Batterie fordert, jetzt geladen zu werden (Zwangsladung II, laut PDF bei SOC 9-13 % gesetzt).',
        causes: ['SOC niedrig.'],
        firstSteps: REQUEST_STEPS_DE,
      },
    },
    lang,
  ),
  statusEntry(
    {
      code: 'rs485.charge_mgmt.charge_immediately_1',
      word: 'rs485.92.status',
      bit: 5,
      title: 'Charge immediately (I)',
      meaning: 'the battery asks to be charged now (force charge I, set at SOC 5-9 % per the PDF).',
      causes: ['SOC very low.'],
      firstSteps: REQUEST_STEPS,
      confidence: 'confirmed',
      reference: '§3.6 0x92',
      protocolName: 'chargeImmediately1',
      severity: 'warning',
      opensAlarm: true,
      de: {
        title: 'Sofort laden (I)',
        meaning:
          'Die Batterie fordert, jetzt geladen zu werden (Zwangsladung I, laut PDF bei SOC 5-9 % gesetzt).',
        causes: ['SOC sehr niedrig.'],
        firstSteps: REQUEST_STEPS_DE,
      },
    },
    lang,
  ),
];

const chargeManagement = (lang: AlarmLanguage) => [
  ...chargeRequests(lang),
  ...(['discharge', 'charge'] as const).map((direction, i) =>
    statusEntry(
      {
        code: `rs485.charge_mgmt.${direction}_enable`,
        word: 'rs485.92.status',
        bit: 6 + i,
        title: `${direction === 'charge' ? 'Charge' : 'Discharge'} enabled`,
        meaning: `the battery allows ${direction === 'charge' ? 'charging' : 'discharging'}; a cleared bit means it is not allowed.`,
        causes: ['Normal operation.'],
        firstSteps: ['None needed.'],
        confidence: 'confirmed',
        reference: '§3.6 0x92',
        protocolName: `${direction}Enable`,
        opensAlarm: false,
        de: {
          title: `${direction === 'charge' ? 'Laden' : 'Entladen'} freigegeben`,
          meaning: `Die Batterie erlaubt das ${direction === 'charge' ? 'Laden' : 'Entladen'}; ein gelöschtes Bit heißt, es ist nicht erlaubt.`,
          causes: ['Normaler Betrieb.'],
          firstSteps: ['Nichts zu tun.'],
        },
      },
      lang,
    ),
  ),
  ...[0, 1, 2].map((bit) =>
    unknownBitEntry(`rs485.charge_mgmt.unused_bit${bit}`, 'rs485.92.status', bit, 'unused', lang),
  ),
];

/** Every RS485 entry, with its texts in `lang`. */
export function rs485Entries(lang: AlarmLanguage): CatalogueEntry[] {
  return [
    ...protections(lang),
    ...switches(lang),
    ...activity(lang),
    ...cellFailures(lang),
    ...chargeManagement(lang),
  ];
}

export const RS485_ENTRIES: readonly CatalogueEntry[] = rs485Entries('en');
