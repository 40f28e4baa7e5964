import type { components } from '../api/schema.gen';

// The shapes the trends page works with, named from the API's generated schema (never by hand).

/** One bucket of `GET /api/strings/{id}/trend` (units: Dv 0.1 V, Da 0.1 A, Dc 0.1 °C, mV, Wh). */
export type TrendPoint = components['schemas']['TrendPoint'];
export type StringTrend = components['schemas']['StringTrend'];
export type TrendTier = StringTrend['tier'];
export type GapReport = components['schemas']['StringGapReport'];
export type Gap = GapReport['gaps'][number];

/** What the same-origin data route (`/strings/{id}/trends/data`) answers. */
export interface TrendData {
  trend: StringTrend;
  /** Holes between stored samples over the range (from the first point on), oldest first. */
  gaps: Gap[];
}

/** A time range in epoch milliseconds, [from, to). */
export interface TimeRange {
  from: number;
  to: number;
}
