'use client';

import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import { TermsField as Field } from '../../../warranty-terms/terms-field';
import { type ClaimFormState, claimGateway } from './actions';
import styles from './claim.module.css';
import { QrScanner } from './qr-scanner';

/** Type or scan a gateway's claim code and name it; the outcome is announced and focused. */
export function ClaimForm({ siteId }: { siteId: string }) {
  const { t } = useI18n();
  const c = t.claim;
  const [state, action, pending] = useActionState<ClaimFormState, FormData>(
    claimGateway.bind(null, siteId),
    {},
  );
  const [code, setCode] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const target = state.fieldErrors?.code
      ? '[name="code"]'
      : state.fieldErrors?.name
        ? '[name="name"]'
        : '[data-focus]';
    formRef.current?.querySelector<HTMLElement>(target)?.focus();
    if (state.values) {
      setCode(state.values.code);
    } else if (state.claimed) {
      setCode('');
    }
  }, [state]);
  const onCode = useCallback((scanned: string) => setCode(scanned), []);
  return (
    <form ref={formRef} action={action} className={styles.form} noValidate data-testid="claim-form">
      {state.claimed ? (
        <p role="status" tabIndex={-1} data-focus className={styles.notice} data-testid="claim-result">
          {interpolate(c.claimed, { name: state.claimed.name, id: state.claimed.id })}
        </p>
      ) : null}
      {state.error ? (
        <p role="alert" tabIndex={-1} data-focus className={styles.alert} data-testid="claim-error">
          {state.error}
        </p>
      ) : null}
      <Field
        name="code"
        label={c.code}
        hint={c.codeHint}
        error={state.fieldErrors?.code}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <QrScanner onCode={onCode} />
      <Field
        key={state.claimed ? 'cleared' : 'name'}
        name="name"
        label={c.name}
        hint={c.nameHint}
        error={state.fieldErrors?.name}
        defaultValue={state.values?.name ?? ''}
        required
      />
      <div>
        <button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? c.submitting : c.submit}
        </button>
      </div>
    </form>
  );
}
