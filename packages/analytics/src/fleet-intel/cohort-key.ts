// Which strings are compared with which: same module type, firmware, age band, climate zone and
// usage profile. Bands are coarse on purpose: a cohort must hold enough strings for a median to
// mean something, and a finer split would leave most strings alone in theirs.
import type { StringMeta } from './string-day.js';

export type AgeBand = 'new' | 'young' | 'mid' | 'old' | 'unknown';
export type ClimateZone = 'tropical' | 'subtropical' | 'temperate' | 'cold' | 'unknown';
export type UsageProfile = 'standby' | 'light' | 'daily' | 'heavy' | 'unknown';

export interface CohortKey {
  moduleType: string;
  firmware: string;
  ageBand: AgeBand;
  climateZone: ClimateZone;
  usageProfile: UsageProfile;
}

/** The order in which dimensions are dropped when a cohort is too small: least telling first. */
export const COHORT_FALLBACK_ORDER = [
  'firmware',
  'ageBand',
  'usageProfile',
  'climateZone',
  'moduleType',
] as const;

const YEAR_MS = 365.25 * 86_400_000;

export function ageBandOf(commissionedAtMs: number | null, nowMs: number): AgeBand {
  if (commissionedAtMs === null || !Number.isFinite(commissionedAtMs)) {
    return 'unknown';
  }
  const years = (nowMs - commissionedAtMs) / YEAR_MS;
  if (years < 1) {
    return 'new';
  }
  if (years < 3) {
    return 'young';
  }
  return years < 6 ? 'mid' : 'old';
}

/** Climate from the latitude band: a stand-in for ambient temperature until sites report it. */
export function climateZoneOf(latitude: number | null): ClimateZone {
  if (latitude === null || !Number.isFinite(latitude) || Math.abs(latitude) > 90) {
    return 'unknown';
  }
  const a = Math.abs(latitude);
  if (a < 23.5) {
    return 'tropical';
  }
  if (a < 35) {
    return 'subtropical';
  }
  return a < 55 ? 'temperate' : 'cold';
}

/** Usage from equivalent full cycles per day. */
export function usageProfileOf(cyclesPerDay: number | null): UsageProfile {
  if (cyclesPerDay === null || !Number.isFinite(cyclesPerDay)) {
    return 'unknown';
  }
  if (cyclesPerDay < 0.1) {
    return 'standby';
  }
  if (cyclesPerDay < 0.5) {
    return 'light';
  }
  return cyclesPerDay < 1.2 ? 'daily' : 'heavy';
}

export function cohortKeyOf(meta: StringMeta, cyclesPerDay: number | null, nowMs: number): CohortKey {
  return {
    moduleType: meta.moduleType,
    firmware: meta.firmware ?? 'unknown',
    ageBand: ageBandOf(meta.commissionedAtMs, nowMs),
    climateZone: climateZoneOf(meta.latitude),
    usageProfile: usageProfileOf(cyclesPerDay),
  };
}

/** A key with the first `dropped` dimensions of COHORT_FALLBACK_ORDER set to '*'. */
export function widenedKey(key: CohortKey, dropped: number): string {
  const wildcards = new Set<string>(COHORT_FALLBACK_ORDER.slice(0, dropped));
  const part = (name: keyof CohortKey) => (wildcards.has(name) ? '*' : key[name]);
  return [
    part('moduleType'),
    part('firmware'),
    part('ageBand'),
    part('climateZone'),
    part('usageProfile'),
  ].join('/');
}
