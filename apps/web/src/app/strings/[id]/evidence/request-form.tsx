'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useI18n } from '../../../../i18n/client';
import { type RequestPackState, requestEvidencePack } from './actions';
import styles from './evidence.module.css';

interface RequestFormProps {
  stringId: string;
  defaults: { from: string; to: string };
  /** Called after the API accepted a request, so the list refreshes at once. */
  onQueued: () => void;
}

function DateField(props: { name: 'from' | 'to'; label: string; value: string; error: string | undefined }) {
  const errorId = props.error ? `evidence-${props.name}-error` : undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={`evidence-${props.name}`}>{props.label}</label>
      <input
        id={`evidence-${props.name}`}
        name={props.name}
        type="date"
        defaultValue={props.value}
        required
        aria-invalid={props.error ? true : undefined}
        aria-describedby={['evidence-period-hint', errorId].filter(Boolean).join(' ')}
        data-testid={`evidence-${props.name}`}
      />
      {props.error ? (
        <span id={errorId} className={styles.error}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** The period picker and the "Generate evidence pack" button (a server action; works without script). */
export function RequestForm({ stringId, defaults, onQueued }: RequestFormProps) {
  const { t } = useI18n();
  const e = t.evidence;
  const [state, action, pending] = useActionState<RequestPackState, FormData>(
    requestEvidencePack.bind(null, stringId),
    {},
  );
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done) {
      onQueued();
    }
    const first = Object.keys(state.fieldErrors ?? {})[0];
    const target = first
      ? ref.current?.querySelector<HTMLElement>(`[name="${first}"]`)
      : ref.current?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [state, onQueued]);
  const values = state.values ?? defaults;
  return (
    <form ref={ref} action={action} className={styles.form} noValidate data-testid="evidence-form">
      <h2>{e.form.title}</h2>
      <DateField name="from" label={e.form.from} value={values.from} error={state.fieldErrors?.from} />
      <DateField name="to" label={e.form.to} value={values.to} error={state.fieldErrors?.to} />
      <button type="submit" className="fleet-button" disabled={pending} data-testid="evidence-generate">
        {pending ? e.form.submitting : e.form.submit}
      </button>
      <p id="evidence-period-hint" className={styles.hint}>
        {e.form.hint}
      </p>
      {state.error ? (
        <p role="alert" tabIndex={-1} className={styles.alert}>
          {state.error}
        </p>
      ) : null}
      {state.done ? (
        <p role="status" className={styles.notice}>
          {e.form.queued}
        </p>
      ) : null}
    </form>
  );
}
