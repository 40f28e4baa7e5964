'use client';

import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import { type ChartSpec, chartOptions } from './chart-options';
import type { ChartColumns } from './series';
import { readChartTheme } from './theme';

export interface UplotChartProps extends ChartSpec {
  columns: ChartColumns;
  /** Gets the live plot (for the PNG export), and null when it is torn down. */
  onPlot?: (plot: uPlot | null) => void;
  testId?: string;
}

/**
 * One uPlot chart, sized to its container and rebuilt when its data, spec or colour scheme
 * changes. Loaded with next/dynamic (no server render: uPlot draws on a canvas), which also keeps
 * uPlot out of the page's first bundle.
 */
export function UplotChart(props: UplotChartProps) {
  const { columns, onPlot, testId, ...spec } = props;
  const host = useRef<HTMLDivElement>(null);
  const scheme = useSchemeVersion();
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = host.current;
    if (!element) {
      return;
    }
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the spec's parts are listed; `scheme` rebuilds on a theme switch
  useEffect(() => {
    const element = host.current;
    if (!element || width <= 0) {
      return;
    }
    const plot = new uPlot(
      chartOptions(spec, readChartTheme(element), width),
      [columns.xs, ...columns.ys] as uPlot.AlignedData,
      element,
    );
    onPlot?.(plot);
    return () => {
      onPlot?.(null);
      plot.destroy();
    };
  }, [
    columns,
    spec.series,
    spec.kind,
    spec.format,
    spec.range,
    spec.missing,
    spec.onZoom,
    spec.timeZone,
    width,
    scheme,
  ]);

  return <div ref={host} className="trend-chart" data-testid={testId} />;
}

/** Bumps when the colour scheme may have changed: the html data-theme attribute or the OS preference. */
function useSchemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', bump);
    };
  }, []);
  return version;
}
