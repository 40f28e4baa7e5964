import { Card } from '@fleet/ui';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import { createUnitFormatter } from '../../lib/format/units';
import { type OwnerWarranty, warrantySentences } from '../../lib/owner/warranty-view';
import styles from './my-system.module.css';
import type { WarrantyResult } from './queries';

export interface StringWarranty {
  name: string;
  result: WarrantyResult;
}

/** Warranty status per shown string: plain sentences and two bars, or "not set up yet". */
export function WarrantySection({
  items,
  t,
  locale,
}: {
  items: StringWarranty[];
  t: Dictionary;
  locale: Locale;
}) {
  return (
    <Card title={t.owner.warranty.title} className={styles.section}>
      {items.map((item) => (
        <div key={item.name} className={styles.warrantyItem} data-testid="warranty-item">
          {items.length > 1 ? <h3 className={styles.subTitle}>{item.name}</h3> : null}
          <WarrantyBody result={item.result} t={t} locale={locale} />
        </div>
      ))}
    </Card>
  );
}

function WarrantyBody({ result, t, locale }: { result: WarrantyResult; t: Dictionary; locale: Locale }) {
  if (result.kind === 'failed') {
    return (
      <p className="state-message" role="alert" data-testid="warranty-error">
        {t.owner.warranty.failed}
      </p>
    );
  }
  if (result.kind === 'not-set-up') {
    return (
      <p className="state-message" data-testid="warranty-not-set-up">
        {t.owner.warranty.notSetUp}
      </p>
    );
  }
  return <WarrantyShown warranty={result.warranty} t={t} locale={locale} />;
}

function WarrantyShown({ warranty, t, locale }: { warranty: OwnerWarranty; t: Dictionary; locale: Locale }) {
  const units = createUnitFormatter(locale);
  return (
    <>
      {warranty.time ? (
        <Bar
          label={t.owner.warranty.timeBar}
          fraction={warranty.time.fraction}
          text={units.percent(warranty.time.fraction * 100)}
        />
      ) : null}
      {warranty.throughput.fraction !== null ? (
        <Bar
          label={t.owner.warranty.throughputBar}
          fraction={warranty.throughput.fraction}
          text={units.percent(warranty.throughput.fraction * 100)}
        />
      ) : null}
      <ul className={styles.sentences} data-testid="warranty-text">
        {warrantySentences(warranty, t, units).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </>
  );
}

/** A labelled share of a limit; a native meter, so assistive technology reads it as such. */
function Bar({ label, fraction, text }: { label: string; fraction: number; text: string }) {
  return (
    <div className={styles.bar}>
      <span className={styles.barLabel}>
        {label}: {text}
      </span>
      <meter
        min={0}
        max={1}
        low={0.8}
        high={0.95}
        optimum={0}
        value={Math.min(1, Math.max(0, fraction))}
        aria-label={label}
      >
        {text}
      </meter>
    </div>
  );
}
