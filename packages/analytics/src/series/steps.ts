import { AnalyticsError } from '../analytics-error.js';
import type { Sample } from './prepare-series.js';

/** A stretch with no data: from the last sample before it to the first one after it (epoch ms). */
export interface Gap {
  fromMs: number;
  toMs: number;
}

/** Two consecutive samples close enough in time to say what happened between them. */
export interface Step<V> {
  from: Sample<V>;
  to: Sample<V>;
}

/**
 * Splits a time-ordered series into steps that may be integrated and gaps that may not: a step
 * longer than `maxGapMs` is a gap, because nothing is known about what the string did then
 * (the gateway was offline, the BMS asleep, the spool dropped data) and guessing would invent
 * energy, cycles or hours.
 */
export function splitSteps<V>(
  samples: readonly Sample<V>[],
  maxGapMs: number,
): { steps: Step<V>[]; gaps: Gap[] } {
  if (!Number.isFinite(maxGapMs) || maxGapMs <= 0) {
    throw new AnalyticsError('invalid-options', `maxGapMs must be a finite number > 0, got ${maxGapMs}`);
  }
  const steps: Step<V>[] = [];
  const gaps: Gap[] = [];
  for (let i = 1; i < samples.length; i++) {
    const from = samples[i - 1]!;
    const to = samples[i]!;
    if (to.t - from.t > maxGapMs) {
      gaps.push({ fromMs: from.t, toMs: to.t });
    } else {
      steps.push({ from, to });
    }
  }
  return { steps, gaps };
}

/**
 * Default longest step integrated over. The agent's default plan reports by exception: a string
 * whose values stay inside their deadbands still reports every `maxSilenceS` = 300 s
 * (apps/edge-agent sampling plan), so a quiet 300 s step is normal and a step beyond 300 s plus a
 * minute of slack means readings are missing.
 */
export const DEFAULT_MAX_GAP_MS = 360_000;

export const MS_PER_HOUR = 3_600_000;
