import { mergeRanges, totalLength } from './intervals';
import { TIER_WIDTH_MS } from './range';
import type { Gap, TimeRange, TrendPoint, TrendTier } from './trend-data';

/**
 * Raw samples further apart than this are a hole: the rollup gap limit (600 s), the same rule
 * the API's `/gaps` report uses, so both sources agree on what a gap is.
 */
export const RAW_GAP_MS = 600_000;

export interface Completeness {
  /** Share of the analysed range with data, 0–100; null when nothing of the range is in the past. */
  percent: number | null;
  /** Holes, merged and clipped to the analysed range, oldest first. */
  missing: TimeRange[];
  /** The part of the range that can have data: [from, min(to, now)), less the bucket still filling. */
  analysed: TimeRange;
}

export interface CompletenessInput {
  range: TimeRange;
  now: number;
  tier: TrendTier;
  points: readonly Pick<TrendPoint, 'bucketStart' | 'samples'>[];
  gaps: readonly Pick<Gap, 'gapStart' | 'gapEnd'>[];
}

/**
 * Where the range has no data: the union of the API's gaps, rollup buckets without a row (or
 * without samples), and for raw samples every stretch longer than {@link RAW_GAP_MS} without one
 * (also before the first and after the last). The future, the bucket `now` falls in (the
 * rollup job may not have written it yet) and a bucket cut by the range's start are not counted.
 */
export function computeCompleteness(input: CompletenessInput): Completeness {
  const width = TIER_WIDTH_MS[input.tier];
  const end = Math.min(input.range.to, width > 0 ? Math.floor(input.now / width) * width : input.now);
  // The API returns buckets starting in the range, so the part before the first whole bucket
  // can have no row: it is not analysed rather than counted as missing.
  const start = width > 0 ? Math.min(end, Math.ceil(input.range.from / width) * width) : input.range.from;
  const analysed = { from: start, to: Math.max(start, end) };
  if (analysed.to <= analysed.from) {
    return { percent: null, missing: [], analysed };
  }
  const starts = input.points.filter((p) => p.samples > 0).map((p) => Date.parse(p.bucketStart));
  const holes = width > 0 ? emptyBuckets(starts, analysed, width) : rawHoles(starts, analysed);
  const reported = input.gaps.map((g) => ({ from: Date.parse(g.gapStart), to: Date.parse(g.gapEnd) }));
  const missing = mergeRanges([...holes, ...reported], analysed);
  const span = analysed.to - analysed.from;
  const percent = Math.round((1000 * (span - totalLength(missing))) / span) / 10;
  return { percent, missing, analysed };
}

/** Buckets of `width` (aligned to the epoch, as the rollups are) overlapping `range` with no row. */
function emptyBuckets(starts: readonly number[], range: TimeRange, width: number): TimeRange[] {
  const present = new Set(starts);
  const holes: TimeRange[] = [];
  for (let b = Math.floor(range.from / width) * width; b < range.to; b += width) {
    if (!present.has(b)) {
      holes.push({ from: b, to: b + width });
    }
  }
  return holes;
}

/** Stretches longer than RAW_GAP_MS between consecutive samples and the range's edges. */
function rawHoles(starts: readonly number[], range: TimeRange): TimeRange[] {
  const edges = [range.from, ...[...starts].sort((a, b) => a - b), range.to];
  const holes: TimeRange[] = [];
  for (let i = 1; i < edges.length; i++) {
    const [prev, next] = [edges[i - 1] as number, edges[i] as number];
    if (next - prev > RAW_GAP_MS) {
      holes.push({ from: prev, to: next });
    }
  }
  return holes;
}
