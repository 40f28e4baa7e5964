import type { InputHTMLAttributes } from 'react';
import styles from './auth.module.css';
import { errorId } from './form-state';

interface FormFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  /** The field's error; tied to the input with aria-describedby and aria-invalid. */
  error?: string | undefined;
  /** A standing hint (e.g. the minimum length), also announced with the input. */
  hint?: string | undefined;
}

/** A labelled input whose hint and error a screen reader reads with it. */
export function FormField({ name, label, error, hint, ...input }: FormFieldProps) {
  const id = input.id ?? name;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? errorId(id) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      <input
        {...input}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <span id={errorId(id)} className={styles.fieldError} data-testid={errorId(id)}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
