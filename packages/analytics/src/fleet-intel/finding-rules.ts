// The early-warning rules, one function each: a string's features and its cohort baselines in,
// a finding (without rank) or null out.
import type { CohortBaseline } from './cohort-baselines.js';
import type { Finding } from './finding.js';
import { findingExplanation } from './finding-text.js';
import { FLEET_INTEL_THRESHOLDS as T } from './finding-thresholds.js';
import { robustZ } from './robust-stats.js';
import type { StringFeatures } from './string-features.js';

export interface StringBaselines {
  fade: CohortBaseline | null;
  spreadGrowth: CohortBaseline | null;
  recentSpread: CohortBaseline | null;
  daysSinceFull: CohortBaseline | null;
}

export type RuleFinding = Omit<Finding, 'stringId' | 'primary' | 'severity'>;
type Rule = (f: StringFeatures, b: StringBaselines) => Omit<RuleFinding, 'explanation'> | null;

/** Both the z-score and the margin over the cohort median, or null. */
function outlier(value: number | null, base: CohortBaseline | null, margin: number) {
  if (value === null || base === null || value - base.median < margin) {
    return null;
  }
  const z = robustZ(value, base);
  return z < T.minZ
    ? null
    : { value, z, base, threshold: Math.max(base.median + margin, base.median + T.minZ * base.scale) };
}

const relative = (o: NonNullable<ReturnType<typeof outlier>>, unit: string) => ({
  value: o.value,
  unit,
  threshold: o.threshold,
  cohortMedian: o.base.median,
  z: o.z,
  cohort: o.base.cohort,
  cohortSize: o.base.n,
});

const fastFade: Rule = (f, b) => {
  const o = outlier(f.fadePctPerYear, b.fade, T.fastFade.marginPctPerYear);
  return o === null
    ? null
    : {
        kind: 'fast_fade',
        evidence: relative(o, '%/year'),
        chartField: 'sohPct',
      };
};

const cellDrift: Rule = (f, b) => {
  const o = outlier(f.spreadGrowthMvPerWeek, b.spreadGrowth, T.cellDrift.marginMvPerWeek);
  return o === null
    ? null
    : {
        kind: 'cell_drift',
        evidence: relative(o, 'mV/week'),
        chartField: 'cellSpreadMaxMv',
      };
};

const weakCell: Rule = (f, b) => {
  const c = f.cutoffCell;
  if (c === null || c.days < T.weakCell.minCutoffDays || c.days / c.of < T.weakCell.minCutoffShare) {
    return null;
  }
  const o = outlier(f.recentSpreadMv, b.recentSpread, T.weakCell.marginMv);
  if (o === null) {
    return null;
  }
  return {
    kind: 'weak_cell',
    evidence: { ...relative(o, 'mV'), detail: { cellNo: c.cellNo, cutoffDays: c.days, ofDays: c.of } },
    chartField: 'cellSpreadMaxMv',
  };
};

const balancingStarved: Rule = (f, b) => {
  if (
    f.daysSinceFull === null ||
    f.daysSinceFull < T.balancingStarved.days ||
    f.observedDaysSinceFull < T.balancingStarved.minObservedDays
  ) {
    return null;
  }
  return {
    kind: 'balancing_starved',
    evidence: {
      value: f.daysSinceFull,
      unit: 'days',
      threshold: T.balancingStarved.days,
      cohortMedian: b.daysSinceFull?.median ?? null,
      z: null,
      cohort: b.daysSinceFull?.cohort ?? null,
      cohortSize: b.daysSinceFull?.n ?? null,
    },
    chartField: 'socMaxPct',
  };
};

const dwell =
  (kind: 'high_temp_dwell' | 'high_soc_dwell'): Rule =>
  (f) => {
    const hot = kind === 'high_temp_dwell';
    const value = hot ? f.highTempHoursPerDay : f.highSocHoursPerDay;
    const threshold = hot ? T.highTempDwell.hoursPerDay : T.highSocDwell.hoursPerDay;
    if (value === null || value < threshold) {
      return null;
    }
    return {
      kind,
      evidence: {
        value,
        unit: 'h/day',
        threshold,
        cohortMedian: null,
        z: null,
        cohort: null,
        cohortSize: null,
      },
      chartField: hot ? 'highTempHours' : 'highSocHours',
    };
  };

/** The rule's finding with its English sentence (the stored text; the API renders it per reader). */
const explained =
  (rule: Rule) =>
  (f: StringFeatures, b: StringBaselines): RuleFinding | null => {
    const found = rule(f, b);
    return found === null
      ? null
      : { ...found, explanation: findingExplanation(found.kind, found.evidence, 'en') ?? '' };
  };

export const FINDING_RULES: readonly ((f: StringFeatures, b: StringBaselines) => RuleFinding | null)[] = [
  weakCell,
  balancingStarved,
  fastFade,
  cellDrift,
  dwell('high_temp_dwell'),
  dwell('high_soc_dwell'),
].map(explained);
