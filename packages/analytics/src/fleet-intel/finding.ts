// An early-warning finding: what kind, the numbers that show it, the chart that explains it, and
// one sentence an installer can act on. Findings are low severity by design: they come before
// the customer notices, not instead of the BMS's own alarms.
import type { StringDay } from './string-day.js';

export const FINDING_KINDS = [
  'weak_cell',
  'balancing_starved',
  'fast_fade',
  'cell_drift',
  'high_temp_dwell',
  'high_soc_dwell',
] as const;
/** In this order a string's findings are ranked: the first names its cause (a weak cell explains the drift it causes). */
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface FindingEvidence {
  /** The string's value of the feature the rule judged. */
  value: number;
  unit: string;
  /** The rule's line (absolute threshold, or the cohort median plus the margin). */
  threshold: number;
  cohortMedian: number | null;
  /** Robust z-score against the cohort (median / scaled MAD), null for an absolute rule. */
  z: number | null;
  cohort: string | null;
  cohortSize: number | null;
  /** Extra numbers, e.g. the weak cell's number and its share of days. */
  detail?: Record<string, number>;
}

export interface Finding {
  stringId: string;
  kind: FindingKind;
  severity: 'info';
  /** True for the string's first-ranked finding: its cause. */
  primary: boolean;
  evidence: FindingEvidence;
  /** The daily field whose chart shows the finding. */
  chartField: keyof Omit<StringDay, 'dayMs'>;
  explanation: string;
}
