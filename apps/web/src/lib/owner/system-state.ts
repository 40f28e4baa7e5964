/** Just the fields of a newest pack sample the owner view reads (units as the API's LatestPackSample). */
export interface PackReading {
  ts: string;
  packVoltageDv: number;
  /** 0.1 A; positive = charging. */
  packCurrentDa: number;
  socPct: number;
  sohPct: number;
  cellMaxMv: number | null;
  cellMinMv: number | null;
}

/** What the battery is doing, for the words at the top of the owner's page. */
export type SystemState =
  | { kind: 'charging' | 'discharging'; powerKw: number }
  | { kind: 'idle' }
  | { kind: 'offline'; since: string }
  | { kind: 'no-data' };

/**
 * A string whose newest sample is older than this counts as offline. Gateways report every few
 * seconds; ten minutes keeps a short network hiccup from telling an owner their system is down.
 */
export const OFFLINE_AFTER_MS = 10 * 60_000;

/** Below this much power (either way) the system is idle: BMS self-use and balancing, not use. */
export const IDLE_BELOW_W = 50;

const isFresh = (r: PackReading, now: number) => now - Date.parse(r.ts) <= OFFLINE_AFTER_MS;

/** Power in W from the wire units: 0.1 V × 0.1 A = 0.01 W. */
export function powerW(r: PackReading): number {
  return (r.packVoltageDv * r.packCurrentDa) / 100;
}

/**
 * The state of the owner's system from its strings' newest samples (null = never reported):
 * the power of the strings that still report, summed; offline only when none reports, since the
 * newest sample of any of them.
 */
export function systemStateOf(readings: readonly (PackReading | null)[], now: number): SystemState {
  const known = readings.filter((r): r is PackReading => r !== null);
  if (known.length === 0) {
    return { kind: 'no-data' };
  }
  const fresh = known.filter((r) => isFresh(r, now));
  if (fresh.length === 0) {
    return { kind: 'offline', since: newestTs(known) ?? known[0]!.ts };
  }
  const watts = fresh.reduce((sum, r) => sum + powerW(r), 0);
  if (Math.abs(watts) < IDLE_BELOW_W) {
    return { kind: 'idle' };
  }
  return { kind: watts > 0 ? 'charging' : 'discharging', powerKw: Math.abs(watts) / 1000 };
}

/** The newest sample time of the readings, or null when there is none. */
export function newestTs(readings: readonly (PackReading | null)[]): string | null {
  let newest: string | null = null;
  for (const r of readings) {
    if (r && (newest === null || Date.parse(r.ts) > Date.parse(newest))) {
      newest = r.ts;
    }
  }
  return newest;
}

/** The state of charge of the whole system: the mean of its strings' (equal strings assumed). */
export function systemSoc(readings: readonly (PackReading | null)[]): number | null {
  const known = readings.filter((r): r is PackReading => r !== null);
  if (known.length === 0) {
    return null;
  }
  return Math.round(known.reduce((sum, r) => sum + r.socPct, 0) / known.length);
}
