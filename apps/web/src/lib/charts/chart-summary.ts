import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import { type ChartColumns, seriesStats } from './series';

/**
 * The chart in words, for screen readers and as a caption: per series its minimum, maximum and
 * newest value ("SOH: min 97 %, max 98 %, latest 97 %."), or that it has none.
 */
export function chartSummary(
  labels: readonly string[],
  columns: ChartColumns,
  format: (v: number | null) => string,
  t: Dictionary,
): string {
  return labels
    .map((label, i) => {
      const stats = seriesStats(columns.ys[i] ?? []);
      return stats
        ? interpolate(t.trends.chart.summary, {
            series: label,
            min: format(stats.min),
            max: format(stats.max),
            last: format(stats.last),
          })
        : interpolate(t.trends.chart.noValues, { series: label });
    })
    .join(' ');
}
