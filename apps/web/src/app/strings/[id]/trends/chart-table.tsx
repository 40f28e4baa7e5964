'use client';

import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import type { MetricDef } from '../../../../lib/charts/metrics';
import type { StringTrend } from '../../../../lib/charts/trend-data';
import { formatSiteTime, siteTimeZone } from '../../../../lib/format/site-time';
import styles from './trends.module.css';

/** Rows beyond this are left to the CSV: a table of 8,760 hours helps nobody. */
const MAX_ROWS = 500;

interface ChartTableProps {
  id: string;
  caption: string;
  metric: MetricDef;
  trend: StringTrend;
  format: (v: number | null) => string;
  /** The site's IANA zone: each row's time on the site's clock. */
  timeZone: string;
}

/** The chart's values as a table, for keyboard and screen-reader users. */
export function ChartTable({ id, caption, metric, trend, format, timeZone }: ChartTableProps) {
  const { t, locale } = useI18n();
  const columns = metric.series.map((s) => s.values(trend.points, trend.nominalWh));
  const rows = trend.points.slice(0, MAX_ROWS);
  return (
    <div className={styles.tableWrap} id={id}>
      <table className={styles.table} data-testid={`table-${metric.id}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{interpolate(t.trends.chart.time, { zone: siteTimeZone(timeZone) })}</th>
            {metric.series.map((s) => (
              <th key={s.id} scope="col">
                {t.trends.series[s.id]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p, row) => (
            <tr key={p.bucketStart}>
              <th scope="row">{formatSiteTime(p.bucketStart, timeZone, locale)}</th>
              {columns.map((values, c) => (
                <td key={metric.series[c]?.id}>{format(values[row] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {trend.points.length > MAX_ROWS ? (
        <p className={styles.hint}>
          {interpolate(t.trends.chart.tableCapped, { shown: MAX_ROWS, total: trend.points.length })}
        </p>
      ) : null}
    </div>
  );
}
