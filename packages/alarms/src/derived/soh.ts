import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

/** The string's SOH (%), judged against a below-threshold rule. */
export function sohLow(sohPct: unknown): DerivedReading {
  if (!isFiniteNumber(sohPct) || sohPct < 0 || sohPct > 100) {
    return unjudged(`SOH ${String(sohPct)} is not a percentage`);
  }
  return { value: sohPct };
}

export interface SohFadeVsFleetInput {
  /** This string's fade, % per year (+ = losing), e.g. sohTrend's fadePctPerYear. */
  ownFadePctPerYear: number | null;
  /** The same figure for the other strings of the fleet (comparable ones: same module type). */
  fleetFadePctPerYear: readonly number[];
}

export type SohFadeReading = DerivedReading & { fleetSize?: number; rejected?: number };

/**
 * Where the string's fade rate stands in its fleet, as a percentile (0-100, ties count half):
 * 95 = fading faster than 95 % of the fleet. Fewer than `minFleetSize` peers: not judged.
 */
export function sohFadeVsFleet(input: SohFadeVsFleetInput, params: { minFleetSize: number }): SohFadeReading {
  const fleet = input.fleetFadePctPerYear.filter(isFiniteNumber);
  const rejected = input.fleetFadePctPerYear.length - fleet.length;
  const own = input.ownFadePctPerYear;
  if (!isFiniteNumber(own)) {
    return { ...unjudged('no fade rate for this string yet'), fleetSize: fleet.length, rejected };
  }
  if (fleet.length < params.minFleetSize) {
    return {
      ...unjudged(`fleet of ${fleet.length} < ${params.minFleetSize}`),
      fleetSize: fleet.length,
      rejected,
    };
  }
  const below = fleet.filter((f) => f < own).length;
  const equal = fleet.filter((f) => f === own).length;
  return { value: (100 * (below + equal / 2)) / fleet.length, fleetSize: fleet.length, rejected };
}
