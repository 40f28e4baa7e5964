import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import { createUnitFormatter, MISSING } from '../../lib/format/units';
import { deleteTerms } from './actions';
import type { WarrantyTerms } from './queries';
import styles from './terms.module.css';

/** The entered terms, one row each, with edit and delete. */
export function TermsTable({ items, t, locale }: { items: WarrantyTerms[]; t: Dictionary; locale: Locale }) {
  const w = t.warranty.terms;
  const f = createUnitFormatter(locale);
  const range = (lo: string, hi: string) => `${lo} … ${hi}`;
  // A ratio, not a quantity with a unit: the locale's decimal sign, up to three decimals.
  const ratio = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid="terms-table">
        <caption className="visually-hidden">{w.list}</caption>
        <thead>
          <tr>
            <th scope="col">{w.product}</th>
            <th scope="col">{w.region}</th>
            <th scope="col">{w.term}</th>
            <th scope="col">{w.throughput}</th>
            <th scope="col">{w.retained}</th>
            <th scope="col">{w.limits}</th>
            <th scope="col">{w.validFrom}</th>
            <th scope="col">{w.source}</th>
            <th scope="col">{w.actions}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id} data-testid="terms-row">
              <td>
                {x.moduleType} · {x.bmsModel ?? w.anyBms}
              </td>
              <td>{x.region}</td>
              <td>{interpolate(w.years, { n: x.termYears })}</td>
              <td>
                {x.throughputMwhPerKwh === null
                  ? w.none
                  : interpolate(w.perKwh, { n: ratio.format(x.throughputMwhPerKwh) })}
              </td>
              <td>{x.retainedCapacityPct === null ? w.none : f.percent(x.retainedCapacityPct)}</td>
              <td>
                {range(f.celsiusDc(x.cellTempMinDc), f.celsiusDc(x.cellTempMaxDc))}
                <br />
                {range(f.millivolts(x.cellVoltageMinMv), f.millivolts(x.cellVoltageMaxMv))}
                {x.maxCurrentA !== null || x.maxCRate !== null ? (
                  <>
                    <br />
                    {x.maxCurrentA !== null ? f.amps(x.maxCurrentA).replace('+', '') : MISSING}
                    {x.maxCRate !== null ? ` · ${x.maxCRate} C` : ''}
                  </>
                ) : null}
              </td>
              <td>{x.validFrom}</td>
              <td>{x.source}</td>
              <td>
                <div className={styles.rowActions}>
                  <a href={`/warranty-terms?edit=${x.id}`} data-testid="terms-edit">
                    {w.edit}
                  </a>
                  <form action={deleteTerms.bind(null, x.id)}>
                    <button
                      type="submit"
                      className="fleet-button"
                      aria-label={interpolate(w.deleteLabel, { product: x.moduleType, region: x.region })}
                      data-testid="terms-delete"
                    >
                      {w.delete}
                    </button>
                  </form>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
