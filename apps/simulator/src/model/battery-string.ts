// State of one simulated SC1000 string: modules × cells, each cell with its own capacity,
// charge and resistance; module and BMS temperatures; the BMS's own state (alarm words,
// state machine, relay). All operations are pure: they return a new state, so a test can
// step a string and compare before/after.
import { type BmsStatus, INITIAL_BMS_STATUS } from '../bms/bms-state-machine.js';
import { NO_FAULT_EFFECTS, type StringFaultEffects } from '../faults/string-fault-effects.js';
import { addOfCanAddress } from '../topology/addressing.js';
import { MODULE_TYPES, type ModuleTypeName } from './module-types.js';
import { between, type Rng } from './rng.js';

export interface Cell {
  /** As-built capacity in ampere-seconds (nominal × manufacturing spread); SOH scales it. */
  ratedCapacityAs: number;
  /** 0..1 */
  soc: number;
  resistanceMohm: number;
  /** Fixed offset of this cell's sensor from its module temperature. */
  tempOffsetC: number;
}

export interface BatteryString {
  bmsAddress: number;
  /** Position behind the MBMS1000 (0 for an SC1000 alone); the RS485 group. */
  stringIndex: number;
  /** ADD DIP switch value (topology/addressing.ts) and the termination switch. */
  add: number;
  termination: boolean;
  moduleTypeName: ModuleTypeName;
  /** RS485 0x93 serials given by --module-serials (rack order); others are derived from ADD. */
  moduleSerials?: readonly string[];
  /** [module][cell] */
  modules: Cell[][];
  moduleTempsC: number[];
  bmsTempC: number;
  /** Current actually flowing after the last step, + = charging. */
  currentA: number;
  /** State of health 0..1: capacity left of the as-built capacity. */
  sohFraction: number;
  /** |I|·dt summed over the string's life, for equivalent full cycles. */
  throughputAs: number;
  /** Simulated seconds since commissioning, for calendar ageing. */
  ageS: number;
  /** Cells bled by the balancer in the last step. */
  balancingCells: number;
  bms: BmsStatus;
  alarmBits: number;
  protectionBits: number;
  /** What the active faults do to this string. */
  faults: StringFaultEffects;
  /** 0x8200 sleep command: relay open, state "sleep", until woken. */
  sleeping: boolean;
  /**
   * 0x8210 "charge command" / "discharge command": lets current flow one way through an
   * under-/over-voltage protection (reference §1.2); dropped once the BMS is back to normal.
   */
  override: 'charge' | 'discharge' | undefined;
}

export interface StringParams {
  bmsAddress: number;
  stringIndex?: number;
  add?: number;
  termination?: boolean;
  moduleTypeName: ModuleTypeName;
  moduleCount: number;
  ambientC: number;
  /** Start SOC 0..100 (default: random 40–70 %). */
  initialSocPct?: number;
  /** Start SOH 0..100 (default: random 98–100 %). */
  initialSohPct?: number;
  moduleSerials?: readonly string[];
}

export function createBatteryString(params: StringParams, rng: Rng): BatteryString {
  const type = MODULE_TYPES[params.moduleTypeName];
  const randomSoh = between(rng, 0.98, 1);
  const randomSoc = between(rng, 0.4, 0.7);
  const sohFraction = params.initialSohPct === undefined ? randomSoh : params.initialSohPct / 100;
  const startSoc = params.initialSocPct === undefined ? randomSoc : params.initialSocPct / 100;
  const modules = Array.from({ length: params.moduleCount }, () =>
    Array.from({ length: type.cellsPerModule }, () => ({
      ratedCapacityAs: type.capacityAh * 3600 * between(rng, 0.985, 1.015),
      soc: Math.min(1, Math.max(0, startSoc + between(rng, -0.01, 0.01))),
      resistanceMohm: between(rng, 0.6, 1.0),
      tempOffsetC: between(rng, -0.8, 0.8),
    })),
  );
  return {
    bmsAddress: params.bmsAddress,
    stringIndex: params.stringIndex ?? 0,
    add: params.add ?? addOfCanAddress(params.bmsAddress),
    termination: params.termination ?? true,
    moduleTypeName: params.moduleTypeName,
    ...(params.moduleSerials === undefined ? {} : { moduleSerials: params.moduleSerials }),
    modules,
    moduleTempsC: modules.map(() => params.ambientC + between(rng, 0, 1.5)),
    bmsTempC: params.ambientC + 3,
    currentA: 0,
    sohFraction,
    throughputAs: 0,
    ageS: 0,
    balancingCells: 0,
    bms: INITIAL_BMS_STATUS,
    alarmBits: 0,
    protectionBits: 0,
    faults: NO_FAULT_EFFECTS,
    sleeping: false,
    override: undefined,
  };
}

/** Usable capacity of one cell now: rated × SOH × any weak-cell fault. */
export function cellCapacityAs(s: BatteryString, module: number, cell: number): number {
  const c = s.modules[module]?.[cell];
  if (c === undefined) {
    return 0;
  }
  const weak = s.faults.capacityFactors.find((f) => f.module === module && f.cell === cell);
  return c.ratedCapacityAs * s.sohFraction * (weak?.factor ?? 1);
}

/** Mean cell SOC, 0..1. */
export function stringSoc(s: BatteryString): number {
  // Plain loops: this runs several times per step for every string.
  let sum = 0;
  let n = 0;
  for (const cells of s.modules) {
    for (const c of cells) {
      sum += c.soc;
      n += 1;
    }
  }
  return sum / n;
}

export function cellCount(s: BatteryString): number {
  return s.modules.reduce((n, m) => n + m.length, 0);
}

/** Spread of cell SOC (max − min), 0..1: what balancing narrows. */
export function socSpread(s: BatteryString): number {
  const socs = s.modules.flat().map((c) => c.soc);
  return Math.max(...socs) - Math.min(...socs);
}
