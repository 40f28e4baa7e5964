import styles from './my-system.module.css';

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The state of charge as a big ring: one number an owner reads from across the room. The ring
 * is drawn for the eye; the accessible name carries the value ("Battery 62 % full").
 */
export function SocGauge({ percent, text, label }: { percent: number | null; text: string; label: string }) {
  const share = percent === null ? 0 : Math.min(100, Math.max(0, percent)) / 100;
  return (
    <div className={styles.gauge} role="img" aria-label={label} data-testid="soc-gauge">
      <svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
        <circle className={styles.gaugeTrack} cx="60" cy="60" r={RADIUS} />
        <circle
          className={styles.gaugeValue}
          cx="60"
          cy="60"
          r={RADIUS}
          strokeDasharray={`${share * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
          transform="rotate(-90 60 60)"
        />
      </svg>
      <span className={styles.gaugeText} aria-hidden="true" data-testid="soc">
        {text}
      </span>
    </div>
  );
}
