import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

export interface CellImbalanceInput {
  cellMaxMv?: number;
  cellMinMv?: number;
  /** 0.1 A, + = charging. */
  packCurrentDa?: number;
}

export interface CellImbalanceParams {
  /** |current| at or below this (0.1 A) is rest. */
  restCurrentDa: number;
  /**
   * Under load every cell also reads its internal-resistance drop, so a load spread is not a rest
   * spread. Without an allowance, load readings are not judged; with one, it is subtracted first.
   */
  loadAllowanceMv?: number;
}

export type CellImbalanceReading = DerivedReading & {
  spreadMv?: number;
  condition?: 'rest' | 'load';
};

/** 0 and 0xFFFF are what a BMS sends for a cell it could not read. */
const isCellMv = (v: unknown): v is number => isFiniteNumber(v) && v > 0 && v < 0xffff;

/** Cell spread (max − min, mV) of the latest reading, judged at rest (issue 7: 30 / 50 mV). */
export function cellImbalance(input: CellImbalanceInput, params: CellImbalanceParams): CellImbalanceReading {
  const { cellMaxMv, cellMinMv, packCurrentDa } = input;
  if (!isCellMv(cellMaxMv) || !isCellMv(cellMinMv) || cellMinMv > cellMaxMv) {
    return unjudged(`no plausible cell extremes (max ${String(cellMaxMv)}, min ${String(cellMinMv)})`);
  }
  if (!isFiniteNumber(packCurrentDa)) {
    return unjudged('no pack current: rest or load unknown');
  }
  const spreadMv = cellMaxMv - cellMinMv;
  if (Math.abs(packCurrentDa) <= params.restCurrentDa) {
    return { value: spreadMv, spreadMv, condition: 'rest' };
  }
  if (params.loadAllowanceMv === undefined) {
    return { ...unjudged('under load: spread not judged'), spreadMv, condition: 'load' };
  }
  return { value: spreadMv - params.loadAllowanceMv, spreadMv, condition: 'load' };
}
