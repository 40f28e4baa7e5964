import { Card } from '@fleet/ui';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import { createUnitFormatter } from '../../lib/format/units';
import { healthParagraph, type OwnerAlarm } from '../../lib/owner/health-report';
import { newestTs, type PackReading } from '../../lib/owner/system-state';
import styles from './my-system.module.css';

interface HealthSectionProps {
  readings: readonly (PackReading | null)[];
  /** null: the alarms could not be read (the paragraph then leaves them out). */
  alarms: readonly OwnerAlarm[] | null;
  now: number;
  t: Dictionary;
  locale: Locale;
}

const spreadOf = (r: PackReading) =>
  r.cellMaxMv !== null && r.cellMinMv !== null ? r.cellMaxMv - r.cellMinMv : null;

/** Health in plain words; the alarm codes only for whoever opens the details (the installer on the phone). */
export function HealthSection({ readings, alarms, now, t, locale }: HealthSectionProps) {
  const known = readings.filter((r): r is PackReading => r !== null);
  const spreads = known.map(spreadOf).filter((s): s is number => s !== null);
  const text = healthParagraph(
    {
      sohPct: known.length > 0 ? Math.min(...known.map((r) => r.sohPct)) : null,
      cellSpreadMv: spreads.length > 0 ? Math.max(...spreads) : null,
      lastSampleAt: newestTs(readings),
      alarms: alarms ?? [],
      now,
    },
    t,
    createUnitFormatter(locale),
  );
  const shown = (alarms ?? []).filter((a) => a.status === 'open' || a.status === 'acknowledged');
  return (
    <Card title={t.owner.health.title} className={styles.section}>
      <p className={styles.paragraph} data-testid="health-text">
        {text}
      </p>
      {shown.length > 0 ? (
        <details className={styles.details}>
          <summary>{t.owner.health.details}</summary>
          <p className={styles.muted}>{t.owner.health.codes}</p>
          <ul className={styles.codes} data-testid="alarm-codes">
            {shown.map((a) => (
              <li key={`${a.code} ${a.title}`}>
                {a.title} · <code>{a.code}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
