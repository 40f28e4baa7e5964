import type { PackSample } from '@fleet/telemetry';
import { AnalyticsError } from '../analytics-error.js';
import { heldDurations } from '../series/held-durations.js';
import { numberIn, prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import { DEFAULT_MAX_GAP_MS, type Gap, MS_PER_HOUR } from '../series/steps.js';
import type { Timestamp } from '../series/timestamp.js';

/** One SOC reading: a `PackSample`, a rollup row, anything with `ts` and `socPct`. */
export type SocPoint = { ts: Timestamp } & Pick<PackSample, 'socPct'>;

export interface TimeAtHighSocOptions {
  /** SOC at or above this counts as high, % (default 90). */
  thresholdPct?: number;
  /** A step longer than this is a gap, not counted. Default {@link DEFAULT_MAX_GAP_MS}. */
  maxGapMs?: number;
}

export interface TimeAtHighSoc {
  thresholdPct: number;
  /** Hours with SOC ≥ threshold. */
  hoursAtOrAbove: number;
  /** Hours counted at all: the span minus the gaps. */
  coveredHours: number;
  /** hoursAtOrAbove / coveredHours; `null` when nothing was covered. */
  fraction: number | null;
  gaps: Gap[];
  samples: number;
  rejected: RejectCounts;
}

/**
 * Time-weighted hours a string sat at high SOC (calendar ageing of LFP is fastest full), each
 * reading holding until the next; gaps longer than `maxGapMs` are excluded and listed.
 */
export function timeAtHighSoc(
  points: readonly SocPoint[],
  options: TimeAtHighSocOptions = {},
): TimeAtHighSoc {
  const thresholdPct = options.thresholdPct ?? 90;
  if (!Number.isFinite(thresholdPct)) {
    throw new AnalyticsError('invalid-options', `thresholdPct must be a finite number, got ${thresholdPct}`);
  }
  const { samples, rejected } = prepareSeries(points, (p) => numberIn(p.socPct, 0, 100));
  const { held, coveredMs, gaps } = heldDurations(samples, options.maxGapMs ?? DEFAULT_MAX_GAP_MS);
  const highMs = held.reduce((sum, h) => sum + (h.value >= thresholdPct ? h.ms : 0), 0);
  return {
    thresholdPct,
    hoursAtOrAbove: highMs / MS_PER_HOUR,
    coveredHours: coveredMs / MS_PER_HOUR,
    fraction: coveredMs > 0 ? highMs / coveredMs : null,
    gaps,
    samples: samples.length,
    rejected,
  };
}
