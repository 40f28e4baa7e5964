const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Age of a timestamp as "x s ago" / "x min ago" / "x h ago" / "x d ago".
 * `now` is a parameter so rendering stays pure and testable. A timestamp slightly in the
 * future (gateway clock ahead of ours) shows as "0 s ago" rather than a negative age.
 */
export function formatAge(ts: string | Date | null | undefined, now: Date | number): string {
  if (ts === null || ts === undefined) {
    return 'never';
  }
  const then = typeof ts === 'string' ? Date.parse(ts) : ts.getTime();
  if (!Number.isFinite(then)) {
    return 'unknown';
  }
  const ms = Math.max(0, (typeof now === 'number' ? now : now.getTime()) - then);
  if (ms < MINUTE) {
    return `${Math.floor(ms / SECOND)} s ago`;
  }
  if (ms < HOUR) {
    return `${Math.floor(ms / MINUTE)} min ago`;
  }
  if (ms < DAY) {
    return `${Math.floor(ms / HOUR)} h ago`;
  }
  return `${Math.floor(ms / DAY)} d ago`;
}
