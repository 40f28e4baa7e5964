import type { Sample } from './prepare-series.js';
import { type Gap, splitSteps } from './steps.js';

/** Time (ms) each reading held for, and the gaps that were not counted. */
export interface HeldDurations<V> {
  held: { value: V; ms: number }[];
  coveredMs: number;
  gaps: Gap[];
}

/**
 * Each reading holds until the next one (zero-order hold). That is how the agent reports: by
 * exception, a value is sent again only when it leaves its deadband, so "no new value" means
 * "still the same". The last reading holds for no time, and a step longer than `maxGapMs` is a gap.
 */
export function heldDurations<V>(samples: readonly Sample<V>[], maxGapMs: number): HeldDurations<V> {
  const { steps, gaps } = splitSteps(samples, maxGapMs);
  const held = steps.map(({ from, to }) => ({ value: from.value, ms: to.t - from.t }));
  return { held, coveredMs: held.reduce((sum, h) => sum + h.ms, 0), gaps };
}
