import { type Excursion, type ExtremesBucket, findExcursions, type ProtectionTrip } from './excursions.js';
import { type SohAgainstGuarantee, sohAgainstGuarantee } from './soh-against-guarantee.js';
import { type TermWindow, termWindow } from './term-window.js';
import { type ThroughputUsed, throughputUsed } from './throughput-used.js';
import { type TimeUsed, timeUsed } from './time-used.js';
import type { WarrantyTermsInput } from './warranty-terms.js';

/** One day of the 1-day rollup as the warranty reads it. */
export interface WarrantyDay {
  dayMs: number;
  energyOutWh: number;
  sohPct: number | null;
}

export interface WarrantyStatusInput {
  nowMs: number;
  commissionedAtMs: number | null;
  terms: WarrantyTermsInput | null;
  /** The string's nominal energy, Wh (modules × module Wh); null when unknown. */
  nominalWh: number | null;
  days: readonly WarrantyDay[];
  /** Rollup buckets that may be outside the limits (the caller may pre-filter), `bucketMs` long. */
  buckets: readonly ExtremesBucket[];
  bucketMs: number;
  trips: readonly ProtectionTrip[];
}

/** What could not be judged, and why: shown to the user instead of a made-up number. */
export type WarrantyGap = 'no-terms' | 'no-commissioning' | 'no-nominal-capacity';

export interface WarrantyStatus {
  gaps: WarrantyGap[];
  /** null without terms or commissioning date. */
  time: TimeUsed | null;
  throughput: ThroughputUsed;
  soh: SohAgainstGuarantee;
  /** The guaranteed SOH line (100 % at start → retained % at end); null when it cannot be drawn. */
  guaranteedLine: { startMs: number; endMs: number; startPct: number; endPct: number } | null;
  /** Every excursion outside the limits (none judged without terms) and every protection trip, newest first. */
  excursions: Excursion[];
}

/**
 * A string's warranty position at `nowMs`: time, throughput and SOH used of what the terms allow,
 * the date each limit is projected to be reached, and the excursions. Pure: the caller loads.
 */
export function warrantyStatus(input: WarrantyStatusInput): WarrantyStatus {
  const { terms, commissionedAtMs, nominalWh, nowMs } = input;
  const gaps: WarrantyGap[] = [];
  if (terms === null) {
    gaps.push('no-terms');
  }
  if (commissionedAtMs === null) {
    gaps.push('no-commissioning');
  }
  if (nominalWh === null) {
    gaps.push('no-nominal-capacity');
  }
  const window: TermWindow | null =
    terms !== null && commissionedAtMs !== null ? termWindow(commissionedAtMs, terms.termYears) : null;
  const capWh =
    terms?.throughputMwhPerKwh != null && nominalWh !== null
      ? terms.throughputMwhPerKwh * nominalWh * 1000
      : null;
  const retainedPct = terms?.retainedCapacityPct ?? null;
  return {
    gaps,
    time: window ? timeUsed(window, nowMs) : null,
    throughput: throughputUsed(input.days, { sinceMs: commissionedAtMs, nowMs, capWh }),
    soh: sohAgainstGuarantee(input.days, { window, retainedPct }),
    guaranteedLine:
      window && retainedPct !== null
        ? { startMs: window.startMs, endMs: window.endMs, startPct: 100, endPct: retainedPct }
        : null,
    excursions: findExcursions(
      terms ? input.buckets : [],
      input.trips,
      terms?.limits ?? NO_LIMITS,
      input.bucketMs,
    ),
  };
}

const NO_LIMITS = {
  cellTempMinDc: null,
  cellTempMaxDc: null,
  cellVoltageMinMv: null,
  cellVoltageMaxMv: null,
  maxCurrentA: null,
};
