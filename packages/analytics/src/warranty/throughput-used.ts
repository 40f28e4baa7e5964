import { DAY_MS } from './warranty-terms.js';

/** One day of a string's 1-day rollup: bucket start and the energy it gave out, Wh. */
export interface DailyEnergy {
  dayMs: number;
  energyOutWh: number;
}

export interface ThroughputOptions {
  /** Only days from this instant on count (commissioning); null = every day given. */
  sinceMs: number | null;
  nowMs: number;
  /** The cap in Wh (terms' MWh per kWh × nominal kWh), or null when the terms set none. */
  capWh: number | null;
  /** Days back from now whose rate projects the cap date (default 90). */
  windowDays?: number;
  /** Fewest days with data in that window for a rate (default 14). */
  minDays?: number;
}

/**
 * When the cap is reached: `projected` from the recent daily rate; `reached` when the energy is
 * already past it; `insufficient` when the window holds too few days of data; `not-discharging`
 * when nothing came out in the window (no rate, so no date); `no-cap` when the terms set none.
 */
export type ThroughputProjection =
  | { kind: 'projected'; atMs: number }
  | { kind: 'reached' }
  | { kind: 'insufficient'; daysWithData: number; minDays: number }
  | { kind: 'not-discharging' }
  | { kind: 'no-cap' };

export interface ThroughputUsed {
  usedWh: number;
  capWh: number | null;
  /** used / cap (not clamped: past 1 the cap is exceeded); null without a cap. */
  fraction: number | null;
  /** Mean energy out per day with data over the window, Wh; null when too few days. */
  ratePerDayWh: number | null;
  daysWithData: number;
  windowDays: number;
  projection: ThroughputProjection;
}

/**
 * Discharged energy since commissioning against the cap, and the date the cap is reached at the
 * last `windowDays`' rate. Days without a rollup row (no data) are left out of the rate rather
 * than counted as idle: an outage must not make the battery look less used.
 */
export function throughputUsed(days: readonly DailyEnergy[], options: ThroughputOptions): ThroughputUsed {
  const { sinceMs, nowMs, capWh, windowDays = 90, minDays = 14 } = options;
  // The commissioning day itself counts: its bucket ends after the instant.
  const counted = days.filter(
    (d) => Number.isFinite(d.energyOutWh) && (sinceMs === null || d.dayMs + DAY_MS > sinceMs),
  );
  const usedWh = counted.reduce((sum, d) => sum + Math.max(d.energyOutWh, 0), 0);
  const windowStart = nowMs - windowDays * DAY_MS;
  const recent = counted.filter((d) => d.dayMs >= windowStart && d.dayMs < nowMs);
  const ratePerDayWh =
    recent.length >= minDays
      ? recent.reduce((s, d) => s + Math.max(d.energyOutWh, 0), 0) / recent.length
      : null;
  return {
    usedWh,
    capWh,
    fraction: capWh === null ? null : usedWh / capWh,
    ratePerDayWh,
    daysWithData: recent.length,
    windowDays,
    projection: project(usedWh, capWh, ratePerDayWh, nowMs, recent.length, minDays),
  };
}

function project(
  usedWh: number,
  capWh: number | null,
  rate: number | null,
  nowMs: number,
  daysWithData: number,
  minDays: number,
): ThroughputProjection {
  if (capWh === null) {
    return { kind: 'no-cap' };
  }
  if (usedWh >= capWh) {
    return { kind: 'reached' };
  }
  if (rate === null) {
    return { kind: 'insufficient', daysWithData, minDays };
  }
  if (rate <= 0) {
    return { kind: 'not-discharging' };
  }
  return { kind: 'projected', atMs: nowMs + ((capWh - usedWh) / rate) * DAY_MS };
}
