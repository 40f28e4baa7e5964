'use client';

import { useActionState } from 'react';
import { type LoginState, login } from './actions';
import styles from './login.module.css';

export function LoginForm({ next, notice }: { next: string | undefined; notice: string | undefined }) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(login, {});
  return (
    <form action={formAction} className={styles.form} aria-describedby="login-message">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label className={styles.field}>
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </label>
      <label className={styles.field}>
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <p id="login-message" className={styles.message} role="alert" data-testid="login-error">
        {state.error ?? notice ?? ''}
      </p>
      <button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
