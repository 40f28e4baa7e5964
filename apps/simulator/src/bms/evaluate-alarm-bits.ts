// Alarm and protection words of 0x4250 from one set of measurements, with hysteresis: a bit
// that is set stays set until its value has moved back past `set ∓ hysteresis`. Pure: the
// previous words are the only memory.
import { ALARM_PROTECTION_BITS } from '@fleet/protocol';
import type { BmsMeasurements } from './bms-measurements.js';
import { THRESHOLD_RULES, type ThresholdRule } from './protection-thresholds.table.js';

export interface AlarmWords {
  alarmBits: number;
  protectionBits: number;
}

const BIT_OF = new Map(ALARM_PROTECTION_BITS.map((b) => [b.name as string, b.bit]));

/** Whether a level is active now, given whether it was active before. */
export function withHysteresis(
  direction: 'high' | 'low',
  value: number,
  level: { set: number; hysteresis: number },
  wasActive: boolean,
): boolean {
  if (Number.isNaN(value)) {
    return wasActive;
  }
  if (direction === 'high') {
    return wasActive ? value > level.set - level.hysteresis : value >= level.set;
  }
  return wasActive ? value < level.set + level.hysteresis : value <= level.set;
}

export function evaluateAlarmBits(
  m: BmsMeasurements,
  previous: AlarmWords,
  rules: readonly ThresholdRule[] = THRESHOLD_RULES,
): AlarmWords {
  let alarmBits = 0;
  let protectionBits = 0;
  for (const rule of rules) {
    const mask = 1 << (BIT_OF.get(rule.flag) ?? 0);
    const value = rule.measure(m);
    if (withHysteresis(rule.direction, value, rule.alarm, (previous.alarmBits & mask) !== 0)) {
      alarmBits |= mask;
    }
    if (withHysteresis(rule.direction, value, rule.protection, (previous.protectionBits & mask) !== 0)) {
      protectionBits |= mask;
    }
  }
  return { alarmBits, protectionBits };
}
