import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Finding } from '../api/types';

type Texts = Dictionary['intelligence'];

/** One decimal below 10, whole above; with the language's decimal separator. */
const round = (v: number, t: Texts) =>
  String(Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10).replace('.', t.decimal);

/** The API's unit (`%/year`, `h/day`, …) in the page's words; an unknown unit as it came. */
const unitOf = (unit: string, t: Texts) =>
  Object.hasOwn(t.units, unit) ? t.units[unit as keyof Texts['units']] : unit;

/** "value unit (line threshold unit) · compared with n strings of cohort …": a finding's numbers in a line. */
export function evidenceText(f: Finding, t: Texts): string {
  const e = f.evidence;
  const value = interpolate(t.evidence, {
    value: round(e.value, t),
    unit: unitOf(e.unit, t),
    threshold: round(e.threshold, t),
  });
  const cohort =
    e.cohortSize === null
      ? t.absolute
      : interpolate(t.cohort, { n: e.cohortSize, cohort: e.cohort ?? f.cohort });
  return `${value} · ${cohort}`;
}
