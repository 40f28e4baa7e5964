// Cohort medians per feature, with fallback: a string is compared with the strings sharing its
// whole cohort key when there are at least `minCohortSize` of them with that feature, else with
// a wider cohort (COHORT_FALLBACK_ORDER drops one dimension at a time), finally the whole fleet.
// Groups are built once per widening level, so the cost grows with the fleet, not its square.
import { COHORT_FALLBACK_ORDER, type CohortKey, widenedKey } from './cohort-key.js';
import { type RobustBaseline, robustBaseline } from './robust-stats.js';

export interface CohortBaseline extends RobustBaseline {
  /** The cohort the string was compared with, e.g. `H48050/*\/young/temperate/daily`. */
  cohort: string;
}

export interface CohortMember {
  key: CohortKey;
  value: number | null;
}

const LEVELS = COHORT_FALLBACK_ORDER.length;

/** Baseline for each member (same order), null when the member has no value or the fleet has none. */
export function cohortBaselines(
  members: readonly CohortMember[],
  minCohortSize: number,
  minScale: number,
): (CohortBaseline | null)[] {
  const keys = members.map((m) => Array.from({ length: LEVELS + 1 }, (_, level) => widenedKey(m.key, level)));
  const groups: Map<string, number[]>[] = Array.from({ length: LEVELS + 1 }, () => new Map());
  members.forEach((m, i) => {
    if (m.value === null || !Number.isFinite(m.value)) {
      return;
    }
    for (let level = 0; level <= LEVELS; level++) {
      const key = keys[i]![level]!;
      const group = groups[level]!.get(key);
      group === undefined ? groups[level]!.set(key, [m.value]) : group.push(m.value);
    }
  });
  const cache = new Map<string, CohortBaseline | null>();
  const baselineOf = (level: number, key: string): CohortBaseline | null => {
    const id = `${level}|${key}`;
    if (!cache.has(id)) {
      const base = robustBaseline(groups[level]!.get(key) ?? [], minScale);
      cache.set(id, base === null ? null : { ...base, cohort: key });
    }
    return cache.get(id)!;
  };
  return members.map((m, i) => {
    if (m.value === null || !Number.isFinite(m.value)) {
      return null;
    }
    for (let level = 0; level < LEVELS; level++) {
      const key = keys[i]![level]!;
      if ((groups[level]!.get(key)?.length ?? 0) >= minCohortSize) {
        return baselineOf(level, key);
      }
    }
    // The whole fleet, however small: better a small comparison said plainly than none.
    return baselineOf(LEVELS, keys[i]![LEVELS]!);
  });
}
