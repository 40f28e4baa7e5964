import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { UnitFormatter } from '../../../lib/format/units';
import { energyChart } from './energy-bars';
import styles from './site.module.css';
import type { SiteEnergy } from './site-types';

interface EnergyFlowProps {
  siteId: string;
  energy: SiteEnergy | null;
  /** The day asked for (the form's value), or the API's answer of "today". */
  date: string | undefined;
  t: Dictionary;
  u: UnitFormatter;
}

/**
 * Charged and discharged energy per hour of the site's local day: an SVG bar chart (drawn for the
 * eye; a visually hidden table carries the same numbers for screen readers), the totals, and a GET
 * form to pick the day, which works without script.
 */
export function EnergyFlow({ siteId, energy, date, t, u }: EnergyFlowProps) {
  const e = t.site.energy;
  return (
    <section className="fleet-card" aria-labelledby="energy-title" data-testid="energy-flow">
      <header className={styles.cardHeader}>
        <h2 id="energy-title" className="fleet-card__title">
          {e.title}
        </h2>
        <form method="get" action={`/sites/${siteId}`} className={styles.dayForm}>
          <label htmlFor="energy-day">{e.day}</label>
          <input id="energy-day" type="date" name="date" defaultValue={energy?.date ?? date} required />
          <button type="submit" className="fleet-button">
            {e.show}
          </button>
        </form>
      </header>
      {energy ? <EnergyBody energy={energy} t={t} u={u} /> : <p className="state-message">{e.unavailable}</p>}
    </section>
  );
}

function EnergyBody({ energy, t, u }: { energy: SiteEnergy; t: Dictionary; u: UnitFormatter }) {
  const e = t.site.energy;
  const chart = energyChart(energy);
  const caption = interpolate(e.chart, { date: energy.date, tz: energy.timezone });
  const empty = energy.hours.every((h) => h.inKwh === 0 && h.outKwh === 0);
  return (
    <>
      <p className={styles.totals} data-testid="energy-totals">
        <span>
          <span className={styles.swatchIn} aria-hidden="true" /> {e.charged}{' '}
          <strong>{u.kilowattHours(energy.totalInKwh)}</strong>
        </span>
        <span>
          <span className={styles.swatchOut} aria-hidden="true" /> {e.discharged}{' '}
          <strong>{u.kilowattHours(energy.totalOutKwh)}</strong>
        </span>
      </p>
      {empty ? <p className={styles.muted}>{e.empty}</p> : null}
      <div className={styles.chartScroll}>
        <svg
          viewBox={`0 0 ${chart.width} ${chart.height + 16}`}
          className={styles.energyChart}
          role="img"
          aria-label={caption}
        >
          <line x1={0} x2={chart.width} y1={chart.zeroY} y2={chart.zeroY} className={styles.zeroLine} />
          {chart.bars.map((b, i) => (
            <g key={b.key}>
              <title>{`${b.localTime}: ${e.charged} ${u.kilowattHours(energy.hours[i]?.inKwh)}, ${e.discharged} ${u.kilowattHours(energy.hours[i]?.outKwh)}${b.noData ? ` (${e.noData})` : ''}`}</title>
              {b.noData ? (
                <rect
                  x={b.x}
                  y={chart.zeroY - 1}
                  width={chart.barWidth}
                  height={2}
                  className={styles.noDataBar}
                />
              ) : null}
              <rect x={b.x} y={b.inY} width={chart.barWidth} height={b.inHeight} className={styles.barIn} />
              <rect
                x={b.x}
                y={chart.zeroY}
                width={chart.barWidth}
                height={b.outHeight}
                className={styles.barOut}
              />
              {i % 3 === 0 ? (
                <text x={b.x} y={chart.height + 12} className={styles.axisText}>
                  {b.localTime}
                </text>
              ) : null}
            </g>
          ))}
        </svg>
      </div>
      {/* Hidden in a 1 px box that clips it: a table is never narrower than its content, so the class
          on the table itself would leave a wide invisible box that scrolls a phone's page sideways. */}
      <div className="visually-hidden">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{e.hour}</th>
              <th scope="col">{e.charged}</th>
              <th scope="col">{e.discharged}</th>
            </tr>
          </thead>
          <tbody>
            {energy.hours.map((h) => (
              <tr key={h.start}>
                <th scope="row">{h.localTime}</th>
                <td>{h.strings === 0 ? e.noData : u.kilowattHours(h.inKwh)}</td>
                <td>{h.strings === 0 ? e.noData : u.kilowattHours(h.outKwh)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
