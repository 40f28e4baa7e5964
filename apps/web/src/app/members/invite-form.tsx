'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/client';
import { FormAlert } from '../(auth)/_lib/form-alert';
import { FormField } from '../(auth)/_lib/form-field';
import { errorId } from '../(auth)/_lib/form-state';
import { useFocusFirstError } from '../(auth)/_lib/use-focus-first-error';
import { INVITABLE_ROLES, type InviteState } from './invite-state';
import styles from './members.module.css';

interface InviteFormProps {
  /** The server action (bound to a site for the owner invite, to none on the members page). */
  action: (previous: InviteState, form: FormData) => Promise<InviteState>;
  /** Shows the role select (members page); without it the API gets role owner (site view). */
  withRole: boolean;
  testId: string;
}

/**
 * Email, role and the mail's language; the outcome is announced in a status region that takes
 * the focus, a refusal sits under the field it is about (which takes the focus instead).
 */
export function InviteForm({ action, withRole, testId }: InviteFormProps) {
  const { t, locale } = useI18n();
  const m = t.accounts.invite;
  const [state, formAction, pending] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  useFocusFirstError(form, state);
  useEffect(() => {
    if (state.notice) {
      status.current?.focus();
    }
  }, [state]);
  const roleError = state.fieldErrors?.role;
  const localeError = state.fieldErrors?.locale;
  const roleId = `${testId}-role`;
  const localeId = `${testId}-locale`;
  return (
    <form ref={form} action={formAction} className={styles.inviteForm} data-testid={testId} noValidate>
      <FormField
        id={`${testId}-email`}
        name="email"
        type="email"
        autoComplete="off"
        label={m.email}
        required
        // A new key after each answer, so a sent invitation leaves an empty field behind.
        key={state.done ? `sent-${state.notice}` : 'email'}
        defaultValue={state.values?.email ?? ''}
        error={state.fieldErrors?.email}
      />
      {withRole ? (
        <div className={styles.field}>
          <label htmlFor={roleId}>{m.role}</label>
          <select
            id={roleId}
            name="role"
            defaultValue="technician"
            aria-invalid={roleError ? true : undefined}
            aria-describedby={roleError ? errorId(roleId) : undefined}
          >
            {INVITABLE_ROLES.map((role) => (
              <option key={role} value={role}>
                {t.roles[role]}
              </option>
            ))}
          </select>
          {roleError ? (
            <span id={errorId(roleId)} className={styles.fieldError}>
              {roleError}
            </span>
          ) : null}
        </div>
      ) : null}
      <div className={styles.field}>
        <label htmlFor={localeId}>{m.language}</label>
        <select
          id={localeId}
          name="locale"
          defaultValue={locale}
          aria-invalid={localeError ? true : undefined}
          aria-describedby={localeError ? errorId(localeId) : undefined}
        >
          <option value="en" lang="en">
            {m.english}
          </option>
          <option value="de" lang="de">
            {m.german}
          </option>
        </select>
        {localeError ? (
          <span id={errorId(localeId)} className={styles.fieldError}>
            {localeError}
          </span>
        ) : null}
      </div>
      <div className={styles.inviteActions}>
        <button type="submit" className="fleet-button fleet-button--primary" disabled={pending}>
          {pending ? m.sending : m.send}
        </button>
      </div>
      <FormAlert id={`${testId}-error`} message={state.error} />
      <p
        ref={status}
        role="status"
        tabIndex={-1}
        className={styles.inviteStatus}
        data-testid={`${testId}-status`}
      >
        {state.notice ?? ''}
      </p>
    </form>
  );
}
