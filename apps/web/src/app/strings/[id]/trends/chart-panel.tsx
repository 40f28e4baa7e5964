'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import { chartSummary } from '../../../../lib/charts/chart-summary';
import { valueFormatter } from '../../../../lib/charts/format-value';
import type { MetricDef } from '../../../../lib/charts/metrics';
import { chartPng, saveBlob } from '../../../../lib/charts/png-export';
import { metricColumns } from '../../../../lib/charts/series';
import { readChartTheme, seriesColour } from '../../../../lib/charts/theme';
import type { StringTrend, TimeRange } from '../../../../lib/charts/trend-data';
import { createUnitFormatter } from '../../../../lib/format/units';
import { ChartTable } from './chart-table';
import { DynamicChart } from './dynamic-chart';
import styles from './trends.module.css';

interface ChartPanelProps {
  metric: MetricDef;
  trend: StringTrend;
  range: TimeRange;
  missing: readonly TimeRange[];
  onZoom?: (range: TimeRange) => void;
  /** The site's IANA zone, for the time axis and the table. */
  timeZone: string;
  fileStem: string;
}

/** One metric: title, a note where the values are derived, the chart, its text summary, the table and PNG. */
export function ChartPanel({ metric, trend, range, missing, onZoom, timeZone, fileStem }: ChartPanelProps) {
  const { t, locale } = useI18n();
  const plot = useRef<uPlot | null>(null);
  const [tableShown, setTableShown] = useState(false);
  const title = t.trends.metrics[metric.id];
  const format = useMemo(
    () => valueFormatter(createUnitFormatter(locale), metric.unit),
    [locale, metric.unit],
  );
  const series = useMemo(() => metric.series.map((s) => ({ label: t.trends.series[s.id] })), [metric, t]);
  const columns = useMemo(
    () => metricColumns(metric, trend.points, trend.tier, trend.nominalWh),
    [metric, trend],
  );
  const onPlot = useCallback((p: uPlot | null) => {
    plot.current = p;
  }, []);
  const downloadPng = async () => {
    const current = plot.current;
    if (!current) {
      return;
    }
    const theme = readChartTheme(current.root);
    const legend = series.map((s, i) => ({ label: s.label, colour: seriesColour(theme, i) }));
    saveBlob(await chartPng(current.ctx.canvas, title, legend, theme), `${slug(fileStem)}.png`);
  };
  const headingId = `chart-${metric.id}-title`;
  return (
    <section
      className={`fleet-card ${styles.panel}`}
      aria-labelledby={headingId}
      data-testid={`chart-${metric.id}`}
    >
      <div className={styles.panelHead}>
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="fleet-button" onClick={downloadPng} data-testid={`png-${metric.id}`}>
          {t.trends.chart.downloadPng}
        </button>
      </div>
      <MetricNote metric={metric} trend={trend} />
      <DynamicChart
        columns={columns}
        series={series}
        kind={metric.kind}
        format={format}
        range={range}
        missing={missing}
        onZoom={onZoom}
        timeZone={timeZone}
        onPlot={onPlot}
        testId={`plot-${metric.id}`}
      />
      <p className={styles.summary} data-testid={`summary-${metric.id}`}>
        {chartSummary(
          series.map((s) => s.label),
          columns,
          format,
          t,
        )}
      </p>
      <button
        type="button"
        className="fleet-button"
        aria-expanded={tableShown}
        aria-controls={`table-${metric.id}`}
        onClick={() => setTableShown((v) => !v)}
        data-testid={`table-toggle-${metric.id}`}
      >
        {tableShown ? t.trends.chart.hideTable : t.trends.chart.showTable}
      </button>
      {tableShown ? (
        <ChartTable
          id={`table-${metric.id}`}
          caption={title}
          metric={metric}
          trend={trend}
          format={format}
          timeZone={timeZone}
        />
      ) : null}
    </section>
  );
}

function MetricNote({ metric, trend }: { metric: MetricDef; trend: StringTrend }) {
  const { t, locale } = useI18n();
  const notes = t.trends.notes;
  let note: string | null = null;
  if (metric.id === 'cycles') {
    note =
      trend.nominalWh === null
        ? notes.cyclesUnknown
        : interpolate(notes.cycles, {
            nominal: createUnitFormatter(locale).kilowattHours(trend.nominalWh / 1000),
          });
  } else if (metric.id === 'energy' && trend.tier === 'raw') {
    note = notes.rawEnergy;
  }
  return note ? <p className={styles.note}>{note}</p> : null;
}

/** A file name from a string name: letters, digits and dashes only. */
function slug(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'chart';
}
