'use client';

import { useMemo } from 'react';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import { chartSummary } from '../../../../lib/charts/chart-summary';
import { valueFormatter } from '../../../../lib/charts/format-value';
import { type MetricId, metricById } from '../../../../lib/charts/metrics';
import { type CompareInput, compareColumns } from '../../../../lib/charts/series';
import type { TimeRange } from '../../../../lib/charts/trend-data';
import { createUnitFormatter } from '../../../../lib/format/units';
import { DynamicChart } from './dynamic-chart';
import styles from './trends.module.css';
import { useCompareData } from './use-compare-data';

const NO_MISSING: readonly TimeRange[] = [];

interface CompareChartProps {
  metric: MetricId;
  range: TimeRange;
  strings: readonly { id: string; name: string }[];
  /** The site's IANA zone (of the page's string), for the time axis. */
  timeZone: string;
}

/** The metric's first series (SOH, max spread, max cell temperature, energy in, …) for each string, one colour each. */
export function CompareChart({ metric, range, strings, timeZone }: CompareChartProps) {
  const { t, locale } = useI18n();
  const def = metricById(metric);
  const states = useCompareData(
    strings.map((s) => s.id),
    range,
  );
  const loaded = strings.flatMap((s) => {
    const state = states.get(s.id);
    return state?.status === 'ready' ? [{ ...s, trend: state.data.trend }] : [];
  });
  const failed = strings.flatMap((s) => {
    const state = states.get(s.id);
    return state?.status === 'error' ? [{ name: s.name, message: state.message }] : [];
  });
  const format = useMemo(() => valueFormatter(createUnitFormatter(locale), def.unit), [locale, def.unit]);
  const loadedKey = loaded.map((s) => `${s.id}:${s.trend.points.length}`).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `loadedKey` stands for the loaded trends
  const { columns, series } = useMemo(() => {
    const first = def.series[0];
    const inputs: CompareInput[] = loaded.map((s) => ({
      points: s.trend.points,
      tier: s.trend.tier,
      nominalWh: s.trend.nominalWh,
    }));
    return {
      columns: first ? compareColumns(first, inputs) : { xs: [], ys: [] },
      series: loaded.map((s) => ({ label: s.name })),
    };
  }, [def, loadedKey]);
  const busy = [...states.values()].some((s) => s.status === 'loading');
  return (
    <figure className={styles.compareFigure} aria-busy={busy} data-testid="compare-chart">
      <figcaption>
        <strong>{t.trends.metrics[metric]}</strong>
      </figcaption>
      {failed.map((f) => (
        <p key={f.name} role="alert">
          {interpolate(t.trends.compare.loadFailed, f)}
        </p>
      ))}
      {busy ? <p className="state-message">{t.trends.states.loading}</p> : null}
      {!busy && loaded.length > 0 ? (
        <>
          <DynamicChart
            columns={columns}
            series={series}
            kind="line"
            format={format}
            range={range}
            missing={NO_MISSING}
            timeZone={timeZone}
          />
          <p className={styles.summary} data-testid="compare-summary">
            {chartSummary(
              series.map((s) => s.label),
              columns,
              format,
              t,
            )}
          </p>
        </>
      ) : null}
    </figure>
  );
}
