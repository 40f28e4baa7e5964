// Every line a rule draws, in one place (documented in packages/analytics/README.md, "Fleet
// intelligence"). A relative rule needs BOTH a robust z-score and an absolute margin over the
// cohort median: the z alone would flag a trivial difference in a cohort that agrees closely,
// the margin alone would ignore how much the cohort varies.
export const FLEET_INTEL_THRESHOLDS = {
  /** Strings with a feature needed before a cohort is used instead of a wider one. */
  minCohortSize: 8,
  /** Robust z-score a relative rule requires. */
  minZ: 3.5,
  fastFade: { marginPctPerYear: 1.5, minScalePctPerYear: 0.5 },
  cellDrift: { marginMvPerWeek: 1, minScaleMvPerWeek: 0.5 },
  weakCell: { minCutoffShare: 0.8, minCutoffDays: 8, marginMv: 30, minScaleMv: 5 },
  /** Pylontech's LV full-charge request: 30 days without 97 % (protocol reference §6). */
  balancingStarved: { days: 30, minObservedDays: 3 },
  /** Mean hours a day with the hottest cell ≥ 35 °C. */
  highTempDwell: { hoursPerDay: 4 },
  /** Mean hours a day at SOC ≥ 95 %. */
  highSocDwell: { hoursPerDay: 16 },
} as const;

export type FleetIntelThresholds = typeof FLEET_INTEL_THRESHOLDS;
