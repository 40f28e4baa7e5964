// What the simulated BMS allows, derived from SOC and cell temperatures only (not from
// voltages, which depend on the current being limited). Chosen so the values are consistent
// by construction: charge is forbidden exactly when the charge limit is 0 (e.g. at SOC 100 %),
// discharge exactly when the discharge limit is 0 (e.g. at SOC 0 %), and both while the
// relay is open. Simulator behaviour, not a Pylontech specification.
import type { BatteryString } from './battery-string.js';
import { stringSoc } from './battery-string.js';
import { MODULE_TYPES } from './module-types.js';

export interface StringLimits {
  chargeLimitDa: number;
  dischargeLimitDa: number;
  chargeForbidden: boolean;
  dischargeForbidden: boolean;
}

export function socPctOf(s: BatteryString): number {
  return Math.round(stringSoc(s) * 100);
}

/** 0..1 derating of charging by temperature: none below 0 °C or above 55 °C. */
function chargeTempFactor(minC: number, maxC: number): number {
  if (minC < 0 || maxC > 55) {
    return 0;
  }
  const cold = minC < 10 ? 0.5 : 1;
  const hot = maxC > 45 ? (55 - maxC) / 10 : 1;
  return Math.min(cold, hot);
}

function dischargeTempFactor(minC: number, maxC: number): number {
  return minC < -20 || maxC > 60 ? 0 : 1;
}

export function cellTempRangeC(s: BatteryString): { minC: number; maxC: number } {
  const temps = s.modules.flatMap((cells, m) => cells.map((c) => (s.moduleTempsC[m] ?? 0) + c.tempOffsetC));
  return { minC: Math.min(...temps), maxC: Math.max(...temps) };
}

export function stringLimits(s: BatteryString): StringLimits {
  const type = MODULE_TYPES[s.moduleTypeName];
  if (!s.bms.relayClosed || s.sleeping) {
    // Protection opened the relay (or the PCS put the BMS to sleep): nothing may flow, except
    // the one direction a 0x8210 command allows through a voltage protection.
    const charge = s.override === 'charge' && !s.sleeping ? type.maxChargeA * 10 : 0;
    const discharge = s.override === 'discharge' && !s.sleeping ? type.maxDischargeA * 10 : 0;
    return {
      chargeLimitDa: charge,
      dischargeLimitDa: discharge,
      chargeForbidden: charge === 0,
      dischargeForbidden: discharge === 0,
    };
  }
  const socPct = socPctOf(s);
  const { minC, maxC } = cellTempRangeC(s);
  // Taper charging over the last 10 % and discharging over the first 5 %.
  const chargeTaper = Math.min(1, Math.max(0, (100 - socPct) / 10));
  const dischargeTaper = Math.min(1, Math.max(0, socPct / 5));
  const chargeLimitDa = Math.round(type.maxChargeA * 10 * chargeTaper * chargeTempFactor(minC, maxC));
  const dischargeLimitDa = Math.round(
    type.maxDischargeA * 10 * dischargeTaper * dischargeTempFactor(minC, maxC),
  );
  return {
    chargeLimitDa,
    dischargeLimitDa,
    chargeForbidden: chargeLimitDa === 0,
    dischargeForbidden: dischargeLimitDa === 0,
  };
}

/** The requested current clamped to what the limits allow. */
export function allowedCurrentA(limits: StringLimits, requestedA: number): number {
  return Math.min(limits.chargeLimitDa / 10, Math.max(-limits.dischargeLimitDa / 10, requestedA));
}
