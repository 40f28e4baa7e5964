'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useI18n } from '../../../../i18n/client';
import { TermsField as Field } from '../../../warranty-terms/terms-field';
import { type RecordFormState, saveCommissioning, saveRegion } from './actions';
import styles from './warranty.module.css';

/** Focus the first invalid field, or the form's message, after each answer. */
function useFocusAfter(state: RecordFormState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = Object.keys(state.fieldErrors ?? {})[0];
    const target = first
      ? ref.current?.querySelector<HTMLElement>(`[name="${first}"]`)
      : ref.current?.querySelector<HTMLElement>('[role="alert"], [role="status"]');
    target?.focus();
  }, [state]);
  return ref;
}

function Outcome({ state }: { state: RecordFormState }) {
  const { t } = useI18n();
  if (state.error) {
    return (
      <p role="alert" tabIndex={-1} className={styles.alert}>
        {state.error}
      </p>
    );
  }
  return state.done ? (
    <p role="status" tabIndex={-1} className={styles.notice}>
      {t.warranty.string.saved}
    </p>
  ) : null;
}

interface CommissioningFormProps {
  stringId: string;
  initial: { day: string; by: string; notes: string };
}

/** The install record: commissioning day (UTC), who, notes. */
export function CommissioningForm({ stringId, initial }: CommissioningFormProps) {
  const { t } = useI18n();
  const w = t.warranty.string;
  const [state, action, pending] = useActionState(saveCommissioning.bind(null, stringId), {});
  const ref = useFocusAfter(state);
  return (
    <form ref={ref} action={action} className={styles.form} noValidate data-testid="commissioning-form">
      <h3 className={styles.formTitle}>{w.editCommissioning}</h3>
      <Outcome state={state} />
      <Field
        name="commissionedAt"
        type="date"
        label={w.commissionedAtField}
        defaultValue={initial.day}
        error={state.fieldErrors?.commissionedAt}
        required
      />
      <Field
        name="commissionedBy"
        label={w.commissionedByField}
        defaultValue={initial.by}
        error={state.fieldErrors?.commissionedBy}
        required
      />
      <Field name="notes" label={w.notesField} defaultValue={initial.notes} />
      <button
        type="submit"
        className="fleet-button"
        disabled={pending}
        aria-busy={pending}
        data-testid="commissioning-save"
      >
        {pending ? w.saving : w.saveCommissioning}
      </button>
    </form>
  );
}

/** The site's warranty region (site managers). */
export function RegionForm({
  stringId,
  siteId,
  initial,
}: {
  stringId: string;
  siteId: string;
  initial: string;
}) {
  const { t } = useI18n();
  const w = t.warranty.string;
  const [state, action, pending] = useActionState(saveRegion.bind(null, stringId, siteId), {});
  const ref = useFocusAfter(state);
  return (
    <form ref={ref} action={action} className={styles.form} noValidate data-testid="region-form">
      <Outcome state={state} />
      <Field
        name="warrantyRegion"
        label={w.regionField}
        hint={w.regionHint}
        defaultValue={initial}
        error={state.fieldErrors?.warrantyRegion}
      />
      <button
        type="submit"
        className="fleet-button"
        disabled={pending}
        aria-busy={pending}
        data-testid="region-save"
      >
        {pending ? w.saving : w.saveRegion}
      </button>
    </form>
  );
}
