'use client';

import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { type FindingDay, findingColumns } from '../../../lib/intelligence/finding-columns';
import styles from './findings.module.css';

const Chart = dynamic(() => import('../../../lib/charts/uplot-chart').then((m) => m.UplotChart), {
  ssr: false,
  loading: () => <div className={styles.chartPlaceholder} aria-hidden="true" />,
});

interface FindingChartProps {
  days: FindingDay[];
  field: string;
  label: string;
  emptyText: string;
}

const format = (v: number | null) => (v === null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1));

/** The evidence of one finding: its daily series over the year the analysis read. */
export function FindingChart({ days, field, label, emptyText }: FindingChartProps) {
  const columns = useMemo(() => findingColumns(days, field), [days, field]);
  const range = useMemo(
    () => ({ from: (columns.xs[0] ?? 0) * 1000, to: (columns.xs[columns.xs.length - 1] ?? 0) * 1000 }),
    [columns],
  );
  const series = useMemo(() => [{ label }], [label]);
  if (columns.xs.length < 2) {
    return <p className="state-message">{emptyText}</p>;
  }
  return (
    <figure className={styles.chart} aria-label={label}>
      <Chart
        columns={columns}
        series={series}
        kind="line"
        format={format}
        range={range}
        missing={[]}
        // The analysis reads UTC days (the 1-day rollups): its axis stays on UTC days.
        timeZone="UTC"
        testId={`finding-chart-${field}`}
      />
    </figure>
  );
}
