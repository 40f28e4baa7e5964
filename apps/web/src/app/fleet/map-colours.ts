import type { FleetSite } from './fleet-types';

export type MarkerLevel = NonNullable<FleetSite['worstSeverity']> | 'none';

/** The CSS variable of each marker level (resolved in the browser, so dark mode applies). */
export const LEVEL_VARIABLE: Record<MarkerLevel, string> = {
  critical: '--fleet-danger',
  major: '--fleet-danger',
  warning: '--fleet-warning',
  info: '--fleet-info',
  none: '--fleet-success',
};

/** Worst first, so the legend reads like the severity sort. */
export const LEVELS: readonly MarkerLevel[] = ['critical', 'major', 'warning', 'info', 'none'];

export function levelOf(site: FleetSite): MarkerLevel {
  return site.worstSeverity ?? 'none';
}

/** Sites with usable coordinates, and the others (listed apart under the map). */
export function splitByCoordinates(sites: readonly FleetSite[]): {
  placed: FleetSite[];
  unplaced: FleetSite[];
} {
  const ok = (s: FleetSite) =>
    s.latitude !== null && s.longitude !== null && Math.abs(s.latitude) <= 90 && Math.abs(s.longitude) <= 180;
  return { placed: sites.filter(ok), unplaced: sites.filter((s) => !ok(s)) };
}
