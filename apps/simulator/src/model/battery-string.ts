// State of one simulated SC1000 string: modules × cells, each cell with its own capacity,
// charge and resistance; module and BMS temperatures. All operations are pure: they return a
// new state, so a test can step a string and compare before/after.
import { MODULE_TYPES, type ModuleTypeName } from './module-types.js';
import { between, type Rng } from './rng.js';

export interface Cell {
  /** Usable capacity in ampere-seconds (nominal × SOH × manufacturing spread). */
  capacityAs: number;
  /** 0..1 */
  soc: number;
  resistanceMohm: number;
  /** Fixed offset of this cell's sensor from its module temperature. */
  tempOffsetC: number;
}

export interface BatteryString {
  bmsAddress: number;
  moduleTypeName: ModuleTypeName;
  /** [module][cell] */
  modules: Cell[][];
  moduleTempsC: number[];
  bmsTempC: number;
  /** Current actually flowing after the last step, + = charging. */
  currentA: number;
  sohFraction: number;
  /** |I|·dt summed over the string's life, for equivalent full cycles. */
  throughputAs: number;
}

export interface StringParams {
  bmsAddress: number;
  moduleTypeName: ModuleTypeName;
  moduleCount: number;
  ambientC: number;
}

export function createBatteryString(params: StringParams, rng: Rng): BatteryString {
  const type = MODULE_TYPES[params.moduleTypeName];
  const sohFraction = between(rng, 0.98, 1);
  const startSoc = between(rng, 0.4, 0.7);
  const modules = Array.from({ length: params.moduleCount }, () =>
    Array.from({ length: type.cellsPerModule }, () => ({
      capacityAs: type.capacityAh * 3600 * sohFraction * between(rng, 0.985, 1.015),
      soc: Math.min(1, Math.max(0, startSoc + between(rng, -0.01, 0.01))),
      resistanceMohm: between(rng, 0.6, 1.0),
      tempOffsetC: between(rng, -0.8, 0.8),
    })),
  );
  return {
    bmsAddress: params.bmsAddress,
    moduleTypeName: params.moduleTypeName,
    modules,
    moduleTempsC: modules.map(() => params.ambientC + between(rng, 0, 1.5)),
    bmsTempC: params.ambientC + 3,
    currentA: 0,
    sohFraction,
    throughputAs: 0,
  };
}

/** Mean cell SOC, 0..1. */
export function stringSoc(s: BatteryString): number {
  const cells = s.modules.flat();
  return cells.reduce((sum, c) => sum + c.soc, 0) / cells.length;
}

export function cellCount(s: BatteryString): number {
  return s.modules.reduce((n, m) => n + m.length, 0);
}
