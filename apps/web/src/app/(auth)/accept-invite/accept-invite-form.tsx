'use client';

import { useActionState, useRef } from 'react';
import styles from '../_lib/auth.module.css';
import { FormAlert } from '../_lib/form-alert';
import { FormField } from '../_lib/form-field';
import { MIN_PASSWORD_LENGTH } from '../_lib/new-password';
import { useFocusFirstError } from '../_lib/use-focus-first-error';
import { type AcceptInviteState, acceptInvite } from './actions';
import { acceptInviteMessages as m } from './messages';

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<AcceptInviteState, FormData>(acceptInvite, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
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
        hint={m.passwordHint}
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
