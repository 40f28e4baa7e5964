'use client';

import { Card } from '@fleet/ui';
import { useActionState, useState } from 'react';
import { useI18n } from '../../i18n/client';
import { HOURS, type PreferencesBody, SEVERITIES } from '../../lib/owner/preferences-form';
import { type PreferencesState, savePreferences } from './actions';
import styles from './my-system.module.css';
import { PushToggle } from './push-toggle';

const SEVERITY_WORD = {
  critical: 'severityCritical',
  major: 'severityMajor',
  warning: 'severityWarning',
  info: 'severityInfo',
} as const;

interface NotificationFormProps {
  initial: PreferencesBody | null;
  timezones: string[];
  /** The API's VAPID key; null: push is off, so no push switch. */
  pushKey: string | null;
}

/** The owner's own notification settings as one simple form (radio buttons and pickers, no typing). */
export function NotificationForm({ initial, timezones, pushKey }: NotificationFormProps) {
  const { t } = useI18n();
  const words = t.owner.notifications;
  return (
    <Card title={words.title} className={styles.section}>
      <p className={styles.muted}>{words.intro}</p>
      {initial === null ? (
        <p className="state-message" role="alert" data-testid="notifications-error">
          {words.loadFailed}
        </p>
      ) : (
        <PreferencesFields initial={initial} timezones={timezones} />
      )}
      {pushKey ? <PushToggle publicKey={pushKey} /> : null}
    </Card>
  );
}

function PreferencesFields({ initial, timezones }: { initial: PreferencesBody; timezones: string[] }) {
  const { t } = useI18n();
  const words = t.owner.notifications;
  const [state, action, pending] = useActionState<PreferencesState, FormData>(savePreferences, {
    values: initial,
  });
  const v = state.values;
  const [quiet, setQuiet] = useState(v.quietHours !== null);
  return (
    <form action={action} className={styles.form} data-testid="notification-form">
      {v.channelIds.map((id) => (
        <input key={id} type="hidden" name="channelId" value={id} />
      ))}
      <fieldset className={styles.fieldset}>
        <legend>{words.minSeverity}</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className={styles.choice}>
            <input type="radio" name="minSeverity" value={s} defaultChecked={v.minSeverity === s} />
            {words[SEVERITY_WORD[s]]}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{words.quietHours}</legend>
        <label className={styles.choice}>
          <input
            type="checkbox"
            name="quietHours"
            checked={quiet}
            onChange={(e) => setQuiet(e.target.checked)}
            data-testid="quiet-hours"
          />
          {words.quietHoursOn}
        </label>
        <div className={styles.row} hidden={!quiet}>
          <TimeSelect name="quietStart" label={words.quietFrom} value={v.quietHours?.start ?? '22:00'} />
          <TimeSelect name="quietEnd" label={words.quietTo} value={v.quietHours?.end ?? '07:00'} />
          <TimeSelect name="digestAt" label={words.digest} value={v.digestAt ?? ''} none={words.digestNone} />
        </div>
      </fieldset>
      <label className={styles.field}>
        <span>{words.timezone}</span>
        <select name="timezone" defaultValue={v.timezone} className={styles.select}>
          {timezones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.row}>
        <button
          type="submit"
          className="fleet-button fleet-button--primary"
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? words.saving : words.save}
        </button>
        {state.outcome ? (
          <p
            role={state.outcome.ok ? 'status' : 'alert'}
            className={state.outcome.ok ? styles.saved : styles.problem}
            data-testid="notifications-outcome"
          >
            {state.outcome.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function TimeSelect({
  name,
  label,
  value,
  none,
}: {
  name: string;
  label: string;
  value: string;
  none?: string;
}) {
  return (
    <label className={styles.field}>
      <span>{label}</span>
      <select name={name} defaultValue={value} className={styles.select} data-testid={name}>
        {none !== undefined ? <option value="">{none}</option> : null}
        {[...new Set([value, ...HOURS])]
          .filter(Boolean)
          .sort()
          .map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
      </select>
    </label>
  );
}
