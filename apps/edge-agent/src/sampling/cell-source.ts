// The seam for per-cell detail. HV CAN cannot provide it (the 0x4200 byte0 = 1 → 0x5xxx layout
// is unknown, protocol reference), so a device layer that can — the SC console (`bat`) or
// RS485 0x42 — implements CellSource; the sampler only asks it for a snapshot of a string.
import type { CellSource as CellSourceKind } from '@fleet/telemetry';

export interface CellReading {
  source: CellSourceKind;
  /** [module][cell] in physical order, 1 mV. */
  cellVoltagesMv: number[][];
  /** [module][sensor], 0.1 °C, where known. */
  cellTempsDc?: (number | null)[][];
}

export interface CellTarget {
  bus: string;
  bmsAddress: number;
}

export interface CellSource {
  /** One snapshot of the string, or undefined when it cannot be read now. May reject. */
  readCells(target: CellTarget, signal?: AbortSignal): Promise<CellReading | undefined>;
}

/** For gateways without a console or RS485 link: no snapshots, nothing else changes. */
export const noCellSource: CellSource = {
  readCells: async () => undefined,
};
