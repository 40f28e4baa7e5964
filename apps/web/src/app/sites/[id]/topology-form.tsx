'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import styles from './topology.module.css';
import { confirmTopology, type TopologyFormState } from './topology-actions';
import type { TopologyPlace } from './topology-types';

export interface TopologyFormRow {
  /** Unique per row (a duplicated address is two rows of one place). */
  key: string;
  place: TopologyPlace;
  label: string;
  serial: string;
  /** Pre-filled installed module count: the confirmed one, else the one found. */
  modules: string;
}

/** The installer ticks what is installed and how many modules each string has, then confirms. */
export function TopologyForm({ siteId, rows }: { siteId: string; rows: TopologyFormRow[] }) {
  const { t } = useI18n();
  const tt = t.topology;
  const [state, action, pending] = useActionState<TopologyFormState, FormData>(
    confirmTopology.bind(null, siteId),
    {},
  );
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = Object.keys(state.fieldErrors ?? {})[0];
    const target = first
      ? ref.current?.querySelector<HTMLElement>(`[name="${first}"]`)
      : ref.current?.querySelector<HTMLElement>('[role="alert"], [role="status"]');
    target?.focus();
  }, [state]);
  return (
    <form ref={ref} action={action} className={styles.form} noValidate data-testid="topology-form">
      <h3 className={styles.subtitle}>{tt.confirmTitle}</h3>
      <p className={styles.muted}>{tt.confirmHelp}</p>
      {state.error ? (
        <p role="alert" tabIndex={-1} className={styles.alert}>
          {state.error}
        </p>
      ) : null}
      {state.done ? (
        <p role="status" tabIndex={-1} className={styles.notice}>
          {tt.confirmed}
        </p>
      ) : null}
      {rows.map((row, i) => {
        const error = state.fieldErrors?.[`modules-${i}`];
        return (
          <fieldset key={row.key} className={styles.row}>
            <input type="hidden" name={`gateway-${i}`} value={row.place.gatewayId} />
            <input type="hidden" name={`bus-${i}`} value={row.place.bus} />
            <input type="hidden" name={`address-${i}`} value={row.place.bmsAddress} />
            <input type="hidden" name={`serial-${i}`} value={row.serial} />
            <label className={styles.check}>
              <input type="checkbox" name="include" value={i} defaultChecked />
              {interpolate(tt.include, { place: row.label })}
            </label>
            <label className={styles.field}>
              <span>{interpolate(tt.installedModules, { place: row.label })}</span>
              <input
                name={`modules-${i}`}
                type="number"
                min={1}
                max={64}
                step={1}
                inputMode="numeric"
                defaultValue={row.modules}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `modules-${i}-error` : undefined}
              />
            </label>
            {error ? (
              <span id={`modules-${i}-error`} className={styles.fieldError}>
                {error}
              </span>
            ) : null}
          </fieldset>
        );
      })}
      <label className={styles.field}>
        <span>{tt.note}</span>
        <textarea name="note" rows={2} maxLength={2000} />
      </label>
      <button
        type="submit"
        className="fleet-button fleet-button--primary"
        disabled={pending}
        aria-busy={pending}
        data-testid="topology-confirm"
      >
        {pending ? tt.confirming : tt.confirm}
      </button>
    </form>
  );
}
