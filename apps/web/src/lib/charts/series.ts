import { RAW_GAP_MS } from './completeness';
import type { MetricDef, SeriesDef } from './metrics';
import { TIER_WIDTH_MS } from './range';
import type { TrendPoint, TrendTier } from './trend-data';

/** uPlot's column layout: x in seconds, then one column per series (null = no value, line broken). */
export interface ChartColumns {
  xs: number[];
  /** null: a hole (the line breaks); undefined: no point at this x (the line continues). */
  ys: (number | null | undefined)[][];
}

/** Two neighbours further apart than this are not joined by a line: a missing bucket lies between. */
export function breakAfterMs(tier: TrendTier): number {
  const width = TIER_WIDTH_MS[tier];
  return width > 0 ? width * 1.5 : RAW_GAP_MS;
}

/**
 * The metric's columns over the points, oldest first, with an all-null row inserted inside every
 * hole (see {@link breakAfterMs}) so uPlot breaks the lines there instead of drawing across.
 */
export function metricColumns(
  metric: MetricDef,
  points: readonly TrendPoint[],
  tier: TrendTier,
  nominalWh: number | null,
): ChartColumns {
  const columns = metric.series.map((s) => s.values(points, nominalWh));
  const times = points.map((p) => Date.parse(p.bucketStart));
  return withBreaks(times, columns, breakAfterMs(tier));
}

export function withBreaks(times: readonly number[], columns: readonly (number | null)[][], limitMs: number) {
  const out: ChartColumns = { xs: [], ys: columns.map(() => []) };
  times.forEach((t, i) => {
    const prev = times[i - 1];
    if (prev !== undefined && t - prev > limitMs) {
      out.xs.push((prev + t) / 2000);
      for (const y of out.ys) {
        y.push(null);
      }
    }
    out.xs.push(t / 1000);
    out.ys.forEach((y, c) => {
      y.push(columns[c]?.[i] ?? null);
    });
  });
  return out;
}

export interface CompareInput {
  points: readonly TrendPoint[];
  tier: TrendTier;
  nominalWh: number | null;
}

/**
 * One series per string on a shared time axis: the union of their bucket starts, each string's
 * value where it has one (strings may come from different tiers when their data starts at
 * different ages; each keeps its own breaks).
 */
export function compareColumns(series: SeriesDef, strings: readonly CompareInput[]): ChartColumns {
  const shaped = strings.map((s) =>
    withBreaks(
      s.points.map((p) => Date.parse(p.bucketStart)),
      [series.values(s.points, s.nominalWh)],
      breakAfterMs(s.tier),
    ),
  );
  const xs = [...new Set(shaped.flatMap((s) => s.xs))].sort((a, b) => a - b);
  const ys = shaped.map((s) => {
    const byX = new Map(s.xs.map((x, i) => [x, s.ys[0]?.[i] ?? null]));
    // undefined (uPlot: "no point here", the line goes on) where only another string has a
    // bucket; null (a break) only where this string itself has a hole.
    return xs.map((x) => (byX.has(x) ? (byX.get(x) ?? null) : undefined));
  });
  return { xs, ys };
}

export interface SeriesStats {
  min: number;
  max: number;
  last: number;
}

/** Smallest, largest and newest value of a column, or null when it has none. */
export function seriesStats(values: readonly (number | null | undefined)[]): SeriesStats | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const last = present.at(-1);
  if (last === undefined) {
    return null;
  }
  return { min: Math.min(...present), max: Math.max(...present), last };
}
