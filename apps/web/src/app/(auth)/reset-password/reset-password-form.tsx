'use client';

import Link from 'next/link';
import { useActionState, useRef } from 'react';
import { type AccountTexts, newPasswordHint } from '../_lib/account-texts';
import styles from '../_lib/auth.module.css';
import { FormAlert } from '../_lib/form-alert';
import { FormField } from '../_lib/form-field';
import { MIN_PASSWORD_LENGTH } from '../_lib/new-password';
import { useFocusFirstError } from '../_lib/use-focus-first-error';
import { type ResetPasswordState, resetPassword } from './actions';

export function ResetPasswordForm({ token, texts }: { token: string; texts: AccountTexts }) {
  const [state, formAction, pending] = useActionState<ResetPasswordState, FormData>(resetPassword, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const m = texts.resetPassword;
  return (
    <form ref={form} action={formAction} className={styles.form} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormField
        name="password"
        label={m.password}
        hint={newPasswordHint(texts)}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        error={state.fieldErrors?.password}
      />
      <FormField
        name="confirm"
        label={m.confirm}
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.confirm}
      />
      <FormAlert id="reset-password-error" message={state.error} />
      {state.badLink ? (
        <p className={styles.links}>
          <Link href="/forgot-password">{m.newLink}</Link>
        </p>
      ) : null}
      <button type="submit" className={styles.submit} disabled={pending} aria-busy={pending}>
        {pending ? m.saving : m.save}
      </button>
    </form>
  );
}
