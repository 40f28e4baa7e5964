// The early-warning rules, one function each: a string's features and its cohort baselines in,
// a finding (without rank) or null out.
import type { CohortBaseline } from './cohort-baselines.js';
import type { Finding } from './finding.js';
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
type Rule = (f: StringFeatures, b: StringBaselines) => RuleFinding | null;

const r1 = (v: number) => Math.round(v * 10) / 10;

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
        explanation: `SOH is fading ${r1(o.value)} %/year against ${r1(o.base.median)} %/year for its cohort of ${o.base.n} strings (z = ${r1(o.z)}). Check the string's temperature, depth of discharge and cycle load before it reaches the warranty line.`,
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
        explanation: `The cells drift apart by ${r1(o.value)} mV a week (cohort ${r1(o.base.median)} mV/week, z = ${r1(o.z)}). Look at the cell view for the module whose cells move away; a full charge lets the balancer pull them back if it is imbalance, not a failing cell.`,
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
  const share = Math.round((100 * c.days) / c.of);
  return {
    kind: 'weak_cell',
    evidence: { ...relative(o, 'mV'), detail: { cellNo: c.cellNo, cutoffDays: c.days, ofDays: c.of } },
    chartField: 'cellSpreadMaxMv',
    explanation: `Cell ${c.cellNo} was the lowest cell on ${share} % of ${c.of} days, and the string's cell spread (${Math.round(o.value)} mV) is far above its cohort's ${Math.round(o.base.median)} mV: that cell reaches the discharge cut-off first and limits the whole string. Plan a module check or replacement.`,
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
    explanation: `The string has not reached 97 % SOC for ${f.daysSinceFull} days, so the balancer (which works only at the top of charge) has not run. Let it charge fully at least once a month (inverter setting or a maintenance charge).`,
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
      explanation: hot
        ? `The hottest cell spends ${r1(value)} h a day at 35 °C or more. Heat ages LFP cells fastest: improve ventilation or move the string out of the sun.`
        : `The string spends ${r1(value)} h a day at 95 % SOC or more. Standing full ages LFP cells: lower the inverter's charge target outside the balancing charge.`,
    };
  };

export const FINDING_RULES: readonly Rule[] = [
  weakCell,
  balancingStarved,
  fastFade,
  cellDrift,
  dwell('high_temp_dwell'),
  dwell('high_soc_dwell'),
];
