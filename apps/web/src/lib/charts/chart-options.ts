import uPlot from 'uplot';
import { siteTimeZone } from '../format/site-time';
import { zoomRange } from './range';
import { shadeMissing } from './shading';
import { type ChartTheme, seriesColour } from './theme';
import { timeTick } from './time-ticks';
import type { TimeRange } from './trend-data';

export interface ChartSpec {
  series: readonly { label: string }[];
  kind: 'line' | 'bars';
  format: (v: number | null) => string;
  /** The x axis spans the whole range, so a hole at either end is visible (and shaded). */
  range: TimeRange;
  missing: readonly TimeRange[];
  /** The site's IANA zone: the time axis runs on the site's clock. */
  timeZone: string;
  onZoom?: (range: TimeRange) => void;
}

const HEIGHT = 220;

/**
 * uPlot options for one trend chart: a time axis on the site's clock over the range, values through the unit
 * formatter, missing ranges shaded beneath the series, and a drag selection on x that asks for
 * the selected range (instead of uPlot's own zoom, so the data is read again at a finer bucket).
 */
export function chartOptions(spec: ChartSpec, theme: ChartTheme, width: number): uPlot.Options {
  const zone = siteTimeZone(spec.timeZone);
  const axis = { stroke: theme.muted, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid } };
  return {
    width,
    height: HEIGHT,
    // uPlot places its ticks (whole hours, midnights) on the wall clock tzDate returns.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), zone),
    scales: {
      x: { time: true, range: () => [spec.range.from / 1000, spec.range.to / 1000] },
      // Bars (energy per bucket) stand on zero, or their heights would mislead.
      ...(spec.kind === 'bars' ? { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } } : {}),
    },
    axes: [
      {
        ...axis,
        values: (_u, splits) => splits.map((v) => timeTick(v, spec.range.to - spec.range.from, zone)),
      },
      { ...axis, size: 70, values: (_u, splits) => splits.map((v) => spec.format(v)) },
    ],
    series: [{}, ...spec.series.map((s, i) => seriesOptions(s.label, seriesColour(theme, i), spec, i))],
    cursor: { drag: { x: true, y: false, setScale: false } },
    legend: { live: true },
    hooks: {
      drawClear: [(u) => shadeMissing(u, spec.missing, theme.missing)],
      setSelect: [(u) => selectToZoom(u, spec.onZoom)],
    },
  };
}

function seriesOptions(label: string, colour: string, spec: ChartSpec, index: number): uPlot.Series {
  const base = { label, stroke: colour, value: (_u: uPlot, v: number | null) => spec.format(v) };
  if (spec.kind === 'bars') {
    // Bars of later series are drawn narrower on top, so both stay visible in one bucket.
    const size = Math.max(0.3, 0.8 - index * 0.35);
    const bars = uPlot.paths.bars?.({ size: [size, 60], align: 0 });
    return { ...base, fill: colour, width: 0, paths: bars, points: { show: false } };
  }
  return { ...base, width: 1.5, spanGaps: false, points: { show: false } };
}

function selectToZoom(u: uPlot, onZoom: ChartSpec['onZoom']): void {
  const { left, width } = u.select;
  if (!onZoom || width <= 0) {
    return;
  }
  const next = zoomRange(u.posToVal(left, 'x'), u.posToVal(left + width, 'x'));
  u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
  if (next) {
    onZoom(next);
  }
}
