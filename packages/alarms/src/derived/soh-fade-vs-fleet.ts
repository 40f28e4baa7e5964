import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

/** One string's fitted SOH fade, as @fleet/analytics sohTrend gives it (kind 'fit'). */
export interface FadeFit {
  /** % of nominal per year, + = losing health. */
  fadePctPerYear: number;
  /** 95 % confidence interval of the fade rate, %/year. */
  ci95: { low: number; high: number };
  /** Readings the line was fitted through (one per day from the 1d rollups). */
  n: number;
  /** First-to-last reading, days. */
  spanDays: number;
}

export interface SohFadeVsFleetInput {
  /** This string's fit; null when it has none (too little data). */
  own: FadeFit | null;
  /** The fits of its peers (the other comparable strings of the tenant); null = no fit. */
  peers: readonly (FadeFit | null)[];
}

/** When a fit is trusted, and how far from the fleet counts. Rule params of the same names. */
export interface SohFadeParams {
  /** Fewest peers with a trusted fit for a fleet to be compared against. */
  minFleetSize: number;
  /** Fewest daily readings behind a trusted fit. */
  minPoints: number;
  /** Shortest span of a trusted fit, days: a fade rate from weeks of data is noise. */
  minSpanDays: number;
  /** Widest trusted fit: half the 95 % interval of its fade rate, %/year. */
  maxCi95HalfWidth: number;
  /** Smallest spread the excess is measured in, %/year: a fleet fading in lockstep has a MAD of 0. */
  minSpread: number;
  /**
   * Resolution of the reported SOH, % (BMSs report whole percent). A fit through such steps can be
   * off by about one step over its span, so the spread is never below step / span (years).
   */
  sohStepPct: number;
}

export const SOH_FADE_PARAMS: SohFadeParams = {
  minFleetSize: 10,
  minPoints: 30,
  minSpanDays: 60,
  maxCi95HalfWidth: 2,
  minSpread: 0.5,
  sohStepPct: 1,
};

export type SohFadeReading = DerivedReading & {
  fleetSize?: number;
  fleetMedian?: number;
  spread?: number;
};

/** MAD × 1.4826 estimates the standard deviation of normally spread data, robust to outliers. */
const MAD_TO_SIGMA = 1.4826;
const DAYS_PER_YEAR = 365.25;

/**
 * How much faster than its fleet a string's SOH fades, in robust spreads:
 * (own − median(peers)) / max(1.4826 × MAD(peers), minSpread, sohStepPct / own span in years).
 * A rule threshold k then fires when own > median + k × that spread. The last term keeps whole-
 * percent SOH honest: over 90 days a healthy string fitted through one 1 % step reads 0 or 6
 * %/year depending on where the step fell. Judged only when the string's own fit and
 * at least `minFleetSize` peer fits are trusted (enough readings, span and a narrow interval);
 * untrusted peers are left out of the fleet, and anything less is unjudged, never guessed.
 */
export function sohFadeVsFleet(input: SohFadeVsFleetInput, params: SohFadeParams): SohFadeReading {
  const fleet = input.peers.filter((p) => p !== null && trusted(p, params)).map((p) => p!.fadePctPerYear);
  const own = input.own;
  if (own === null || !trusted(own, params)) {
    return {
      ...unjudged(own === null ? 'no fade rate for this string yet' : 'own fade rate not trusted yet'),
      fleetSize: fleet.length,
    };
  }
  if (fleet.length < params.minFleetSize) {
    return { ...unjudged(`fleet of ${fleet.length} < ${params.minFleetSize}`), fleetSize: fleet.length };
  }
  const fleetMedian = median(fleet);
  const spread = Math.max(
    MAD_TO_SIGMA * median(fleet.map((f) => Math.abs(f - fleetMedian))),
    params.minSpread,
    params.sohStepPct / (own.spanDays / DAYS_PER_YEAR),
  );
  return { value: (own.fadePctPerYear - fleetMedian) / spread, fleetSize: fleet.length, fleetMedian, spread };
}

function trusted(fit: FadeFit, params: SohFadeParams): boolean {
  const half = (fit.ci95.high - fit.ci95.low) / 2;
  return (
    isFiniteNumber(fit.fadePctPerYear) &&
    isFiniteNumber(half) &&
    fit.n >= params.minPoints &&
    fit.spanDays >= params.minSpanDays &&
    half <= params.maxCi95HalfWidth
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The rule's params over the defaults: a tenant or site may set any of them alone. */
export function sohFadeParams(params: Readonly<Record<string, number>> = {}): SohFadeParams {
  const pick = (name: keyof SohFadeParams) => params[name] ?? SOH_FADE_PARAMS[name];
  return {
    minFleetSize: pick('minFleetSize'),
    minPoints: pick('minPoints'),
    minSpanDays: pick('minSpanDays'),
    maxCi95HalfWidth: pick('maxCi95HalfWidth'),
    minSpread: pick('minSpread'),
    sohStepPct: pick('sohStepPct'),
  };
}
