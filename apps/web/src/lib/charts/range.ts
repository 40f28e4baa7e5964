import { fromZonedInput } from '../format/site-time';
import type { TimeRange, TrendTier } from './trend-data';

// Ranges of the trends page: the presets, a custom from/to from the URL, and a zoom selection.
// The page sends `bucket=auto`; the API picks the tier (apps/api/src/strings/trend-range.ts).

export const RANGE_PRESETS = ['24h', '7d', '30d', '1y', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type RangeChoice = RangePreset | 'custom';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365 * DAY_MS;

/** "all" asks for the longest range the API serves from one tier (1d: 20 years); the page trims it to the data. */
export const ALL_SPAN_MS = 20 * YEAR_MS;
/** A zoom narrower than this is a click, not a selection. */
export const MIN_ZOOM_MS = 5 * MINUTE_MS;

const PRESET_SPAN_MS: Readonly<Record<RangePreset, number>> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '1y': YEAR_MS,
  all: ALL_SPAN_MS,
};

/** Width of one bucket of a tier; a raw sample has none (it is a point). */
export const TIER_WIDTH_MS: Readonly<Record<TrendTier, number>> = {
  raw: 0,
  '1m': MINUTE_MS,
  '1h': HOUR_MS,
  '1d': DAY_MS,
};

/** The preset's range ending at `now`, whole minutes so a reload asks the same question. */
export function presetRange(preset: RangePreset, now: number): TimeRange {
  const to = Math.ceil(now / MINUTE_MS) * MINUTE_MS;
  return { from: to - PRESET_SPAN_MS[preset], to };
}

export interface RangeParams {
  range?: string | string[] | undefined;
  from?: string | string[] | undefined;
  to?: string | string[] | undefined;
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The range the URL asks for: `?from=…&to=…` (ISO instants, or datetime-local values on the
 * site's clock from the form without script; from before to) wins, then
 * `?range=<preset>`, else the last 7 days. Anything unreadable falls back instead of failing.
 */
export function rangeFromParams(
  params: RangeParams,
  now: number,
  timeZone: string,
): { choice: RangeChoice; range: TimeRange } {
  const from = parseInstant(single(params.from), timeZone);
  const to = parseInstant(single(params.to), timeZone);
  if (Number.isFinite(from) && Number.isFinite(to) && from < to) {
    return { choice: 'custom', range: { from, to } };
  }
  const preset = single(params.range);
  const choice = RANGE_PRESETS.find((p) => p === preset) ?? '7d';
  return { choice, range: presetRange(choice, now) };
}

/** An ISO instant, or a datetime-local value (the custom range form) on the site's clock; NaN otherwise. */
export function parseInstant(value: string | undefined, timeZone: string): number {
  if (!value) {
    return Number.NaN;
  }
  const local = fromZonedInput(value, timeZone);
  return Number.isFinite(local) ? local : Date.parse(value);
}

/** `from=…&to=…&bucket=auto`, the query of the trend, gaps and export requests. */
export function rangeQuery(range: TimeRange): string {
  const q = new URLSearchParams({
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    bucket: 'auto',
  });
  return q.toString();
}

/**
 * The range of a drag selection on the time axis (uPlot gives seconds), or null when it is too
 * narrow to be meant as a zoom. Rounded to whole seconds.
 */
export function zoomRange(minSeconds: number, maxSeconds: number): TimeRange | null {
  const from = Math.round(Math.min(minSeconds, maxSeconds)) * 1000;
  const to = Math.round(Math.max(minSeconds, maxSeconds)) * 1000;
  return to - from >= MIN_ZOOM_MS ? { from, to } : null;
}

/** The gap report serves at most 366 days per request; longer ranges are asked in windows of a year. */
export const GAP_WINDOW_MS = 365 * DAY_MS;

/** Consecutive windows of at most `width` covering [from, to), oldest first. */
export function rangeWindows(range: TimeRange, width: number): TimeRange[] {
  const out: TimeRange[] = [];
  for (let from = range.from; from < range.to; from += width) {
    out.push({ from, to: Math.min(from + width, range.to) });
  }
  return out;
}

/**
 * The trends page's query for a preset or an explicit range, keeping the compared strings:
 * `?range=30d&compare=a,b` or `?from=…&to=…&compare=a`.
 */
export function trendsSearch(target: RangePreset | TimeRange, compare: readonly string[]): string {
  const q = new URLSearchParams();
  if (typeof target === 'string') {
    q.set('range', target);
  } else {
    q.set('from', new Date(target.from).toISOString());
    q.set('to', new Date(target.to).toISOString());
  }
  if (compare.length > 0) {
    q.set('compare', compare.join(','));
  }
  return `?${q.toString()}`;
}

/** Compared string ids from `?compare=a,b` (UUIDs only, no duplicates, not the page's own string). */
export function compareFromParam(value: string | string[] | undefined, self: string): string[] {
  const ids = (single(value) ?? '').split(',').map((s) => s.trim().toLowerCase());
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  return [...new Set(ids.filter((id) => uuid.test(id) && id !== self.toLowerCase()))].slice(0, 5);
}

/** Three times the range, centred on it, not past `now`: the step back from a zoom. */
export function zoomOutRange(range: TimeRange, now: number): TimeRange {
  const span = range.to - range.from;
  const to = Math.min(now, range.to + span);
  return { from: to - 3 * span, to };
}
