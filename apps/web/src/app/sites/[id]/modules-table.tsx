import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { UnitFormatter } from '../../../lib/format/units';
import type { ModuleRow } from './module-rows';
import styles from './site.module.css';

/** The string's modules by rack position, with voltage and hottest sensor where the snapshot has them. */
export function ModulesTable(props: {
  rows: ModuleRow[];
  stringName: string;
  t: Dictionary;
  u: UnitFormatter;
}) {
  const { rows, stringName, t, u } = props;
  const m = t.site.modules;
  if (rows.length === 0) {
    return <p className="state-message">{m.none}</p>;
  }
  return (
    // A named, focusable region: where the table is wider than a phone, the keyboard can scroll it.
    <section
      className={styles.tableScroll}
      aria-label={interpolate(m.caption, { name: stringName })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs a focus stop (WCAG 2.1.1)
      tabIndex={0}
    >
      <table className={styles.dataTable} data-testid="modules-table">
        <caption className="visually-hidden">{interpolate(m.caption, { name: stringName })}</caption>
        <thead>
          <tr>
            <th scope="col">{m.position}</th>
            <th scope="col">{m.serial}</th>
            <th scope="col">{m.type}</th>
            <th scope="col">{m.voltage}</th>
            <th scope="col">{m.maxTemp}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.removed ? styles.removed : undefined} data-testid="module-row">
              <th scope="row">
                {r.position}
                {r.removed ? <span className={styles.muted}> ({m.removed})</span> : null}
              </th>
              <td>{r.serial ?? <span className={styles.muted}>{m.unknownSerial}</span>}</td>
              <td>{r.moduleType}</td>
              <td>{u.volts(r.voltageMv === null ? null : r.voltageMv / 1000)}</td>
              <td>{u.celsiusDc(r.maxTempDc)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
