// Each string's fade and spread growth beside its cohort's medians, for the fleet table's
// "vs cohort" cell. "Worse" is exactly what the fast_fade / cell_drift rules decide (z-score AND
// margin), so the table's marker and the early-warning findings never disagree.
import type { FleetAnalysis } from './analyse-fleet.js';

/** Spread growth is fitted per week; the table speaks per month (mean Gregorian month). */
const WEEKS_PER_MONTH = 365.25 / 12 / 7;

export interface CohortComparison {
  stringId: string;
  /** The string's own full cohort key, e.g. `H48050/unknown/young/temperate/daily`. */
  cohortKey: string;
  /** The cohort the fade was compared with (may be wider than the key when the key is too small). */
  cohortLabel: string;
  cohortSize: number | null;
  /** %/year, + = losing; null without enough SOH history. */
  fadePctPerYear: number | null;
  cohortFadePctPerYear: number | null;
  fadeWorse: boolean;
  spreadGrowthMvPerMonth: number | null;
  cohortSpreadGrowthMvPerMonth: number | null;
  spreadWorse: boolean;
}

const perMonth = (perWeek: number | null | undefined) =>
  perWeek === null || perWeek === undefined ? null : perWeek * WEEKS_PER_MONTH;

export function cohortComparisons(analysis: FleetAnalysis): CohortComparison[] {
  const worse = new Set(analysis.findings.map((f) => `${f.stringId}|${f.kind}`));
  return analysis.strings.map((s) => {
    const fade = s.baselines.fade;
    const growth = s.baselines.spreadGrowth;
    return {
      stringId: s.stringId,
      cohortKey: s.cohortKey,
      cohortLabel: fade?.cohort ?? growth?.cohort ?? s.cohortKey,
      cohortSize: fade?.n ?? growth?.n ?? null,
      fadePctPerYear: s.features.fadePctPerYear,
      cohortFadePctPerYear: fade?.median ?? null,
      fadeWorse: worse.has(`${s.stringId}|fast_fade`),
      spreadGrowthMvPerMonth: perMonth(s.features.spreadGrowthMvPerWeek),
      cohortSpreadGrowthMvPerMonth: perMonth(growth?.median),
      spreadWorse: worse.has(`${s.stringId}|cell_drift`),
    };
  });
}
