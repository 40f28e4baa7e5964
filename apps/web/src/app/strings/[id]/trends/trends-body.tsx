'use client';

import { useMemo } from 'react';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import { computeCompleteness } from '../../../../lib/charts/completeness';
import { METRICS } from '../../../../lib/charts/metrics';
import { type RangeChoice, rangeQuery } from '../../../../lib/charts/range';
import type { TimeRange, TrendData } from '../../../../lib/charts/trend-data';
import { formatSiteTime } from '../../../../lib/format/site-time';
import { ChartPanel } from './chart-panel';
import { CompletenessPanel } from './completeness-panel';
import styles from './trends.module.css';

interface TrendsBodyProps {
  stringId: string;
  stringName: string;
  choice: RangeChoice;
  range: TimeRange;
  data: TrendData;
  onZoom: (range: TimeRange) => void;
  /** The site's IANA zone. */
  timeZone: string;
}

/** "All data" asks for 20 years; it is shown from the first bucket on, not as two decades of nothing. */
export function shownRange(choice: RangeChoice, range: TimeRange, data: TrendData): TimeRange {
  const first = data.trend.points[0];
  return choice === 'all' && first ? { from: Date.parse(first.bucketStart), to: range.to } : range;
}

/** The loaded trend: which bucket, how complete, the export, and one panel per metric. */
export function TrendsBody({ stringId, stringName, choice, range, data, onZoom, timeZone }: TrendsBodyProps) {
  const { t, locale } = useI18n();
  const { tier, points } = data.trend;
  const shown = useMemo(() => shownRange(choice, range, data), [choice, range, data]);
  const completeness = useMemo(
    () => computeCompleteness({ range: shown, now: Date.now(), tier, points, gaps: data.gaps }),
    [shown, tier, points, data.gaps],
  );
  const csv = `/strings/${stringId}/export?${rangeQuery(shown).replace('bucket=auto', `bucket=${tier}`)}&format=csv`;
  return (
    <>
      <p className={styles.status}>
        <span data-testid="trend-bucket" data-tier={tier}>
          {interpolate(t.trends.bucket.label, { bucket: t.trends.bucket[tier] })}
        </span>
        <span data-testid="trend-shown">
          {interpolate(t.trends.range.shown, {
            from: formatSiteTime(shown.from, timeZone, locale),
            to: formatSiteTime(shown.to, timeZone, locale),
          })}
        </span>
        <span className={styles.hint}>{t.trends.range.zoomHint}</span>
      </p>
      <CompletenessPanel completeness={completeness} timeZone={timeZone} />
      <section className={`fleet-card ${styles.export}`} aria-labelledby="export-title">
        <h2 id="export-title">{t.trends.export.title}</h2>
        <a className="fleet-button" href={csv} download data-testid="export-csv">
          {t.trends.export.csv}
        </a>
        <span className={styles.hint}>{t.trends.export.csvHint}</span>
      </section>
      {points.length === 0 ? (
        <p className="state-message" data-testid="trends-empty">
          {t.trends.states.empty}
        </p>
      ) : (
        <div className={styles.grid}>
          {METRICS.map((metric) => (
            <ChartPanel
              key={metric.id}
              metric={metric}
              trend={data.trend}
              range={shown}
              missing={completeness.missing}
              onZoom={onZoom}
              timeZone={timeZone}
              fileStem={`${stringName}-${metric.id}`}
            />
          ))}
        </div>
      )}
    </>
  );
}
