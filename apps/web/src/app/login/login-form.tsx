'use client';

import Link from 'next/link';
import { useActionState, useRef } from 'react';
import type { AccountTexts } from '../(auth)/_lib/account-texts';
import styles from '../(auth)/_lib/auth.module.css';
import { FormAlert } from '../(auth)/_lib/form-alert';
import { FormField } from '../(auth)/_lib/form-field';
import { useFocusFirstError } from '../(auth)/_lib/use-focus-first-error';
import { type LoginState, login } from './actions';

interface LoginFormProps {
  next: string | undefined;
  notice: string | undefined;
  texts: AccountTexts;
}

export function LoginForm({ next, notice, texts }: LoginFormProps) {
  const m = texts.login;
  const [state, formAction, pending] = useActionState<LoginState, FormData>(login, { step: 'password' });
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const codeStep = state.step === 'code';
  return (
    <form ref={form} action={formAction} className={styles.form} noValidate aria-describedby="login-error">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {codeStep ? <CodeStep state={state} texts={texts} /> : <PasswordStep state={state} texts={texts} />}
      {notice && !state.error && !codeStep ? (
        <FormAlert id="login-notice" tone="info" message={notice} />
      ) : null}
      <FormAlert id="login-error" message={state.error} />
      <button type="submit" className={styles.submit} disabled={pending} aria-busy={pending}>
        {codeStep ? (pending ? m.verifying : m.verify) : pending ? m.signingIn : m.signIn}
      </button>
      <p className={styles.links}>
        {codeStep ? (
          <a href="/login">{m.startOver}</a>
        ) : (
          <Link href="/forgot-password">{m.forgotPassword}</Link>
        )}
      </p>
    </form>
  );
}

function PasswordStep({ state, texts }: { state: LoginState; texts: AccountTexts }) {
  const m = texts.login;
  return (
    <>
      <FormField
        name="email"
        label={texts.common.email}
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <FormField
        name="password"
        label={m.password}
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
    </>
  );
}

function CodeStep({ state, texts }: { state: LoginState; texts: AccountTexts }) {
  const m = texts.login;
  return (
    <>
      <input type="hidden" name="step" value="code" />
      <input type="hidden" name="email" value={state.values?.email ?? ''} />
      <p className={styles.subtitle}>{m.codeSubtitle}</p>
      <FormField
        key="code"
        name="code"
        label={m.code}
        hint={m.codeHint}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        // The code step replaces the password step: the code is the only thing left to type.
        autoFocus
        error={state.fieldErrors?.code}
      />
    </>
  );
}
