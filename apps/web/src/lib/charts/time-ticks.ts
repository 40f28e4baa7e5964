const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Label of a time-axis tick (x in seconds), in UTC like every time on the dashboard and the same
 * in every locale (ISO order): `14:00` within two days, `11-20` within a year, `2026-11` beyond.
 * A tick at midnight of a short range shows its date, so a day change is visible.
 */
export function timeTick(seconds: number, spanMs: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  if (spanMs <= 2 * DAY_MS) {
    return iso.slice(11, 16) === '00:00' ? iso.slice(5, 10) : iso.slice(11, 16);
  }
  if (spanMs <= 370 * DAY_MS) {
    return iso.slice(5, 10);
  }
  return iso.slice(0, 7);
}
