import { MISSING } from './format-units.js';

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

/**
 * `2026-11-25T12:00:03.250Z` → `"2026-11-25 12:00:03 UTC"`. Deliberately not locale-formatted:
 * server and browser must render the same text (hydration), and ICU builds differ.
 */
export function formatTimestampUtc(ts: string | Date | null | undefined): string {
  if (ts === null || ts === undefined) {
    return MISSING;
  }
  const date = typeof ts === 'string' ? new Date(ts) : ts;
  if (Number.isNaN(date.getTime())) {
    return 'unknown';
  }
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
