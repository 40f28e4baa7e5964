// What the active faults do to one string, in physical terms the model understands. Built by
// fault-effects.ts from the fault list at each step; the model never sees fault ids or types.

export interface CellRef {
  module: number;
  cell: number;
}

export interface StringFaultEffects {
  /** Cell voltage held at or above mV (an over-charged cell). */
  cellFloorsMv: (CellRef & { mv: number })[];
  /** Cell voltage held at or below mV (an over-discharged cell). */
  cellCeilingsMv: (CellRef & { mv: number })[];
  /** A cell voltage sensor that reads off by mV (grows with time since injection). */
  cellSensorOffsetsMv: (CellRef & { mv: number })[];
  /** Usable capacity of a cell × factor (a weak cell). */
  capacityFactors: (CellRef & { factor: number })[];
  /** Module temperature held at or above °C; module undefined = every module. */
  moduleTempFloorsC: { module: number | undefined; c: number }[];
  /** Current the site forces through the string regardless of the limits (relay permitting). */
  forcedCurrentA: number | undefined;
  internalCommError: boolean;
  relayFault: boolean;
  /** Modules whose BMU no longer reports. */
  droppedModules: number[];
}

export const NO_FAULT_EFFECTS: StringFaultEffects = {
  cellFloorsMv: [],
  cellCeilingsMv: [],
  cellSensorOffsetsMv: [],
  capacityFactors: [],
  moduleTempFloorsC: [],
  forcedCurrentA: undefined,
  internalCommError: false,
  relayFault: false,
  droppedModules: [],
};
