import { localTime, parseHhMm, zonedInstant } from './zoned-time.js';

/**
 * Whether a person's daily digest should go out now: today's digest time (in their zone) has
 * passed and no digest was sent since it. A worker that was down at digest time sends it late,
 * once, instead of skipping the day.
 */
export function digestDue(now: Date, digestAt: string, timeZone: string, lastSentAt: Date | null): boolean {
  const minutes = parseHhMm(digestAt);
  if (minutes === undefined) {
    return false;
  }
  const today = zonedInstant(localTime(now, timeZone), minutes, timeZone);
  return now >= today && (lastSentAt === null || lastSentAt < today);
}
