// Passive balancing at the top of charge: while the string is not discharging and its
// fullest cell is on the steep end of the OCV curve, the BMS bleeds every cell that is ahead
// of the emptiest one through a resistor. That narrows the SOC spread a little every full
// charge, which is why installers are told to charge fully every few months (reference §6).
// Bleed current and start voltage are SIMULATOR ASSUMPTIONS.
import type { Cell } from './battery-string.js';
import { ocvMv } from './lfp-ocv-curve.js';

export const BALANCE_START_MV = 3400;
export const BALANCE_BLEED_A = 0.2;
/** Cells within this SOC of the emptiest one are left alone. */
const BALANCE_DEADBAND = 0.001;

export interface BalanceResult {
  modules: Cell[][];
  balancingCells: number;
}

/** `capacityAs(m, c)` is the cell's usable capacity now. */
export function balanceCells(
  modules: Cell[][],
  currentA: number,
  dtS: number,
  capacityAs: (module: number, cell: number) => number,
): BalanceResult {
  const socs = modules.flat().map((c) => c.soc);
  const minSoc = Math.min(...socs);
  const maxSoc = Math.max(...socs);
  if (currentA < -0.5 || ocvMv(maxSoc) < BALANCE_START_MV) {
    return { modules, balancingCells: 0 };
  }
  let balancingCells = 0;
  const next = modules.map((cells, m) =>
    cells.map((cell, c) => {
      if (cell.soc <= minSoc + BALANCE_DEADBAND) {
        return cell;
      }
      balancingCells += 1;
      const bled = cell.soc - (BALANCE_BLEED_A * dtS) / capacityAs(m, c);
      return { ...cell, soc: Math.max(minSoc, bled) };
    }),
  );
  return { modules: next, balancingCells };
}
