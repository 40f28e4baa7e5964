import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { AlarmDetail, Member, User } from '../../../lib/api/types';
import styles from '../alarms.module.css';
import { ActionForm } from './action-form';
import { SNOOZE_HOURS, statusActions } from './action-kinds';
import { type ActionState, alarmAction } from './actions';
import { personLabel } from './people';

interface AlarmActionsProps {
  alarm: AlarmDetail;
  me: User;
  /** Empty when the caller may not read the member list: then only "assign to me" is offered. */
  members: Member[];
  t: Dictionary;
}

/** The buttons the alarm's status allows, for a role that may work alarms (the page checks). */
export function AlarmActions({ alarm, me, members, t }: AlarmActionsProps) {
  const bound = (kind: Parameters<typeof alarmAction>[1]): BoundAction =>
    alarmAction.bind(null, alarm.id, kind);
  if (alarm.status === 'closed') {
    return <CommentForm action={bound('comment')} t={t} />;
  }
  const labels = { acknowledge: t.alarm.acknowledge, resolve: t.alarm.resolve, close: t.alarm.close };
  return (
    <div className={styles.form}>
      <div className={styles.inline}>
        {statusActions(alarm.status).map((kind) => (
          <ActionForm
            key={kind}
            action={bound(kind)}
            submitLabel={labels[kind]}
            testId={`action-${kind}`}
            tone={kind === 'acknowledge' ? 'primary' : 'plain'}
          />
        ))}
      </div>
      {members.length > 0 ? (
        <ActionForm
          action={bound('assign')}
          submitLabel={t.alarm.assign}
          testId="action-assign"
          className={styles.inline}
        >
          <label>
            <span>{t.alarm.assignTo}</span>
            <select name="userId" defaultValue={alarm.assigneeId ?? ''}>
              <option value="">{t.alarm.unassign}</option>
              {members
                .filter((m) => m.role !== 'owner')
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              {/* The current assignee by name even when not a member of ours (a support desk). */}
              {alarm.assignee && !members.some((m) => m.id === alarm.assigneeId) ? (
                <option value={alarm.assignee.id}>{personLabel(alarm.assignee)}</option>
              ) : null}
            </select>
          </label>
        </ActionForm>
      ) : alarm.assigneeId !== me.id ? (
        <ActionForm action={bound('assign')} submitLabel={t.alarm.assignToMe} testId="action-assign-me">
          <input type="hidden" name="userId" value={me.id} />
        </ActionForm>
      ) : null}
      <ActionForm
        action={bound('snooze')}
        submitLabel={t.alarm.snooze}
        testId="action-snooze"
        className={styles.inline}
      >
        <label>
          <span>{t.alarm.snoozeFor}</span>
          <select name="hours" defaultValue="4">
            {SNOOZE_HOURS.map((h) => (
              <option key={h} value={h}>
                {interpolate(t.alarm.snoozeHours, { n: h })}
              </option>
            ))}
          </select>
        </label>
      </ActionForm>
      <CommentForm action={bound('comment')} t={t} />
    </div>
  );
}

type BoundAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

function CommentForm({ action, t }: { action: BoundAction; t: Dictionary }) {
  return (
    <ActionForm
      action={action}
      submitLabel={t.alarm.commentSend}
      testId="action-comment"
      className={styles.form}
    >
      <label>
        <span>{t.alarm.commentLabel}</span>
        <textarea name="text" required maxLength={2000} />
      </label>
    </ActionForm>
  );
}
