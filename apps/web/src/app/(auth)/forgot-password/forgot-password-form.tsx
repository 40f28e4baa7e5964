'use client';

import { useActionState, useRef } from 'react';
import type { AccountTexts } from '../_lib/account-texts';
import styles from '../_lib/auth.module.css';
import { FormAlert } from '../_lib/form-alert';
import { FormField } from '../_lib/form-field';
import { useFocusFirstError } from '../_lib/use-focus-first-error';
import { type ForgotPasswordState, requestPasswordReset } from './actions';

export function ForgotPasswordForm({ texts }: { texts: AccountTexts }) {
  const [state, formAction, pending] = useActionState<ForgotPasswordState, FormData>(
    requestPasswordReset,
    {},
  );
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const m = texts.forgotPassword;
  return (
    <form ref={form} action={formAction} className={styles.form} noValidate>
      <FormField
        name="email"
        label={texts.common.email}
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <FormAlert id="forgot-password-error" message={state.error} />
      <FormAlert id="forgot-password-sent" tone="info" message={state.done ? m.sent : undefined} />
      <button type="submit" className={styles.submit} disabled={pending} aria-busy={pending}>
        {pending ? m.sending : m.send}
      </button>
    </form>
  );
}
