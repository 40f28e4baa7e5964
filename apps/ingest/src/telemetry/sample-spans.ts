import type { SampleSpan, StoreBatchInput } from '@fleet/db';

/** Oldest and newest sample per string of the given batches (what a gap refresh must look at). */
export function sampleSpans(inputs: readonly StoreBatchInput[]): SampleSpan[] {
  const spans = new Map<string, { from: number; to: number }>();
  for (const { rows } of inputs) {
    for (const { stringId, sample } of rows) {
      const ms = Date.parse(sample.ts);
      if (!Number.isFinite(ms)) {
        continue;
      }
      const seen = spans.get(stringId);
      spans.set(
        stringId,
        seen ? { from: Math.min(seen.from, ms), to: Math.max(seen.to, ms) } : { from: ms, to: ms },
      );
    }
  }
  return [...spans].map(([stringId, { from, to }]) => ({ stringId, from: new Date(from), to: new Date(to) }));
}
