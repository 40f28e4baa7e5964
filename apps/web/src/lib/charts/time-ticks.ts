import { wallClock } from '../format/site-time';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Label of a time-axis tick (x in seconds) on the site's clock (`timeZone`, passed so server and
 * browser agree), the same in every locale (ISO order): `14:00` within two days, `11-20` within
 * a year, `2026-11` beyond. A tick at the site's midnight in a short range shows its date, so a
 * day change is visible.
 */
export function timeTick(seconds: number, spanMs: number, timeZone: string): string {
  const w = wallClock(seconds * 1000, timeZone);
  const time = `${pad(w.hour)}:${pad(w.minute)}`;
  const date = `${pad(w.month)}-${pad(w.day)}`;
  if (spanMs <= 2 * DAY_MS) {
    return time === '00:00' ? date : time;
  }
  if (spanMs <= 370 * DAY_MS) {
    return date;
  }
  return `${pad(w.year, 4)}-${pad(w.month)}`;
}
