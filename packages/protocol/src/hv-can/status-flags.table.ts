// Bit tables of 0x4250 as data (protocol reference §1.4.5). Decoders derive named flags from
// the raw words with these tables; the raw words are always kept, so a re-labelled bit never
// loses history.

export interface BitDefinition<Name extends string> {
  bit: number;
  name: Name;
  /** The vendor's abbreviation where one exists. */
  abbrev?: string;
}

/** Table A: basic status byte, bits 0-2. Values 4-7 are reserved. */
export const PACK_STATES = ['sleep', 'charge', 'discharge', 'idle'] as const;
export type HvPackState = (typeof PACK_STATES)[number] | 'reserved';

/** Table A: request bits of the status byte. */
export const STATUS_REQUEST_BITS = [
  { bit: 3, name: 'forceChargeRequest' },
  { bit: 4, name: 'balanceChargeRequest' },
] as const satisfies readonly BitDefinition<string>[];

/** Table B: error byte (byte 3). Bit 7 "other" points at 0x4290 (one source only). */
export const ERROR_BITS = [
  { bit: 0, name: 'voltageSensorError' },
  { bit: 1, name: 'temperatureSensorError' },
  { bit: 2, name: 'internalCommunicationError' },
  { bit: 3, name: 'inputOverVoltageError' },
  { bit: 4, name: 'inputReversePolarityError' },
  { bit: 5, name: 'relayCheckError' },
  { bit: 6, name: 'batteryDamageError' },
  { bit: 7, name: 'otherError' },
] as const satisfies readonly BitDefinition<string>[];

/** Table C: alarm word (bytes 4-5) and protection word (bytes 6-7) share this layout. Bits 12-15 reserved. */
export const ALARM_PROTECTION_BITS = [
  { bit: 0, name: 'cellLowVoltage', abbrev: 'BLV' },
  { bit: 1, name: 'cellHighVoltage', abbrev: 'BHV' },
  { bit: 2, name: 'packLowVoltage', abbrev: 'PLV' },
  { bit: 3, name: 'packHighVoltage', abbrev: 'PHV' },
  { bit: 4, name: 'chargeCellLowTemp', abbrev: 'CLT' },
  { bit: 5, name: 'chargeCellHighTemp', abbrev: 'CHT' },
  { bit: 6, name: 'dischargeCellLowTemp', abbrev: 'DLT' },
  { bit: 7, name: 'dischargeCellHighTemp', abbrev: 'DHT' },
  { bit: 8, name: 'chargeOverCurrent', abbrev: 'COCA' },
  { bit: 9, name: 'dischargeOverCurrent', abbrev: 'DOCA' },
  { bit: 10, name: 'moduleLowVoltage', abbrev: 'MLV' },
  { bit: 11, name: 'moduleHighVoltage', abbrev: 'MHV' },
] as const satisfies readonly BitDefinition<string>[];

export type FlagsOf<T extends readonly BitDefinition<string>[]> = Record<T[number]['name'], boolean>;
export type ErrorFlags = FlagsOf<typeof ERROR_BITS>;
export type AlarmProtectionFlags = FlagsOf<typeof ALARM_PROTECTION_BITS>;

/** Named booleans of a raw word, one per table entry. */
export function decodeBitFlags<T extends readonly BitDefinition<string>[]>(
  table: T,
  word: number,
): FlagsOf<T> {
  const flags: Record<string, boolean> = {};
  for (const { bit, name } of table) {
    flags[name] = (word & (1 << bit)) !== 0;
  }
  return flags as FlagsOf<T>;
}

/** The raw word of a set of named flags (flags not named in the table are ignored). */
export function encodeBitFlags<T extends readonly BitDefinition<string>[]>(
  table: T,
  flags: Partial<FlagsOf<T>>,
): number {
  let word = 0;
  for (const { bit, name } of table) {
    if ((flags as Record<string, boolean | undefined>)[name]) {
      word |= 1 << bit;
    }
  }
  return word;
}
