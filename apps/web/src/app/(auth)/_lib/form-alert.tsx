import styles from './auth.module.css';

/**
 * The form-level message (role=alert, so it is announced). Focusable by script only, so the
 * form can move the focus here when there is no single field to blame.
 */
export function FormAlert({
  id,
  message,
  tone = 'error',
}: {
  id: string;
  message?: string | undefined;
  tone?: 'error' | 'info';
}) {
  return (
    <p
      id={id}
      role="alert"
      tabIndex={-1}
      data-testid={id}
      data-has-message={message ? 'true' : 'false'}
      className={tone === 'error' ? styles.message : styles.notice}
    >
      {message ?? ''}
    </p>
  );
}
