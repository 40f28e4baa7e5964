// Which deadband applies to which PackSample field, as data. Fields not listed (states, bit
// words, cell/module numbers, forbidden marks, raw) report any change at once.
import type { PackSample } from '@fleet/telemetry';
import type { Deadbands } from './sampling-plan.js';

export const DEADBAND_OF: Partial<Record<keyof PackSample, keyof Deadbands>> = {
  packVoltageDv: 'voltageDv',
  chargeCutoffDv: 'voltageDv',
  dischargeCutoffDv: 'voltageDv',
  packCurrentDa: 'currentDa',
  chargeLimitDa: 'currentDa',
  dischargeLimitDa: 'currentDa',
  dischargeLimitRaw: 'currentDa',
  bmsTempDc: 'tempDc',
  cellTempMaxDc: 'tempDc',
  cellTempMinDc: 'tempDc',
  moduleTempMaxDc: 'tempDc',
  moduleTempMinDc: 'tempDc',
  socPct: 'socPct',
  sohPct: 'socPct',
  cellMaxMv: 'cellMv',
  cellMinMv: 'cellMv',
  moduleVoltageMaxMv: 'moduleMv',
  moduleVoltageMinMv: 'moduleMv',
};

/**
 * Cell/module numbers move with their extreme value: they are only reported when the value
 * they belong to is (otherwise two cells trading places by 1 mV would defeat the deadband).
 */
export const FOLLOWS: Partial<Record<keyof PackSample, keyof PackSample>> = {
  cellMaxNo: 'cellMaxMv',
  cellMinNo: 'cellMinMv',
  cellTempMaxNo: 'cellTempMaxDc',
  cellTempMinNo: 'cellTempMinDc',
  moduleVoltageMaxNo: 'moduleVoltageMaxMv',
  moduleVoltageMinNo: 'moduleVoltageMinMv',
  moduleTempMaxNo: 'moduleTempMaxDc',
  moduleTempMinNo: 'moduleTempMinDc',
};

/** Alarm, protection and error words: any bit edge reports at once and takes a cell snapshot. */
export const EDGE_FIELDS = [
  'alarmBits',
  'protectionBits',
  'errorBits',
] as const satisfies readonly (keyof PackSample)[];
