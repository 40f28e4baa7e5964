import type { TimeRange } from './trend-data';

/** Sorted, non-overlapping copies of the ranges (touching ones joined), clipped to `within`. */
export function mergeRanges(ranges: readonly TimeRange[], within: TimeRange): TimeRange[] {
  const clipped = ranges
    .map((r) => ({ from: Math.max(r.from, within.from), to: Math.min(r.to, within.to) }))
    .filter((r) => r.to > r.from)
    .sort((a, b) => a.from - b.from);
  const merged: TimeRange[] = [];
  for (const r of clipped) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) {
      last.to = Math.max(last.to, r.to);
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

export function totalLength(ranges: readonly TimeRange[]): number {
  return ranges.reduce((sum, r) => sum + (r.to - r.from), 0);
}
