'use client';

import { useMemo } from 'react';
import { useI18n } from '../../../../i18n/client';
import type { Completeness } from '../../../../lib/charts/completeness';
import { completenessText } from '../../../../lib/charts/completeness-text';
import { createUnitFormatter } from '../../../../lib/format/units';
import styles from './trends.module.css';

/** The text twin of the charts' shading: share complete, number of gaps, and the gaps by time (site's clock). */
export function CompletenessPanel({
  completeness,
  timeZone,
}: {
  completeness: Completeness;
  timeZone: string;
}) {
  const { t, locale } = useI18n();
  const text = useMemo(
    () => completenessText(completeness, t, createUnitFormatter(locale), timeZone),
    [completeness, t, locale, timeZone],
  );
  return (
    <section className={`fleet-card ${styles.completeness}`} aria-labelledby="completeness-title">
      <h2 id="completeness-title">{t.trends.completeness.title}</h2>
      <p data-testid="completeness-summary" data-percent={completeness.percent ?? ''}>
        {text.summary}
      </p>
      <p className={styles.legend}>
        <span className={styles.missingSwatch} aria-hidden="true" /> {t.trends.completeness.legendMissing}
      </p>
      {text.gaps.length > 0 ? (
        <ul className={styles.gaps}>
          {text.gaps.map((gap) => (
            <li key={gap} data-testid="gap-item">
              {gap}
            </li>
          ))}
          {text.more ? <li>{text.more}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
