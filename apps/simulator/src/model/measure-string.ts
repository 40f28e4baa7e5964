// What the BMS measures on a string right now: the physical state with the active faults
// applied. Over/under-voltage faults move the cell itself (so the pack voltage moves too); a
// drifting sensor only moves the reading; a dropped module reports nothing (0 in the cell
// table, left out of the extremes); an over-temperature fault is a hot spot at the module's
// sensor.
import type { BmsMeasurements } from '../bms/bms-measurements.js';
import { NO_FAULT_EFFECTS } from '../faults/string-fault-effects.js';
import { type BatteryString, cellCount } from './battery-string.js';
import { ocvMv } from './lfp-ocv-curve.js';
import { MODULE_TYPES } from './module-types.js';

export interface StringMeasurement {
  /** Measured cell voltages [module][cell], mV; 0 for a module that dropped out. */
  cellsMv: number[][];
  /** Measured cell temperatures [module][cell], 0.1 °C. */
  cellTempsDc: number[][];
  /** Measured module temperatures, °C. */
  moduleTempsC: number[];
  /** Which modules report (false = dropped out). */
  reporting: boolean[];
  /** Sum of the physical cell voltages, mV (the BMS's own pack-voltage sensor). */
  packMv: number;
  bms: BmsMeasurements;
}

function physicalCellMv(s: BatteryString, m: number, c: number): number {
  const cell = s.modules[m]?.[c];
  let mv = (cell ? ocvMv(cell.soc) : 0) + s.currentA * (cell?.resistanceMohm ?? 0);
  if (s.faults === NO_FAULT_EFFECTS) {
    return mv;
  }
  for (const f of s.faults.cellFloorsMv) {
    if (f.module === m && f.cell === c) {
      mv = Math.max(mv, f.mv);
    }
  }
  for (const f of s.faults.cellCeilingsMv) {
    if (f.module === m && f.cell === c) {
      mv = Math.min(mv, f.mv);
    }
  }
  return mv;
}

function moduleTempC(s: BatteryString, m: number): number {
  let c = s.moduleTempsC[m] ?? 0;
  for (const f of s.faults.moduleTempFloorsC) {
    if (f.module === undefined || f.module === m) {
      c = Math.max(c, f.c);
    }
  }
  return c;
}

/** Max/min of what still reports; NaN when nothing does (the BMS then keeps its previous words). */
const maxOf = (values: number[]) => (values.length === 0 ? Number.NaN : Math.max(...values));
const minOf = (values: number[]) => (values.length === 0 ? Number.NaN : Math.min(...values));

export function measureString(s: BatteryString): StringMeasurement {
  const type = MODULE_TYPES[s.moduleTypeName];
  const reporting = s.modules.map((_, m) => !s.faults.droppedModules.includes(m));
  const physical = s.modules.map((cells, m) => cells.map((_, c) => physicalCellMv(s, m, c)));
  const cellsMv = physical.map((cells, m) =>
    cells.map((mv, c) => {
      if (!reporting[m]) {
        return 0;
      }
      if (s.faults === NO_FAULT_EFFECTS) {
        return Math.round(mv);
      }
      const offset = s.faults.cellSensorOffsetsMv
        .filter((f) => f.module === m && f.cell === c)
        .reduce((sum, f) => sum + f.mv, 0);
      return Math.round(mv + offset);
    }),
  );
  const moduleTempsC = s.modules.map((_, m) => moduleTempC(s, m));
  const cellTempsDc = s.modules.map((cells, m) =>
    cells.map((cell) => Math.round(((moduleTempsC[m] ?? 0) + cell.tempOffsetC) * 10)),
  );
  const packMv = physical.flat().reduce((a, b) => a + b, 0);
  const liveCells = cellsMv.filter((_, m) => reporting[m]).flat();
  const liveTemps = cellTempsDc.filter((_, m) => reporting[m]).flat();
  const moduleMv = cellsMv.filter((_, m) => reporting[m]).map((cells) => cells.reduce((a, b) => a + b, 0));
  return {
    cellsMv,
    cellTempsDc,
    moduleTempsC,
    reporting,
    packMv,
    bms: {
      cellMaxMv: maxOf(liveCells),
      cellMinMv: minOf(liveCells),
      packMv,
      moduleMaxMv: maxOf(moduleMv),
      moduleMinMv: minOf(moduleMv),
      cellTempMaxC: maxOf(liveTemps) / 10,
      cellTempMinC: minOf(liveTemps) / 10,
      currentA: s.currentA,
      cellCount: cellCount(s),
      cellsPerModule: type.cellsPerModule,
      maxChargeA: type.maxChargeA,
      maxDischargeA: type.maxDischargeA,
    },
  };
}
