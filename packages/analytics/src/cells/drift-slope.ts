import { fitLine } from '../stats/fit-line.js';

/** How a deviation (mV) moves over time. */
export interface DriftSlope {
  /** Least-squares slope, mV per week; `null` with fewer than `minPoints` snapshots. */
  slopeMvPerWeek: number | null;
  /** Standard error of the slope, mV per week; `null` where the slope is. */
  standardError: number | null;
  /** Snapshots this position appeared in. */
  points: number;
  /** Deviation in the latest of them, mV. */
  latestDeviationMv: number;
}

export const WEEK_MS = 7 * 86_400_000;

/** One deviation (mV) at one instant (epoch ms); callers give them in time order. */
export interface Deviation {
  t: number;
  mv: number;
}

export function driftSlope(deviations: readonly Deviation[], minPoints: number): DriftSlope {
  const last = deviations[deviations.length - 1];
  const t0 = deviations[0]?.t ?? 0;
  const fit =
    deviations.length >= minPoints
      ? fitLine(
          deviations.map((d) => (d.t - t0) / WEEK_MS),
          deviations.map((d) => d.mv),
        )
      : null;
  return {
    slopeMvPerWeek: fit?.slope ?? null,
    standardError: fit?.slopeStdErr ?? null,
    points: deviations.length,
    latestDeviationMv: last?.mv ?? 0,
  };
}

/** Appends `value` to the list under `key`, creating it. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
