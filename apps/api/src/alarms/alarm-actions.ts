import type { AlarmPatch, AlarmRow } from '@fleet/db';
import type { AlarmTransition } from '@fleet/telemetry';

/** What a person can do to an alarm from the API. */
export type AlarmAction =
  | { kind: 'acknowledge'; note?: string }
  | { kind: 'assign'; userId: string | null }
  | { kind: 'comment'; text: string; cellSnapshotAt?: string }
  | { kind: 'resolve'; note?: string }
  | { kind: 'close'; note?: string }
  | { kind: 'snooze'; until: string };

export interface PlannedTransition {
  transition: AlarmTransition;
  patch: AlarmPatch;
  detail: Record<string, unknown>;
  notify: boolean;
}

/**
 * The lifecycle as data: open → acknowledged → resolved → closed, assign / comment / snooze on
 * the way. Returns the transition to record, or why the alarm's status refuses the action.
 * Pure: `now` and the actor are arguments.
 */
export function planAlarmAction(
  alarm: Pick<AlarmRow, 'status'>,
  action: AlarmAction,
  actor: string,
  now: Date,
): PlannedTransition | { refused: string } {
  const { status } = alarm;
  const note = 'note' in action && action.note !== undefined ? { note: action.note } : {};
  switch (action.kind) {
    case 'acknowledge':
      return status === 'open'
        ? {
            transition: 'acknowledged',
            patch: { status: 'acknowledged', acknowledgedBy: actor, acknowledgedAt: now },
            detail: note,
            notify: true,
          }
        : { refused: `alarm is ${status}; only an open alarm can be acknowledged` };
    case 'assign':
      return status === 'closed'
        ? { refused: 'alarm is closed' }
        : {
            transition: 'assigned',
            patch: { assigneeId: action.userId },
            detail: { assigneeId: action.userId },
            notify: true,
          };
    case 'comment':
      return {
        transition: 'commented',
        patch: action.cellSnapshotAt ? { cellSnapshotAt: new Date(action.cellSnapshotAt) } : {},
        detail: {
          text: action.text,
          ...(action.cellSnapshotAt ? { cellSnapshotAt: action.cellSnapshotAt } : {}),
        },
        notify: false,
      };
    case 'resolve':
      return status === 'open' || status === 'acknowledged'
        ? {
            transition: 'resolved',
            patch: { status: 'resolved', resolvedAt: now },
            detail: note,
            notify: true,
          }
        : { refused: `alarm is ${status}; only an open or acknowledged alarm can be resolved` };
    case 'close':
      return status === 'closed'
        ? { refused: 'alarm is already closed' }
        : { transition: 'closed', patch: { status: 'closed', closedAt: now }, detail: note, notify: true };
    case 'snooze':
      // The contract has no `snoozed` transition: recorded as a comment that says so, not notified.
      return status === 'closed'
        ? { refused: 'alarm is closed' }
        : {
            transition: 'commented',
            patch: { snoozedUntil: new Date(action.until) },
            detail: { snoozedUntil: action.until },
            notify: false,
          };
  }
}
