import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Finding } from '../api/types';

const round = (v: number) => (Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10);

/** "value unit (line threshold unit) · compared with n strings of cohort …": a finding's numbers in a line. */
export function evidenceText(f: Finding, t: Dictionary['intelligence']): string {
  const e = f.evidence;
  const value = interpolate(t.evidence, {
    value: round(e.value),
    unit: e.unit,
    threshold: round(e.threshold),
  });
  const cohort =
    e.cohortSize === null
      ? t.absolute
      : interpolate(t.cohort, { n: e.cohortSize, cohort: e.cohort ?? f.cohort });
  return `${value} · ${cohort}`;
}
