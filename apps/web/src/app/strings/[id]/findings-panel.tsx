import { Badge, Card } from '@fleet/ui';
import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { StringFindings } from '../../../lib/api/types';
import { evidenceText } from '../../../lib/intelligence/evidence-text';
import type { FindingDay } from '../../../lib/intelligence/finding-columns';
import { FindingChart } from './finding-chart';
import styles from './findings.module.css';

interface FindingsPanelProps {
  /** undefined: the findings could not be loaded. */
  findings: StringFindings | undefined;
  t: Dictionary['intelligence'];
}

/** The string's early warnings, each with the chart of the daily values it was judged on. */
export function FindingsPanel({ findings, t }: FindingsPanelProps) {
  return (
    <section className={styles.panel} aria-labelledby="findings-title" data-testid="string-findings">
      <Card>
        <h2 id="findings-title">{t.title}</h2>
        <p className="page-subtitle">{t.stringIntro}</p>
        {findings === undefined ? (
          <p className="state-message" role="alert">
            {t.error}
          </p>
        ) : findings.items.length === 0 ? (
          <p className="state-message">{t.stringEmpty}</p>
        ) : (
          <ul className={styles.list}>
            {findings.items.map((f) => (
              <li key={f.kind} className={styles.item} data-testid={`finding-${f.kind}`}>
                <h3>
                  {t.kinds[f.kind]}
                  <Badge tone="info">{f.primary ? t.cause : t.also}</Badge>
                </h3>
                <p>{f.explanation}</p>
                <p className={styles.meta}>{evidenceText(f, t)}</p>
                <FindingChart
                  days={findings.days as FindingDay[]}
                  field={f.chartField}
                  label={interpolate(t.chartTitle, {
                    what:
                      t.fields[f.chartField as keyof Dictionary['intelligence']['fields']] ?? f.chartField,
                  })}
                  emptyText={t.noChartData}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
