import { Card } from '@fleet/ui';
import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { AlarmDetail } from '../../../lib/api/types';
import styles from './alarm.module.css';

/**
 * The catalogue's plain-language meaning, likely causes and first steps, in the page's language:
 * the detail query sends the locale as Accept-Language and the API answers in it, so the texts
 * inherit the page's `lang`.
 */
export function CatalogueCard({ catalogue, t }: { catalogue: AlarmDetail['catalogue']; t: Dictionary }) {
  if (!catalogue) {
    return (
      <Card title={t.alarm.meaning}>
        <p className={styles.muted} data-testid="catalogue-none">
          {t.alarm.noCatalogue}
        </p>
      </Card>
    );
  }
  return (
    <Card title={t.alarm.meaning}>
      <div data-testid="catalogue">
        <p data-testid="catalogue-meaning">{catalogue.meaning}</p>
        <h3 className={styles.subheading}>{t.alarm.causes}</h3>
        <ul data-testid="catalogue-causes">
          {catalogue.causes.map((cause) => (
            <li key={cause}>{cause}</li>
          ))}
        </ul>
        <h3 className={styles.subheading}>{t.alarm.firstSteps}</h3>
        <ol data-testid="catalogue-steps">
          {catalogue.firstSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </div>
      <p className={styles.source}>
        {interpolate(t.alarm.catalogueSource, {
          reference: catalogue.reference,
          confidence:
            (t.alarm.confidence as Record<string, string>)[catalogue.confidence] ?? catalogue.confidence,
        })}
      </p>
    </Card>
  );
}
