'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/client';
import { saveTerms, type TermsFormState } from './actions';
import { TERMS_FIELDS, type TermsField } from './parse-terms-form';
import styles from './terms.module.css';
import { TermsField as Field } from './terms-field';

interface TermsFormProps {
  /** The terms being edited, or undefined to add new ones. */
  id?: string | undefined;
  initial: Partial<Record<TermsField, string>>;
}

/** Add or edit one set of terms; problems are shown by their field and the first one gets the focus. */
export function TermsForm({ id, initial }: TermsFormProps) {
  const { t } = useI18n();
  const w = t.warranty.terms;
  const [state, action, pending] = useActionState<TermsFormState, FormData>(saveTerms, {});
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = TERMS_FIELDS.find((f) => state.fieldErrors?.[f]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    } else if (state.error) {
      formRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
    }
  }, [state]);
  const value = (f: TermsField) => state.values?.[f] ?? initial[f] ?? '';
  const field = (
    f: TermsField,
    extra: { hint?: string; type?: string; step?: string; required?: boolean } = {},
  ) => (
    <Field
      key={`${f}-${value(f)}`}
      name={f}
      label={w.fields[f as keyof typeof w.fields]}
      error={state.fieldErrors?.[f]}
      hint={extra.hint}
      type={extra.type ?? 'text'}
      inputMode={extra.type === undefined && extra.step ? 'decimal' : undefined}
      defaultValue={value(f)}
      required={extra.required}
    />
  );
  return (
    <form ref={formRef} action={action} className={styles.form} noValidate data-testid="terms-form">
      <h2 className={styles.formTitle}>{id ? w.editTitle : w.addTitle}</h2>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {state.error ? (
        <p role="alert" tabIndex={-1} className={styles.alert} data-testid="terms-form-error">
          {state.error}
        </p>
      ) : null}
      <div className={styles.field}>
        <label htmlFor="moduleType">{w.fields.moduleType}</label>
        <select
          id="moduleType"
          name="moduleType"
          defaultValue={value('moduleType') || 'H48050'}
          key={value('moduleType')}
        >
          <option value="H48050">H48050</option>
          <option value="H48074">H48074</option>
        </select>
      </div>
      {field('bmsModel', { hint: w.fields.bmsModelHint })}
      {field('region', { hint: w.fields.regionHint, required: true })}
      {field('termYears', { required: true, step: '1' })}
      {field('throughputMwhPerKwh', { hint: w.fields.throughputHint, step: 'any' })}
      {field('retainedCapacityPct', { hint: w.fields.retainedHint, step: 'any' })}
      <fieldset className={styles.limits}>
        <legend>{w.limits}</legend>
        <p className={styles.hint}>{w.fields.limitsHint}</p>
        {field('cellTempMinC', { step: 'any' })}
        {field('cellTempMaxC', { step: 'any' })}
        {field('cellVoltageMinMv', { step: '1' })}
        {field('cellVoltageMaxMv', { step: '1' })}
        {field('maxCRate', { step: 'any' })}
        {field('maxCurrentA', { step: 'any' })}
      </fieldset>
      {field('validFrom', { type: 'date', required: true })}
      {field('source', { hint: w.fields.sourceHint, required: true })}
      {field('notes')}
      <div className={styles.buttons}>
        <button
          type="submit"
          className="fleet-button"
          disabled={pending}
          aria-busy={pending}
          data-testid="terms-save"
        >
          {pending ? w.saving : w.save}
        </button>
        {id ? <Link href="/warranty-terms">{w.cancel}</Link> : null}
      </div>
    </form>
  );
}
