import type { OperatingLimits } from './warranty-terms.js';

/** One rollup bucket's extremes (units as stored: 0.1 °C, mV, 0.1 A; + current = charging). */
export interface ExtremesBucket {
  startMs: number;
  cellTempMinDc: number | null;
  cellTempMaxDc: number | null;
  cellMaxMv: number | null;
  cellMinMv: number | null;
  currentMaxDa: number | null;
  currentMinDa: number | null;
}

/** A protection the BMS tripped (an alarm of protection kind, or a BMS event), as stored. */
export interface ProtectionTrip {
  startMs: number;
  /** null: still active. */
  endMs: number | null;
  code: string;
  title: string;
  source: 'alarm' | 'bms-event';
}

export type ExcursionKind =
  | 'temperature-high'
  | 'temperature-low'
  | 'over-voltage'
  | 'under-voltage'
  | 'over-current'
  | 'protection';

/**
 * One period outside the operating limits. `worst` and `limit` are in `unit` (0.1 °C, mV or A;
 * null for a protection trip, which has no value). `source` says where it was seen.
 */
export interface Excursion {
  kind: ExcursionKind;
  startMs: number;
  endMs: number | null;
  worst: number | null;
  limit: number | null;
  unit: 'dC' | 'mV' | 'A' | null;
  source: 'rollup-1h' | 'alarm' | 'bms-event';
  code: string | null;
  title: string | null;
}

interface Check {
  kind: ExcursionKind;
  limit: number | null;
  unit: 'dC' | 'mV' | 'A';
  /** The bucket's value to compare, and whether above (high) or below (low) the limit is out. */
  value: (b: ExtremesBucket) => number | null;
  high: boolean;
}

function checksOf(limits: OperatingLimits): Check[] {
  const absCurrentA = (b: ExtremesBucket) => {
    const values = [b.currentMaxDa, b.currentMinDa].filter((v): v is number => v !== null);
    return values.length === 0 ? null : Math.max(...values.map(Math.abs)) / 10;
  };
  return [
    {
      kind: 'temperature-high',
      limit: limits.cellTempMaxDc,
      unit: 'dC',
      value: (b) => b.cellTempMaxDc,
      high: true,
    },
    {
      kind: 'temperature-low',
      limit: limits.cellTempMinDc,
      unit: 'dC',
      value: (b) => b.cellTempMinDc,
      high: false,
    },
    {
      kind: 'over-voltage',
      limit: limits.cellVoltageMaxMv,
      unit: 'mV',
      value: (b) => b.cellMaxMv,
      high: true,
    },
    {
      kind: 'under-voltage',
      limit: limits.cellVoltageMinMv,
      unit: 'mV',
      value: (b) => b.cellMinMv,
      high: false,
    },
    { kind: 'over-current', limit: limits.maxCurrentA, unit: 'A', value: absCurrentA, high: true },
  ];
}

/**
 * Every period outside the limits, newest first: buckets out of a limit are joined while they
 * touch (the next starts where the previous ends), keeping the worst value; protection trips of
 * the same code that overlap or touch become one. A limit the terms leave empty is not judged.
 */
export function findExcursions(
  buckets: readonly ExtremesBucket[],
  trips: readonly ProtectionTrip[],
  limits: OperatingLimits,
  bucketMs: number,
): Excursion[] {
  const sorted = [...buckets].sort((a, b) => a.startMs - b.startMs);
  const found: Excursion[] = [];
  for (const check of checksOf(limits)) {
    found.push(...limitExcursions(sorted, check, bucketMs));
  }
  found.push(...mergeTrips(trips));
  return found.sort((a, b) => b.startMs - a.startMs || a.kind.localeCompare(b.kind));
}

function limitExcursions(sorted: readonly ExtremesBucket[], check: Check, bucketMs: number): Excursion[] {
  const { limit } = check;
  if (limit === null) {
    return [];
  }
  const out: Excursion[] = [];
  let open: Excursion | null = null;
  for (const b of sorted) {
    const v = check.value(b);
    if (v === null || (check.high ? v <= limit : v >= limit)) {
      continue;
    }
    const end = b.startMs + bucketMs;
    if (open !== null && open.endMs !== null && b.startMs <= open.endMs) {
      open.endMs = Math.max(open.endMs, end);
      open.worst = check.high ? Math.max(open.worst ?? v, v) : Math.min(open.worst ?? v, v);
      continue;
    }
    open = {
      kind: check.kind,
      startMs: b.startMs,
      endMs: end,
      worst: v,
      limit,
      unit: check.unit,
      source: 'rollup-1h',
      code: null,
      title: null,
    };
    out.push(open);
  }
  return out;
}

function mergeTrips(trips: readonly ProtectionTrip[]): Excursion[] {
  const sorted = [...trips].sort((a, b) => a.code.localeCompare(b.code) || a.startMs - b.startMs);
  const out: Excursion[] = [];
  let open: Excursion | null = null;
  for (const t of sorted) {
    const touches = open !== null && open.code === t.code && (open.endMs === null || t.startMs <= open.endMs);
    if (open !== null && touches) {
      open.endMs = open.endMs === null || t.endMs === null ? null : Math.max(open.endMs, t.endMs);
      continue;
    }
    open = {
      kind: 'protection',
      startMs: t.startMs,
      endMs: t.endMs,
      worst: null,
      limit: null,
      unit: null,
      source: t.source,
      code: t.code,
      title: t.title,
    };
    out.push(open);
  }
  return out;
}
