import styles from './warranty.module.css';

interface UsageBarProps {
  label: string;
  /** 0…1 (values past 1 fill the bar and are marked as over). null: nothing to show. */
  fraction: number | null;
  /** The words beside the bar (used of total, with units). */
  text: string;
  testId: string;
}

/** One gauge: a labelled bar with its value as text, a native <meter>. */
export function UsageBar({ label, fraction, text, testId }: UsageBarProps) {
  const pct = fraction === null ? null : Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
  return (
    <div className={styles.gauge} data-testid={testId}>
      <div className={styles.gaugeHead}>
        <span className={styles.gaugeLabel}>{label}</span>
        <span>{text}</span>
      </div>
      {pct === null ? null : (
        <meter
          className={styles.meter}
          min={0}
          max={100}
          value={pct}
          aria-label={label}
          aria-valuetext={text}
          data-over={fraction !== null && fraction > 1 ? 'true' : undefined}
        >
          {text}
        </meter>
      )}
    </div>
  );
}
