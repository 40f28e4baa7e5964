import { localTime, parseHhMm, zonedInstant } from './zoned-time.js';

export interface QuietHours {
  start: string;
  end: string;
  timeZone: string;
}

/**
 * When the quiet hours that contain `now` end, or null when `now` is outside them. A window may
 * wrap midnight (22:00–07:00); start = end means no quiet hours.
 */
export function quietHoursEnd(now: Date, quiet: QuietHours): Date | null {
  const start = parseHhMm(quiet.start);
  const end = parseHhMm(quiet.end);
  if (start === undefined || end === undefined || start === end) {
    return null;
  }
  const local = localTime(now, quiet.timeZone);
  const m = local.minutes;
  if (start < end) {
    return m >= start && m < end ? zonedInstant(local, end, quiet.timeZone) : null;
  }
  if (m >= start) {
    return zonedInstant(local, end, quiet.timeZone, 1);
  }
  return m < end ? zonedInstant(local, end, quiet.timeZone) : null;
}
