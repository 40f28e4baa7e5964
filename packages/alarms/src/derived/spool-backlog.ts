import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

/** One heartbeat's spool depth (batches waiting on the gateway). */
export interface SpoolPoint {
  atMs: number;
  depth: number;
}

export type SpoolBacklogReading = DerivedReading & { latestDepth?: number; rejected?: number };

const HOUR_MS = 3_600_000;

/**
 * How fast the spool grows (batches per hour, least squares over the heartbeats given) while the
 * gateway reports: a backlog that grows while online means the uplink cannot keep up. A spool
 * below `minDepth` reads 0, so a few queued batches never alarm.
 */
export function spoolBacklog(
  points: readonly SpoolPoint[],
  params: { minDepth: number; minPoints: number },
): SpoolBacklogReading {
  const valid = points.filter((p) => isFiniteNumber(p.atMs) && isFiniteNumber(p.depth) && p.depth >= 0);
  const rejected = points.length - valid.length;
  const times = new Set(valid.map((p) => p.atMs));
  if (valid.length < Math.max(2, params.minPoints) || times.size < 2) {
    return { ...unjudged(`${valid.length} usable heartbeats, ${params.minPoints} needed`), rejected };
  }
  const latest = valid.reduce((a, b) => (b.atMs > a.atMs ? b : a));
  if (latest.depth < params.minDepth) {
    return { value: 0, latestDepth: latest.depth, rejected };
  }
  const meanT = valid.reduce((s, p) => s + p.atMs, 0) / valid.length;
  const meanD = valid.reduce((s, p) => s + p.depth, 0) / valid.length;
  let num = 0;
  let den = 0;
  for (const p of valid) {
    num += (p.atMs - meanT) * (p.depth - meanD);
    den += (p.atMs - meanT) ** 2;
  }
  return { value: (num / den) * HOUR_MS, latestDepth: latest.depth, rejected };
}
