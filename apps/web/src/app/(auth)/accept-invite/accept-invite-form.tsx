'use client';

import { useActionState, useRef } from 'react';
import { type AccountTexts, newPasswordHint } from '../_lib/account-texts';
import styles from '../_lib/auth.module.css';
import { FormAlert } from '../_lib/form-alert';
import { FormField } from '../_lib/form-field';
import { MIN_PASSWORD_LENGTH } from '../_lib/new-password';
import { useFocusFirstError } from '../_lib/use-focus-first-error';
import { type AcceptInviteState, acceptInvite } from './actions';

export function AcceptInviteForm({ token, texts }: { token: string; texts: AccountTexts }) {
  const [state, formAction, pending] = useActionState<AcceptInviteState, FormData>(acceptInvite, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const m = texts.acceptInvite;
  return (
    <form ref={form} action={formAction} className={styles.form} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormField
        name="name"
        label={m.name}
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <FormField
        name="password"
        label={m.password}
        hint={`${newPasswordHint(texts)} ${m.existingAccountHint}`}
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
      <FormAlert id="accept-invite-error" message={state.error} />
      <button type="submit" className={styles.submit} disabled={pending} aria-busy={pending}>
        {pending ? m.accepting : m.accept}
      </button>
    </form>
  );
}
