// Advances one string by dt seconds under a requested current: the BMS clamps the current to
// its limits (or the relay is open), cells integrate it (SOC), the balancer bleeds the fullest
// cells at the top of charge, temperatures relax exponentially towards ambient + I²R heating
// (exact solution, so large steps at high --speed stay stable), SOH fades with cycles and
// calendar time, and the BMS evaluates the new state.
import { evaluateBms } from '../bms/evaluate-bms.js';
import { agedSoh } from './ageing.js';
import { balanceCells } from './balance-cells.js';
import { type BatteryString, type Cell, cellCapacityAs } from './battery-string.js';
import { MODULE_TYPES } from './module-types.js';
import { allowedCurrentA, stringLimits } from './string-limits.js';

/** °C of equilibrium rise per watt of I²R heat in a module. Simulator assumption (~5 °C at 40 A). */
const MODULE_C_PER_W = 5 / (40 ** 2 * 15 * 0.0008);
const BMS_HEAT_C_PER_A2 = 2 / 1600;
const MODULE_TAU_S = 3600;
const BMS_TAU_S = 1800;

export interface StepOptions {
  /** Multiplies cycle and calendar fade (--ageing-factor). */
  ageingFactor?: number;
}

function relax(valueC: number, targetC: number, dtS: number, tauS: number): number {
  return targetC + (valueC - targetC) * Math.exp(-dtS / tauS);
}

/** The current that flows this step: 0 with the relay open, forced by a fault, or clamped by the limits. */
function flowingCurrentA(s: BatteryString, requestedA: number): number {
  if (s.faults.relayFault || s.sleeping) {
    return 0;
  }
  if (!s.bms.relayClosed) {
    return s.override === undefined ? 0 : allowedCurrentA(stringLimits(s), requestedA);
  }
  return s.faults.forcedCurrentA ?? allowedCurrentA(stringLimits(s), requestedA);
}

function moduleHeatW(cells: readonly Cell[], currentA: number): number {
  return cells.reduce((w, c) => w + currentA ** 2 * (c.resistanceMohm / 1000), 0);
}

export function stepBatteryString(
  s: BatteryString,
  dtS: number,
  requestedA: number,
  ambientC: number,
  options: StepOptions = {},
): BatteryString {
  const currentA = flowingCurrentA(s, requestedA);
  const charged = s.modules.map((cells, m) =>
    cells.map((c, i) => ({
      ...c,
      soc: Math.min(1, Math.max(0, c.soc + (currentA * dtS) / cellCapacityAs(s, m, i))),
    })),
  );
  const balanced = balanceCells(charged, currentA, dtS, (m, c) => cellCapacityAs(s, m, c));
  const nominalCapacityAs = MODULE_TYPES[s.moduleTypeName].capacityAh * 3600;
  const next: BatteryString = {
    ...s,
    currentA,
    modules: balanced.modules,
    balancingCells: balanced.balancingCells,
    moduleTempsC: s.moduleTempsC.map((t, m) =>
      relax(t, ambientC + MODULE_C_PER_W * moduleHeatW(s.modules[m] ?? [], currentA), dtS, MODULE_TAU_S),
    ),
    bmsTempC: relax(s.bmsTempC, ambientC + 3 + BMS_HEAT_C_PER_A2 * currentA ** 2, dtS, BMS_TAU_S),
    sohFraction: agedSoh({
      sohFraction: s.sohFraction,
      chargeMovedAs: Math.abs(currentA) * dtS,
      nominalCapacityAs,
      dtS,
      ageingFactor: options.ageingFactor ?? 1,
    }),
    throughputAs: s.throughputAs + Math.abs(currentA) * dtS,
    ageS: s.ageS + dtS,
  };
  // After the step the BMS may have reached a limit (e.g. SOC 100 %): the current it reports
  // must respect the limits it reports in the same burst, unless a fault forces it through.
  const reported =
    s.faults.forcedCurrentA === undefined ? allowedCurrentA(stringLimits(next), currentA) : currentA;
  return evaluateBms({ ...next, currentA: reported }, dtS);
}
