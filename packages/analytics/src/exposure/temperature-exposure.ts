import { AnalyticsError } from '../analytics-error.js';
import { heldDurations } from '../series/held-durations.js';
import { numberIn, prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import { DEFAULT_MAX_GAP_MS, type Gap, MS_PER_HOUR } from '../series/steps.js';
import type { Timestamp } from '../series/timestamp.js';

/** One temperature reading, 0.1 °C: map the field you want (`bmsTempDc`, `cellTempMaxDc`, …) to `tempDc`. */
export interface TemperaturePoint {
  ts: Timestamp;
  tempDc: number;
}

export interface TemperatureExposureOptions {
  /**
   * Band edges, 0.1 °C, strictly increasing. Bands are [edge, next edge), plus one below the
   * first and one from the last upwards. Default {@link DEFAULT_TEMPERATURE_EDGES_DC}.
   */
  edgesDc?: readonly number[];
  /** A step longer than this is a gap, not counted. Default {@link DEFAULT_MAX_GAP_MS}. */
  maxGapMs?: number;
}

/** Hours in one band; `fromDc` null = no lower bound, `toDc` null = no upper bound (exclusive). */
export interface TemperatureBand {
  fromDc: number | null;
  toDc: number | null;
  hours: number;
}

export interface TemperatureExposure {
  bands: TemperatureBand[];
  /** Hours counted into the bands: the span minus the gaps. */
  coveredHours: number;
  gaps: Gap[];
  samples: number;
  rejected: RejectCounts;
}

/**
 * Below 0 °C (no charging for LFP), 0-15, 15-25, 25-35, 35-45 and from 45 °C, where heat ages
 * LFP cells fastest. In 0.1 °C.
 */
export const DEFAULT_TEMPERATURE_EDGES_DC: readonly number[] = [0, 150, 250, 350, 450];

function bandsOf(edges: readonly number[]): TemperatureBand[] {
  if (edges.length === 0 || edges.some((e, i) => !Number.isFinite(e) || (i > 0 && e <= edges[i - 1]!))) {
    throw new AnalyticsError(
      'invalid-options',
      `edgesDc must be finite and strictly increasing, got [${edges}]`,
    );
  }
  return [null, ...edges].map((fromDc, i) => ({ fromDc, toDc: edges[i] ?? null, hours: 0 }));
}

/**
 * Time-weighted histogram of temperature: hours spent in each band, each reading holding until
 * the next; gaps longer than `maxGapMs` are excluded and listed. Readings outside −100…200 °C
 * are counted as bad values.
 */
export function temperatureExposure(
  points: readonly TemperaturePoint[],
  options: TemperatureExposureOptions = {},
): TemperatureExposure {
  const edges = options.edgesDc ?? DEFAULT_TEMPERATURE_EDGES_DC;
  const bands = bandsOf(edges);
  const { samples, rejected } = prepareSeries(points, (p) => numberIn(p.tempDc, -1000, 2000));
  const { held, coveredMs, gaps } = heldDurations(samples, options.maxGapMs ?? DEFAULT_MAX_GAP_MS);
  for (const { value, ms } of held) {
    // Band i holds [edges[i-1], edges[i]): the count of edges ≤ value is the band's index.
    const index = edges.filter((e) => e <= value).length;
    bands[index]!.hours += ms / MS_PER_HOUR;
  }
  return { bands, coveredHours: coveredMs / MS_PER_HOUR, gaps, samples: samples.length, rejected };
}
