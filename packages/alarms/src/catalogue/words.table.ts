// The BMS words the catalogue covers, as data: every bit of every word below has exactly one
// catalogue entry (catalogue.spec.ts checks it), except the bits a word declares as a value field.
// Sections refer to the protocol reference (/work/shared/protocols/pylontech.md).
import type { Localized } from './alarm-language.js';
import type { AlarmKind, AlarmProtocol } from './catalogue-entry.js';

export interface AlarmWord {
  id: string;
  protocol: AlarmProtocol;
  /** CAN id (without the HV address nibble) or RS485 command. */
  message: string;
  /** The English label (`labels.en`). */
  label: string;
  labels: Localized;
  widthBits: number;
  /** The kind an undocumented bit of this word gets. */
  kind: AlarmKind;
  reference: string;
  /** Bits that carry a value rather than flags (0x4250 status byte bits 0-2: the pack state). */
  valueBits?: readonly number[];
}

function word(
  id: string,
  protocol: AlarmProtocol,
  message: string,
  labels: Localized,
  widthBits: number,
  kind: AlarmKind,
  reference: string,
  valueBits?: readonly number[],
): AlarmWord {
  return {
    id,
    protocol,
    message,
    label: labels.en,
    labels,
    widthBits,
    kind,
    reference,
    ...(valueBits ? { valueBits } : {}),
  };
}

const HV = [
  word(
    'hv.4250.status',
    'hv-can',
    '0x4250',
    { en: 'basic status byte (byte 0)', de: 'Grundstatus-Byte (Byte 0)' },
    8,
    'status',
    '§1.4.5 table A',
    [0, 1, 2],
  ),
  word(
    'hv.4250.error',
    'hv-can',
    '0x4250',
    { en: 'error byte (byte 3)', de: 'Fehlerbyte (Byte 3)' },
    8,
    'error',
    '§1.4.5 table B',
  ),
  word(
    'hv.4250.alarm',
    'hv-can',
    '0x4250',
    { en: 'alarm word (bytes 4-5)', de: 'Alarmwort (Bytes 4-5)' },
    16,
    'alarm',
    '§1.4.5 table C',
  ),
  word(
    'hv.4250.protection',
    'hv-can',
    '0x4250',
    { en: 'protection word (bytes 6-7)', de: 'Schutzwort (Bytes 6-7)' },
    16,
    'protection',
    '§1.4.5 table C',
  ),
  // Not bits on the wire: bit 0 = byte 0 is 0xAA (charge forbidden), bit 1 = byte 1 is 0xAA.
  word(
    'hv.4280.forbidden',
    'hv-can',
    '0x4280',
    { en: 'forbidden marks (bytes 0-1 = 0xAA)', de: 'Sperrmarken (Bytes 0-1 = 0xAA)' },
    2,
    'status',
    '§1.4.8',
  ),
  word(
    'hv.4290.fault_ext',
    'hv-can',
    '0x4290',
    { en: 'fault-extension byte (byte 0)', de: 'Fehlererweiterungs-Byte (Byte 0)' },
    8,
    'error',
    '§1.4.9',
  ),
] as const;

const LV = [
  word(
    'lv.359.protection',
    'lv-can',
    '0x359',
    { en: 'protection flags (bytes 0-1)', de: 'Schutz-Flags (Bytes 0-1)' },
    16,
    'protection',
    '§2.2 0x359',
  ),
  word(
    'lv.359.alarm',
    'lv-can',
    '0x359',
    { en: 'alarm flags (bytes 2-3)', de: 'Alarm-Flags (Bytes 2-3)' },
    16,
    'alarm',
    '§2.2 0x359',
  ),
  ...Array.from({ length: 8 }, (_, byte) =>
    word(
      `lv.35a.byte${byte}`,
      'lv-can',
      '0x35A',
      { en: `alarm/warning byte ${byte}`, de: `Alarm-/Warnbyte ${byte}` },
      8,
      'alarm',
      '§2.1 (V1.3)',
    ),
  ),
];

const RS485 = [
  word(
    'rs485.44.status1',
    'rs485',
    '0x44',
    { en: 'Status 1 (protection states)', de: 'Status 1 (Schutzzustände)' },
    8,
    'protection',
    '§3.6 0x44',
  ),
  word(
    'rs485.44.status2',
    'rs485',
    '0x44',
    { en: 'Status 2 (switches)', de: 'Status 2 (Schalter)' },
    8,
    'status',
    '§3.6 0x44',
  ),
  word(
    'rs485.44.status3',
    'rs485',
    '0x44',
    { en: 'Status 3 (activity)', de: 'Status 3 (Aktivität)' },
    8,
    'status',
    '§3.6 0x44',
  ),
  word(
    'rs485.44.status4',
    'rs485',
    '0x44',
    { en: 'Status 4 (cell 1-8 failure)', de: 'Status 4 (Ausfall Zelle 1-8)' },
    8,
    'error',
    '§3.6 0x44',
  ),
  word(
    'rs485.44.status5',
    'rs485',
    '0x44',
    { en: 'Status 5 (cell 9-16 failure)', de: 'Status 5 (Ausfall Zelle 9-16)' },
    8,
    'error',
    '§3.6 0x44',
  ),
  word(
    'rs485.92.status',
    'rs485',
    '0x92',
    { en: 'charge/discharge management status', de: 'Status des Lade-/Entlademanagements' },
    8,
    'status',
    '§3.6 0x92',
  ),
];

export const ALARM_WORDS: readonly AlarmWord[] = [...HV, ...LV, ...RS485];

export type AlarmWordId = string;

export function wordById(id: string): AlarmWord | undefined {
  return ALARM_WORDS.find((w) => w.id === id);
}
