// The fleet's early warnings in one pass: features per string, cohort baselines per feature,
// every rule per string, findings ranked so the first names the cause.
import { cohortBaselines } from './cohort-baselines.js';
import { type CohortKey, cohortKeyOf, widenedKey } from './cohort-key.js';
import { FINDING_KINDS, type Finding } from './finding.js';
import { FINDING_RULES, type StringBaselines } from './finding-rules.js';
import { FLEET_INTEL_THRESHOLDS as T } from './finding-thresholds.js';
import type { StringHistory } from './string-day.js';
import { type StringFeatures, stringFeatures } from './string-features.js';

export interface StringAnalysis {
  stringId: string;
  cohort: CohortKey;
  /** The full key as text, e.g. `H48050/1.2/young/temperate/daily`. */
  cohortKey: string;
  features: StringFeatures;
  baselines: StringBaselines;
}

export interface FleetAnalysis {
  strings: StringAnalysis[];
  findings: Finding[];
}

export interface AnalyseFleetOptions {
  /** "Now" for age bands, epoch ms (default: the latest day in the data). */
  nowMs?: number;
  minCohortSize?: number;
}

const rank = (kind: Finding['kind']) => FINDING_KINDS.indexOf(kind);

export function analyseFleet(
  fleet: readonly StringHistory[],
  options: AnalyseFleetOptions = {},
): FleetAnalysis {
  const features = fleet.map((s) => stringFeatures(s.days));
  // A loop, not Math.max(...): a spread of 100,000 arguments overflows the stack.
  const nowMs = options.nowMs ?? features.reduce((max, f) => Math.max(max, f.lastDayMs ?? 0), 0);
  const keys = fleet.map((s, i) => cohortKeyOf(s.meta, features[i]!.cyclesPerDay, nowMs));
  const min = options.minCohortSize ?? T.minCohortSize;
  const of = (pick: (f: StringFeatures) => number | null, minScale: number) =>
    cohortBaselines(
      features.map((f, i) => ({ key: keys[i]!, value: pick(f) })),
      min,
      minScale,
    );
  const fade = of((f) => f.fadePctPerYear, T.fastFade.minScalePctPerYear);
  const growth = of((f) => f.spreadGrowthMvPerWeek, T.cellDrift.minScaleMvPerWeek);
  const spread = of((f) => f.recentSpreadMv, T.weakCell.minScaleMv);
  const sinceFull = of((f) => f.daysSinceFull, 1);
  const strings = fleet.map((s, i) => ({
    stringId: s.meta.stringId,
    cohort: keys[i]!,
    cohortKey: widenedKey(keys[i]!, 0),
    features: features[i]!,
    baselines: {
      fade: fade[i]!,
      spreadGrowth: growth[i]!,
      recentSpread: spread[i]!,
      daysSinceFull: sinceFull[i]!,
    },
  }));
  const findings = strings.flatMap((s) => {
    const found = FINDING_RULES.map((rule) => rule(s.features, s.baselines))
      .filter((f) => f !== null)
      .sort((a, b) => rank(a.kind) - rank(b.kind));
    return found.map((f, i): Finding => ({ ...f, stringId: s.stringId, severity: 'info', primary: i === 0 }));
  });
  return { strings, findings };
}
