// One BMS cycle on a string: measure (with faults), derive the alarm/protection words with
// hysteresis, the error byte, and step the state machine. Protection opens the relay, so the
// current drops to 0 in the same cycle.
import { ALARM_PROTECTION_BITS, ERROR_BITS, encodeBitFlags } from '@fleet/protocol';
import type { BatteryString } from '../model/battery-string.js';
import { measureString } from '../model/measure-string.js';
import { stepBms } from './bms-state-machine.js';
import { evaluateAlarmBits } from './evaluate-alarm-bits.js';

/** Error byte (0x4250 table B) from the faults the BMS can see. */
export function errorBitsOf(s: BatteryString): number {
  return encodeBitFlags(ERROR_BITS, {
    internalCommunicationError: s.faults.internalCommError || s.faults.droppedModules.length > 0,
    relayCheckError: s.faults.relayFault,
  });
}

const LOW_VOLTAGE = encodeBitFlags(ALARM_PROTECTION_BITS, {
  cellLowVoltage: true,
  packLowVoltage: true,
  moduleLowVoltage: true,
});
const HIGH_VOLTAGE = encodeBitFlags(ALARM_PROTECTION_BITS, {
  cellHighVoltage: true,
  packHighVoltage: true,
  moduleHighVoltage: true,
});

/** Whether a 0x8210 command may act on these protections: only voltage ones of its own kind. */
export function overridable(direction: 'charge' | 'discharge' | undefined, protectionBits: number): boolean {
  if (direction === undefined || protectionBits === 0) {
    return false;
  }
  const allowed = direction === 'charge' ? LOW_VOLTAGE : HIGH_VOLTAGE;
  return (protectionBits & ~allowed) === 0;
}

export function evaluateBms(s: BatteryString, dtS: number): BatteryString {
  const words = evaluateAlarmBits(measureString(s).bms, s);
  const bms = stepBms(s.bms, { ...words, hardError: errorBitsOf(s) !== 0 }, dtS);
  // A 0x8210 override lasts while the protection it was given for does.
  const override = bms.relayClosed || !overridable(s.override, words.protectionBits) ? undefined : s.override;
  const flowing =
    bms.relayClosed || (override === 'charge' ? s.currentA > 0 : override === 'discharge' && s.currentA < 0);
  return { ...s, ...words, bms, override, currentA: flowing && !s.sleeping ? s.currentA : 0 };
}
