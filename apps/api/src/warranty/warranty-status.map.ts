import type { ThroughputProjection, WarrantyStatus } from '@fleet/analytics';
import type { WarrantyStatusDto } from './warranty-status.dto.js';

const iso = (ms: number) => new Date(ms).toISOString();
/** Most SOH points sent for the chart: every day of a long life would be a heavy page for nothing. */
const MAX_HISTORY_POINTS = 500;

type Computed = Pick<WarrantyStatusDto, 'time' | 'throughput' | 'soh'>;

/** The computed parts of the status in wire form (ISO times instead of epoch ms). */
export function computedToDto(
  s: WarrantyStatus,
  sohDays: readonly { dayMs: number; sohPct: number }[],
): Computed {
  return {
    time: s.time && {
      start: iso(s.time.startMs),
      end: iso(s.time.endMs),
      elapsedDays: s.time.elapsedDays,
      remainingDays: s.time.remainingDays,
      fraction: s.time.fraction,
      expired: s.time.expired,
    },
    throughput: { ...s.throughput, projection: throughputProjectionDto(s.throughput.projection) },
    soh: {
      latest: s.soh.latest && { at: iso(s.soh.latest.atMs), sohPct: s.soh.latest.sohPct },
      guaranteedAtLatestPct: s.soh.guaranteedAtLatestPct,
      marginPct: s.soh.marginPct,
      projection: sohProjectionDto(s.soh.projection),
      history: thin(sohDays, MAX_HISTORY_POINTS).map((d) => ({ day: iso(d.dayMs), sohPct: d.sohPct })),
      guaranteedLine: s.guaranteedLine && {
        start: iso(s.guaranteedLine.startMs),
        end: iso(s.guaranteedLine.endMs),
        startPct: s.guaranteedLine.startPct,
        endPct: s.guaranteedLine.endPct,
      },
    },
  };
}

function throughputProjectionDto(p: ThroughputProjection): WarrantyStatusDto['throughput']['projection'] {
  return p.kind === 'projected' ? { kind: 'projected', at: iso(p.atMs) } : p;
}

function sohProjectionDto(p: WarrantyStatus['soh']['projection']): WarrantyStatusDto['soh']['projection'] {
  if (p.kind !== 'projected') {
    return p;
  }
  const { atMs, earliestMs, latestMs, ...rest } = p;
  return {
    ...rest,
    at: iso(atMs),
    earliest: iso(earliestMs),
    latest: latestMs === null ? null : iso(latestMs),
  };
}

/** At most `max` points, evenly spaced by index, always keeping the last (the latest SOH). */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) {
    return [...points];
  }
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)] as T);
}
