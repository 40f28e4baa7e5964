import type { AlarmSeverity, PackState } from '@fleet/telemetry';

/**
 * What the fleet view says a string is doing. `offline`: ingest's stale sweep recorded it offline
 * (connectivity_event), or it never sent a sample; `stale`: its newest sample is older than
 * FLEET_STALE_AFTER_S and the sweep has not (yet) called it offline; otherwise the pack's own
 * state (charge, discharge; everything else counts as idle).
 */
export type FleetStatus = 'charging' | 'discharging' | 'idle' | 'offline' | 'stale';
export const FLEET_STATUSES: readonly FleetStatus[] = ['charging', 'discharging', 'idle', 'offline', 'stale'];

/** Three missed reports of the agent's default plan (maxSilenceS = 300 s), the stale rule's default. */
export const FLEET_STALE_AFTER_S = 900;

export type FleetListSort = 'name' | 'severity' | 'soc' | 'soh' | 'completeness' | 'lastSeen';
export const FLEET_LIST_SORTS: readonly FleetListSort[] = [
  'name',
  'severity',
  'soc',
  'soh',
  'completeness',
  'lastSeen',
];
export type SortDirection = 'asc' | 'desc';

export interface FleetListFilters {
  /** Case-insensitive substring of the string name, the site name or the site address. */
  q?: string;
  statuses?: readonly FleetStatus[];
  /** Strings whose worst open alarm has one of these severities. */
  severities?: readonly AlarmSeverity[];
  /** true: only strings with an open (or acknowledged) alarm; false: only those without. */
  hasOpenAlarm?: boolean;
  siteIds?: readonly string[];
}

export interface FleetListOptions {
  filters?: FleetListFilters;
  /** Default name. */
  sort?: FleetListSort;
  /**
   * Default asc. severity asc = worst first; soc/soh/completeness asc = lowest first; lastSeen asc
   * = longest silent first. Strings without a value come last either way; ties go by name, id.
   */
  dir?: SortDirection;
  cursor?: string | null;
  /** Default 100, at most 1000. */
  limit?: number;
  /** The clock for status and completeness (tests pin it). */
  now?: Date;
}

export interface FleetListRow {
  stringId: string;
  name: string;
  siteId: string;
  siteName: string;
  siteAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Newest sample; null if none yet. */
  lastTs: Date | null;
  state: PackState | null;
  status: FleetStatus;
  socPct: number | null;
  sohPct: number | null;
  /** Share of the last 24 whole hours covered by samples (string_rollup_1h covered_s), 0–100. */
  completenessPct: number;
  worstSeverity: AlarmSeverity | null;
  /** The string beside its cohort from the last daily analysis; null before the first run. */
  cohort: FleetRowCohort | null;
}

/** fleet_cohort_stat as the fleet list returns it. */
export interface FleetRowCohort {
  /** The cohort compared with, e.g. `H48050/*\/young/temperate/daily` (wider than the string's own when that is too small). */
  label: string;
  size: number | null;
  /** %/year, + = losing; null without 60 days of SOH. */
  fadePctPerYear: number | null;
  cohortFadePctPerYear: number | null;
  /** The fast_fade rule's z-score and margin are both exceeded. */
  fadeWorse: boolean;
  spreadGrowthMvPerMonth: number | null;
  cohortSpreadGrowthMvPerMonth: number | null;
  /** The cell_drift rule's z-score and margin are both exceeded. */
  spreadWorse: boolean;
  computedAt: string;
}

export interface FleetListPage {
  rows: FleetListRow[];
  /** Strings matching the filters, over all pages. */
  total: number;
  nextCursor: string | null;
}
