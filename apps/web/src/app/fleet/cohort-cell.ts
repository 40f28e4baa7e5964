// The fleet table's "vs cohort" cell as text: a compact visible form ("fade 2.1 %/yr · cohort 1.2")
// and a full sentence for screen readers and the tooltip, which also names the cohort. "Worse"
// comes from the API (the analysis's fast_fade / cell_drift rules), never decided here.
import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import type { FleetRowCohort } from './fleet-types';

export interface CohortLine {
  key: 'fade' | 'spread';
  /** Compact, e.g. "fade 2.1 %/yr · cohort 1.2". */
  text: string;
  worse: boolean;
}

export interface CohortCellText {
  /** Empty when there is nothing to compare (no daily run yet, or too little history). */
  lines: CohortLine[];
  /** Shown instead of the lines when they are empty. */
  placeholder: string | null;
  /** The whole comparison as a sentence (visually hidden text and tooltip). */
  description: string;
}

const MISSING = '—';

export function cohortCellText(cohort: FleetRowCohort | null, t: Dictionary, locale: Locale): CohortCellText {
  const c = t.fleet.cohort;
  if (cohort === null) {
    return { lines: [], placeholder: MISSING, description: c.notYet };
  }
  const nf = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // -0.0 would read as a loss of nothing with a sign: a value that rounds to zero shows as 0.0.
  const n = (v: number | null) =>
    v === null || !Number.isFinite(v) ? MISSING : nf.format(Math.abs(v) < 0.05 ? 0 : v);
  const parts = [
    {
      key: 'fade' as const,
      value: cohort.fadePctPerYear,
      median: cohort.cohortFadePctPerYear,
      worse: cohort.fadeWorse,
      short: c.fadeShort,
      long: c.fadeLong,
    },
    {
      key: 'spread' as const,
      value: cohort.spreadGrowthMvPerMonth,
      median: cohort.cohortSpreadGrowthMvPerMonth,
      worse: cohort.spreadWorse,
      short: c.spreadShort,
      long: c.spreadLong,
    },
  ].filter((p) => p.value !== null && Number.isFinite(p.value));
  const of = cohort.size === null ? c.cohortOf : c.cohortOfSize;
  const cohortText = interpolate(of, { label: cohort.label, n: cohort.size ?? '' });
  if (parts.length === 0) {
    return { lines: [], placeholder: c.tooShort, description: `${c.tooShortLong} ${cohortText}` };
  }
  const lines = parts.map((p) => ({
    key: p.key,
    text: interpolate(p.short, { value: n(p.value), median: n(p.median) }),
    worse: p.worse,
  }));
  const sentences = parts.map(
    (p) =>
      `${interpolate(p.long, { value: n(p.value), median: n(p.median) })}${p.worse ? ` ${c.worseLong}` : ''}`,
  );
  return { lines, placeholder: null, description: [...sentences, cohortText].join(' ') };
}
