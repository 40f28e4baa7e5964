import type { AlarmStatus } from '../../../lib/api/types';

export type AlarmActionKind = 'acknowledge' | 'assign' | 'comment' | 'resolve' | 'close' | 'snooze';

export const SNOOZE_HOURS = [1, 4, 24, 72] as const;

/** The end of a snooze chosen in hours; anything not offered falls back to the shortest. */
export function snoozeUntil(hours: FormDataEntryValue | null, now: number): string {
  const chosen = SNOOZE_HOURS.find((h) => String(h) === hours) ?? SNOOZE_HOURS[0];
  return new Date(now + chosen * 3_600_000).toISOString();
}

/**
 * The status buttons that make sense for an alarm in this status (the API's lifecycle:
 * open → acknowledged → resolved → closed). Assign, comment and snooze are offered until closed.
 */
export function statusActions(status: AlarmStatus): ('acknowledge' | 'resolve' | 'close')[] {
  switch (status) {
    case 'open':
      return ['acknowledge', 'resolve', 'close'];
    case 'acknowledged':
      return ['resolve', 'close'];
    case 'resolved':
      return ['close'];
    case 'closed':
      return [];
  }
}
