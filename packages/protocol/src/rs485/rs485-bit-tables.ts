// Bit tables of the RS485 status bytes as data (protocol reference §3.6, 0x44 and 0x92).
// Decoders keep the raw byte beside the named flags, so a re-labelled bit loses nothing.
import type { BitDefinition, FlagsOf } from '../hv-can/status-flags.table.js';

/** 0x44 Status 1: protection states (✔1, PDF only). Bit 3 is unused. */
export const ALARM_STATUS1_BITS = [
  { bit: 0, name: 'moduleOverVoltage' },
  { bit: 1, name: 'cellUnderVoltage' },
  { bit: 2, name: 'chargeOverCurrent' },
  { bit: 4, name: 'dischargeOverCurrent' },
  { bit: 5, name: 'dischargeOverTemperature' },
  { bit: 6, name: 'chargeOverTemperature' },
  { bit: 7, name: 'moduleUnderVoltage' },
] as const satisfies readonly BitDefinition<string>[];

/** 0x44 Status 2: switches (bits 1-3 ✔✔ from real frames; bit 0 ✔1, "reserved" in the PDF). */
export const ALARM_STATUS2_BITS = [
  { bit: 0, name: 'preChargeMosfetOn' },
  { bit: 1, name: 'chargeMosfetOn' },
  { bit: 2, name: 'dischargeMosfetOn' },
  { bit: 3, name: 'usingBatteryModulePower' },
] as const satisfies readonly BitDefinition<string>[];

/** 0x44 Status 3: activity (bit 7 ✔✔ from real frames; the others ✔1). */
export const ALARM_STATUS3_BITS = [
  { bit: 0, name: 'buzzerOn' },
  { bit: 3, name: 'fullyCharged' },
  { bit: 5, name: 'heaterOn' },
  { bit: 6, name: 'effectiveDischargeCurrent' },
  { bit: 7, name: 'effectiveChargeCurrent' },
] as const satisfies readonly BitDefinition<string>[];

/** 0x92 status byte (✔✔; PDF notes on when bits 5, 4 and 3 are set). Bits 0-2 unused. */
export const CHARGE_MANAGEMENT_BITS = [
  { bit: 3, name: 'fullChargeRequest' },
  { bit: 4, name: 'chargeImmediately2' },
  { bit: 5, name: 'chargeImmediately1' },
  { bit: 6, name: 'dischargeEnable' },
  { bit: 7, name: 'chargeEnable' },
] as const satisfies readonly BitDefinition<string>[];

export type AlarmStatus1Flags = FlagsOf<typeof ALARM_STATUS1_BITS>;
export type AlarmStatus2Flags = FlagsOf<typeof ALARM_STATUS2_BITS>;
export type AlarmStatus3Flags = FlagsOf<typeof ALARM_STATUS3_BITS>;
export type ChargeManagementFlags = FlagsOf<typeof CHARGE_MANAGEMENT_BITS>;

/** Per-item state codes of 0x44 (✔1, PDF). Other values are kept raw as `unknown`. */
export const ITEM_STATES = {
  normal: 0x00,
  belowLowerLimit: 0x01,
  aboveUpperLimit: 0x02,
  otherError: 0xf0,
} as const;
export type ItemState = keyof typeof ITEM_STATES | 'unknown';

export function itemStateOf(code: number): ItemState {
  for (const [name, value] of Object.entries(ITEM_STATES)) {
    if (value === code) {
      return name as ItemState;
    }
  }
  return 'unknown';
}

/** Status 4 / 5: one bit per cell (cell 1-8, 9-16) failing (> 4.2 V or < 1 V), ✔1. */
export function cellFailuresOf(status4: number, status5: number): boolean[] {
  const word = status4 | (status5 << 8);
  return Array.from({ length: 16 }, (_, i) => (word & (1 << i)) !== 0);
}
