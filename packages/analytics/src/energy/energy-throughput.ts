import type { PackSample } from '@fleet/telemetry';
import { requirePositive } from '../analytics-error.js';
import { numberIn, prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import { DEFAULT_MAX_GAP_MS, type Gap, MS_PER_HOUR, splitSteps } from '../series/steps.js';
import type { Timestamp } from '../series/timestamp.js';
import { splitTrapezoid } from './split-trapezoid.js';

/** One pack reading: a telemetry `PackSample`, a rollup row, anything with these three fields. */
export type EnergyPoint = { ts: Timestamp } & Pick<PackSample, 'packVoltageDv' | 'packCurrentDa'>;

export interface EnergyThroughputOptions {
  /** A step longer than this is a gap: not integrated, listed. Default {@link DEFAULT_MAX_GAP_MS}. */
  maxGapMs?: number;
  /**
   * The string's nominal energy (e.g. {@link stringNominalWh}); without it there are no
   * equivalent full cycles, since a capacity is never assumed.
   */
  nominalCapacityWh?: number;
}

/** Energy and charge through a string's terminals over a series of pack readings. */
export interface EnergyThroughput {
  /** Wh into the string (current > 0), integrated over steps no longer than `maxGapMs`. */
  chargedWh: number;
  /** Wh out of the string (current < 0), as a positive number. */
  dischargedWh: number;
  chargedAh: number;
  dischargedAh: number;
  /** dischargedWh / nominalCapacityWh; `null` when no capacity was given. */
  equivalentFullCycles: number | null;
  /** Time actually integrated (ms): the series span minus its gaps. */
  integratedMs: number;
  /** First to last accepted reading (ms); integratedMs / spanMs is the coverage. */
  spanMs: number;
  /** Steps longer than `maxGapMs`, not integrated. */
  gaps: Gap[];
  /** Readings used. */
  samples: number;
  rejected: RejectCounts;
}

// Field ranges of packSampleSchema: voltage u16, current −3000.0 … +3553.5 A.
const readPoint = (p: EnergyPoint) => {
  const dv = numberIn(p.packVoltageDv, 0, 0xffff);
  const da = numberIn(p.packCurrentDa, -30_000, 35_535);
  return dv === null || da === null ? null : { dv, da };
};

/**
 * Trapezoid integration of power (V·I) and current over time, charged and discharged apart.
 * A step longer than `maxGapMs` is not integrated but reported as a gap: energy is never guessed
 * across missing data.
 */
export function energyThroughput(
  points: readonly EnergyPoint[],
  options: EnergyThroughputOptions = {},
): EnergyThroughput {
  const maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const capacity = options.nominalCapacityWh;
  if (capacity !== undefined) {
    requirePositive('nominalCapacityWh', capacity);
  }
  const { samples, rejected } = prepareSeries(points, readPoint);
  const { steps, gaps } = splitSteps(samples, maxGapMs);
  const sum = { chargedWh: 0, dischargedWh: 0, chargedAh: 0, dischargedAh: 0, integratedMs: 0 };
  for (const { from, to } of steps) {
    const hours = (to.t - from.t) / MS_PER_HOUR;
    // 0.1 V × 0.1 A = 0.01 W; 0.1 A = 0.1 A.
    const wh = splitTrapezoid(
      (from.value.dv * from.value.da) / 100,
      (to.value.dv * to.value.da) / 100,
      hours,
    );
    const ah = splitTrapezoid(from.value.da / 10, to.value.da / 10, hours);
    sum.chargedWh += wh.positive;
    sum.dischargedWh += wh.negative;
    sum.chargedAh += ah.positive;
    sum.dischargedAh += ah.negative;
    sum.integratedMs += to.t - from.t;
  }
  const first = samples[0];
  const last = samples[samples.length - 1];
  return {
    ...sum,
    equivalentFullCycles: capacity === undefined ? null : sum.dischargedWh / capacity,
    spanMs: first && last ? last.t - first.t : 0,
    gaps,
    samples: samples.length,
    rejected,
  };
}
