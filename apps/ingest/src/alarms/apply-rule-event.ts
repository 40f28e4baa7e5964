import type { RuleEvent } from '@fleet/alarms';
import type { AlarmPatch, AlarmRow, AlarmTx, TransitionInput } from '@fleet/db';
import type { AlarmSubject } from './alarm-subject.js';
import { alarmTitle } from './derived-titles.js';
import type { TimedObservation } from './timed-observation.js';

const SYSTEM = 'system';

/**
 * One evaluator event → the alarm row's transition (audit + outbox) in the caller's transaction.
 * `open` maps code → the subject's alarm that is not closed; it is updated in place, so later
 * events of the same batch see the new row. One alarm per condition: a firing while an alarm is
 * open counts a repeat, a firing of a resolved (not yet closed) alarm reopens it.
 */
export async function applyRuleEvent(
  tx: AlarmTx,
  subject: AlarmSubject,
  open: Map<string, AlarmRow>,
  obs: TimedObservation,
  event: RuleEvent,
  suppressedBy: string | undefined,
  traceparent?: string,
): Promise<void> {
  const code = obs.ruleId;
  const at = new Date(event.at);
  const existing = open.get(code);
  const value = 'value' in event && event.value !== undefined ? event.value : undefined;
  const detail = {
    rule: event.type,
    ...(value === undefined ? {} : { value }),
    ...(suppressedBy === undefined ? {} : { suppressedBy }),
  };
  const input = (
    transition: TransitionInput['transition'],
    extra: Record<string, unknown> = {},
  ): TransitionInput => ({
    transition,
    actor: SYSTEM,
    at,
    notify: event.notify,
    detail: { ...detail, ...extra },
    ...(traceparent === undefined ? {} : { traceparent }),
  });
  const firing: AlarmPatch = {
    lastFiredAt: at,
    ...(value === undefined ? {} : { lastValue: value }),
    ...(obs.rawWords ? { rawWords: obs.rawWords } : {}),
    ...(obs.cellSnapshotAt === undefined ? {} : { cellSnapshotAt: new Date(obs.cellSnapshotAt) }),
  };
  const save = async (alarm: AlarmRow, patch: AlarmPatch, t: TransitionInput) => {
    open.set(code, (await tx.transition(alarm, patch, t)).alarm);
  };
  switch (event.type) {
    case 'fired':
    case 'repeated': {
      const severity = event.severity;
      if (existing === undefined) {
        const alarm = await tx.insertAlarm({
          ...subject,
          subjectKey: subject.key,
          code,
          title: alarmTitle(code),
          severity,
          count: Math.max(1, event.count),
          flapping: event.type === 'fired' && event.flapping,
          firedAt: at,
          lastValue: value ?? null,
          rawWords: obs.rawWords ?? null,
          cellSnapshotAt: obs.cellSnapshotAt === undefined ? null : new Date(obs.cellSnapshotAt),
        });
        await save(alarm, {}, input('fired', obs.rawWords ? { rawWords: obs.rawWords } : {}));
        return;
      }
      const reopen = existing.status === 'resolved';
      await save(
        existing,
        {
          ...firing,
          severity,
          count: existing.count + 1,
          ...(reopen ? { status: 'open', resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null } : {}),
        },
        // A repeat while open is recorded, not notified (the evaluator says so); a reopen is news.
        input(reopen ? 'reopened' : 'repeated', { count: existing.count + 1 }),
      );
      return;
    }
    case 'severity-changed':
      if (existing) {
        await save(
          existing,
          { severity: event.to, ...firing },
          input('severity-changed', { from: event.from, to: event.to }),
        );
      }
      return;
    case 'cleared':
      if (existing && (existing.status === 'open' || existing.status === 'acknowledged')) {
        await save(
          existing,
          { status: 'resolved', resolvedAt: at, flapping: false },
          input('resolved', { reason: event.reason, activeMs: event.activeMs }),
        );
      }
      return;
    case 'flapping-started':
      if (existing) {
        await save(
          existing,
          { flapping: true, count: Math.max(existing.count, event.count) },
          input('flapping-started', { transitions: event.transitions }),
        );
      }
      return;
    case 'flapping-ended':
      if (existing) {
        await save(existing, { flapping: false }, input('flapping-ended'));
      }
      return;
  }
}
