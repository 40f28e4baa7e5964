import { Badge, Card } from '@fleet/ui';
import Link from 'next/link';
import type { Dictionary } from '../../i18n/en';
import type { Finding } from '../../lib/api/types';
import { evidenceText } from '../../lib/intelligence/evidence-text';
import styles from './fleet.module.css';

interface FleetFindingsProps {
  /** undefined: the findings could not be loaded (the rest of the page still works). */
  findings: Finding[] | undefined;
  t: Dictionary['intelligence'];
}

/** The fleet's early warnings: each flagged string once, with its cause; its page shows the charts. */
export function FleetFindings({ findings, t }: FleetFindingsProps) {
  const causes = findings?.filter((f) => f.primary) ?? [];
  return (
    <section aria-labelledby="fleet-findings-title" data-testid="fleet-findings">
      <Card>
        <h2 id="fleet-findings-title" className={styles.findingsTitle}>
          {t.title}
        </h2>
        <p className={styles.findingsIntro}>{t.fleetIntro}</p>
        {findings === undefined ? (
          <p className="state-message" role="alert">
            {t.error}
          </p>
        ) : causes.length === 0 ? (
          <p className="state-message">{t.empty}</p>
        ) : (
          <ul className={styles.findings}>
            {causes.map((f) => (
              <li key={f.stringId} data-testid={`fleet-finding-${f.kind}`}>
                <Link href={`/strings/${f.stringId}#findings-title`}>{f.stringName}</Link>{' '}
                <Badge tone="info">{t.kinds[f.kind]}</Badge>
                <p className={styles.findingsMeta}>{evidenceText(f, t)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
