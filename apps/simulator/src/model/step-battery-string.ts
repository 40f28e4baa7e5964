// Advances one string by dt seconds under a requested current: the BMS clamps the current to
// its limits, cells integrate it (SOC), temperatures relax exponentially towards a
// load-dependent equilibrium (exact solution, so large steps at high --speed stay stable), and
// SOH fades slowly with throughput.
import type { BatteryString, Cell } from './battery-string.js';
import { MODULE_TYPES } from './module-types.js';
import { allowedCurrentA, stringLimits } from './string-limits.js';

/** Heating per A² at equilibrium, °C; ~5 °C rise at 40 A for a module. Simulator assumption. */
const MODULE_HEAT_C_PER_A2 = 5 / 1600;
const BMS_HEAT_C_PER_A2 = 2 / 1600;
const MODULE_TAU_S = 3600;
const BMS_TAU_S = 1800;
/** SOH lost per equivalent full cycle: 20 % over 6000 cycles. */
const SOH_FADE_PER_CYCLE = 0.2 / 6000;

function relax(valueC: number, targetC: number, dtS: number, tauS: number): number {
  return targetC + (valueC - targetC) * Math.exp(-dtS / tauS);
}

function chargeCell(cell: Cell, currentA: number, dtS: number, fade: number): Cell {
  const soc = Math.min(1, Math.max(0, cell.soc + (currentA * dtS) / cell.capacityAs));
  return { ...cell, soc, capacityAs: cell.capacityAs * (1 - fade) };
}

export function stepBatteryString(
  s: BatteryString,
  dtS: number,
  requestedA: number,
  ambientC: number,
): BatteryString {
  const currentA = allowedCurrentA(stringLimits(s), requestedA);
  const nominalAs = MODULE_TYPES[s.moduleTypeName].capacityAh * 3600;
  const fadeFraction = ((Math.abs(currentA) * dtS) / (2 * nominalAs)) * SOH_FADE_PER_CYCLE;
  const next: BatteryString = {
    ...s,
    currentA,
    modules: s.modules.map((cells) => cells.map((c) => chargeCell(c, currentA, dtS, fadeFraction))),
    moduleTempsC: s.moduleTempsC.map((t, m) =>
      relax(t, ambientC + MODULE_HEAT_C_PER_A2 * currentA ** 2 * (1 + 0.05 * (m % 3)), dtS, MODULE_TAU_S),
    ),
    bmsTempC: relax(s.bmsTempC, ambientC + 3 + BMS_HEAT_C_PER_A2 * currentA ** 2, dtS, BMS_TAU_S),
    sohFraction: s.sohFraction * (1 - fadeFraction),
    throughputAs: s.throughputAs + Math.abs(currentA) * dtS,
  };
  // After the step the BMS may have reached a limit (e.g. SOC 100 %): the current it reports
  // must respect the limits it reports in the same burst.
  return { ...next, currentA: allowedCurrentA(stringLimits(next), currentA) };
}
