import Link from 'next/link';
import { interpolate } from '../../../../i18n/dictionary';
import type { Dictionary } from '../../../../i18n/en';
import type { Locale } from '../../../../i18n/locale';
import { formatSiteTime } from '../../../../lib/format/site-time';
import { MISSING, type UnitFormatter } from '../../../../lib/format/units';
import type { WarrantyStatus } from './projection-texts';
import styles from './warranty.module.css';

type Excursion = WarrantyStatus['excursions']['items'][number];

function valueText(v: number | null, unit: Excursion['unit'], f: UnitFormatter): string {
  if (v === null || unit === null) {
    return MISSING;
  }
  if (unit === 'dC') {
    return f.celsiusDc(v);
  }
  // A magnitude (either direction), so no sign.
  return unit === 'mV' ? f.millivolts(v) : f.amps(Math.abs(v)).replace('+', '');
}

interface ExcursionsProps {
  excursions: WarrantyStatus['excursions'];
  hasTerms: boolean;
  stringId: string;
  t: Dictionary['warranty']['string'];
  f: UnitFormatter;
  /** The site's IANA zone: start and end on the site's clock. */
  timeZone: string;
  locale: Locale;
}

/** Every period outside the operating limits, newest first, a page at a time. */
export function ExcursionsTable({ excursions, hasTerms, stringId, t, f, timeZone, locale }: ExcursionsProps) {
  const at = (ts: string) => formatSiteTime(ts, timeZone, locale);
  const { items, total, offset, limit } = excursions;
  const page = (o: number) => `/strings/${stringId}/warranty?excursions=${o}#excursions`;
  return (
    <>
      {hasTerms ? null : <p className={styles.note}>{t.excursionsNoTerms}</p>}
      {items.length === 0 ? (
        <p className="state-message" data-testid="excursions-empty">
          {t.excursionsEmpty}
        </p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="excursions">
            <caption>{interpolate(t.excursionsCount, { shown: items.length, total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.start}</th>
                <th scope="col">{t.end}</th>
                <th scope="col">{t.worst}</th>
                <th scope="col">{t.limit}</th>
                <th scope="col">{t.sourceCol}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr
                  key={`${e.kind}-${e.start}-${e.code ?? ''}`}
                  data-testid="excursion-row"
                  data-kind={e.kind}
                >
                  <td>{e.title ? `${t.kinds[e.kind]}: ${e.title}` : t.kinds[e.kind]}</td>
                  <td>{at(e.start)}</td>
                  <td>{e.end ? at(e.end) : t.ongoing}</td>
                  <td data-testid="excursion-worst">{valueText(e.worst, e.unit, f)}</td>
                  <td>{valueText(e.limit, e.unit, f)}</td>
                  <td>{t.sources[e.source]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={styles.pager}>
        {offset > 0 ? <Link href={page(Math.max(offset - limit, 0))}>{t.previous}</Link> : null}
        {offset + limit < total ? <Link href={page(offset + limit)}>{t.next}</Link> : null}
      </div>
    </>
  );
}
