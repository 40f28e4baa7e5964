import type { SiteEnergy } from './site-types';

export interface EnergyBar {
  key: string;
  localTime: string;
  x: number;
  /** Charged bar: from y to the zero line. */
  inY: number;
  inHeight: number;
  /** Discharged bar: from the zero line down. */
  outHeight: number;
  noData: boolean;
}

export interface EnergyChart {
  width: number;
  height: number;
  zeroY: number;
  barWidth: number;
  bars: EnergyBar[];
  /** The largest hourly value (kWh) the scale is drawn for. */
  maxKwh: number;
}

const BAR = 14;
const GAP = 4;
const HALF = 60;
const TOP = 6;

/**
 * Geometry of the day's bar chart: charged energy up from a zero line, discharged down, one slot
 * per hour (23–25 of them), both halves on one scale so their sizes compare. An hour without any
 * string's data is marked apart from an hour with zero energy.
 */
export function energyChart(energy: SiteEnergy): EnergyChart {
  const maxKwh = Math.max(0.001, ...energy.hours.flatMap((h) => [h.inKwh, h.outKwh]));
  const scale = (kwh: number) => (kwh / maxKwh) * HALF;
  const zeroY = TOP + HALF;
  return {
    width: energy.hours.length * (BAR + GAP) + GAP,
    height: TOP * 2 + HALF * 2,
    zeroY,
    barWidth: BAR,
    maxKwh,
    bars: energy.hours.map((h, i) => ({
      key: h.start,
      localTime: h.localTime,
      x: GAP + i * (BAR + GAP),
      inY: zeroY - scale(h.inKwh),
      inHeight: scale(h.inKwh),
      outHeight: scale(h.outKwh),
      noData: h.strings === 0,
    })),
  };
}
