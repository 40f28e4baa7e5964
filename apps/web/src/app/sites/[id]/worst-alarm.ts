import type { Alarm } from './site-types';

const RANK: Record<Alarm['severity'], number> = { critical: 0, major: 1, warning: 2, info: 3 };

/**
 * The worst open alarm of each string: highest severity, then the most recently fired. Alarms of
 * the site without a string (gateway alarms) are left out; the header links to the site's inbox.
 */
export function worstAlarmByString(alarms: readonly Alarm[]): Map<string, Alarm> {
  const worst = new Map<string, Alarm>();
  for (const alarm of alarms) {
    if (alarm.stringId === null) {
      continue;
    }
    const current = worst.get(alarm.stringId);
    const better =
      !current ||
      RANK[alarm.severity] < RANK[current.severity] ||
      (RANK[alarm.severity] === RANK[current.severity] && alarm.lastFiredAt > current.lastFiredAt);
    if (better) {
      worst.set(alarm.stringId, alarm);
    }
  }
  return worst;
}
