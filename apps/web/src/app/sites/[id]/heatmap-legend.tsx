'use client';

import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import { createUnitFormatter } from '../../../lib/format/units';
import type { HeatmapModel } from './heatmap-model';
import styles from './site.module.css';
import type { StringCells } from './site-types';

// The same end colours as heatmap-model.ts, as a CSS gradient (voltage: low is warm).
const WARM = 'hsl(8 75% 40%)';
const COOL = 'hsl(210 70% 40%)';
const PALE = 'hsl(0 0% 92%)';

/** Colour scale, median, threshold, outlier count and the rule behind the marks. */
export function HeatmapLegend({ model, cells }: { model: HeatmapModel; cells: StringCells }) {
  const { t, locale } = useI18n();
  const h = t.site.heatmap;
  const u = createUnitFormatter(locale);
  const format = model.mode === 'voltage' ? u.millivolts : u.celsiusDc;
  const [low, high] = model.mode === 'voltage' ? [WARM, COOL] : [COOL, WARM];
  const count =
    model.outliers === 0
      ? h.outliersNone
      : model.outliers === 1
        ? h.outliersOne
        : interpolate(h.outliers, { n: model.outliers });
  const floor =
    model.mode === 'voltage'
      ? u.millivolts(cells.rule.voltageFloorMv)
      : u.celsiusDc(cells.rule.temperatureFloorDc);
  return (
    <div className={styles.legend} data-testid="heatmap-legend">
      <p className={styles.legendTitle}>{h.legend}</p>
      <div className={styles.legendScale}>
        <span>{interpolate(h.legendBelow, { value: format(model.range) })}</span>
        <span
          className={styles.legendBar}
          style={{ background: `linear-gradient(to right, ${low}, ${PALE}, ${high})` }}
          aria-hidden="true"
        />
        <span>{interpolate(h.legendAbove, { value: format(model.range) })}</span>
      </div>
      <p className={styles.legendFacts}>
        {interpolate(h.median, { value: format(model.median) })} ·{' '}
        {interpolate(h.threshold, { value: format(model.threshold) })} ·{' '}
        <strong data-testid="outlier-count">{count}</strong>
        {model.mode === 'voltage' && cells.spreadMv !== null
          ? ` · ${interpolate(h.spread, { value: u.millivolts(cells.spreadMv) })}`
          : null}
      </p>
      <p className={styles.legendFacts}>
        <span className={styles.legendOutlier} aria-hidden="true">
          ▼
        </span>{' '}
        {h.legendOutlier}
      </p>
      <details className={styles.rule}>
        <summary>{h.rule}</summary>
        <p>{interpolate(h.ruleText, { k: new Intl.NumberFormat(locale).format(cells.rule.k), floor })}</p>
      </details>
    </div>
  );
}
