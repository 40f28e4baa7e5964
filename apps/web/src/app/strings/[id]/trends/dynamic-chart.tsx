'use client';

import dynamic from 'next/dynamic';
import styles from './trends.module.css';

/**
 * uPlot, loaded in the browser only (it draws on a canvas; nothing to render on the server) and
 * in its own chunk, so the page's first bundle stays small. Holds the chart's height meanwhile.
 */
export const DynamicChart = dynamic(
  () => import('../../../../lib/charts/uplot-chart').then((m) => m.UplotChart),
  { ssr: false, loading: () => <div className={styles.chartPlaceholder} aria-hidden="true" /> },
);
