// One BMS cycle on a string: measure (with faults), derive the alarm/protection words with
// hysteresis, the error byte, and step the state machine. Protection opens the relay, so the
// current drops to 0 in the same cycle.
import { ERROR_BITS, encodeBitFlags } from '@fleet/protocol';
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

export function evaluateBms(s: BatteryString, dtS: number): BatteryString {
  const words = evaluateAlarmBits(measureString(s).bms, s);
  const bms = stepBms(s.bms, { ...words, hardError: errorBitsOf(s) !== 0 }, dtS);
  return {
    ...s,
    ...words,
    bms,
    currentA: bms.relayClosed ? s.currentA : 0,
  };
}
