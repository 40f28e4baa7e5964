import { Card } from '@fleet/ui';
import Link from 'next/link';
import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import { createUnitFormatter } from '../../lib/format/units';
import {
  HISTORY_RANGES,
  type HistoryDay,
  type HistoryRange,
  historyTotals,
} from '../../lib/owner/daily-history';
import { formatDate } from '../../lib/owner/local-time';
import { HistoryChart } from './history-chart';
import styles from './my-system.module.css';

interface HistorySectionProps {
  days: HistoryDay[] | null;
  range: HistoryRange;
  /** The page's query without `days`, so the range links keep the selection. */
  query: string;
  t: Dictionary;
  locale: Locale;
}

/** History: energy in and out per day with the SOC range, 7 or 30 days, chart plus table. */
export function HistorySection({ days, range, query, t, locale }: HistorySectionProps) {
  const words = t.owner.history;
  const rangeName = range === 30 ? words.days30 : words.days7;
  return (
    <Card title={words.title} className={styles.section}>
      <nav className={styles.chips} aria-label={words.range}>
        {HISTORY_RANGES.map((n) => (
          <Link
            key={n}
            href={`/my-system?${query}${query ? '&' : ''}days=${n}`}
            className={styles.chip}
            aria-current={n === range ? 'true' : undefined}
            data-testid={`history-${n}`}
            scroll={false}
          >
            {n === 30 ? words.days30 : words.days7}
          </Link>
        ))}
      </nav>
      {days === null ? (
        <p className="state-message" role="alert" data-testid="history-error">
          {words.failed}
        </p>
      ) : days.every((d) => d.inWh === null) ? (
        <p className="state-message" data-testid="history-empty">
          {words.empty}
        </p>
      ) : (
        <HistoryBody
          days={days}
          label={interpolate(words.chartLabel, { range: rangeName })}
          t={t}
          locale={locale}
        />
      )}
    </Card>
  );
}

function HistoryBody({
  days,
  label,
  t,
  locale,
}: {
  days: HistoryDay[];
  label: string;
  t: Dictionary;
  locale: Locale;
}) {
  const words = t.owner.history;
  const units = createUnitFormatter(locale);
  const totals = historyTotals(days);
  const kwh = (wh: number | null) => units.kilowattHours(wh === null ? null : wh / 1000);
  return (
    <>
      <HistoryChart days={days} label={label} />
      <p className={styles.legend}>
        <span className={styles.legendIn}>{words.charged}</span>
        <span className={styles.legendOut}>{words.discharged}</span>
        <span className={styles.legendSoc}>{words.socRange}</span>
      </p>
      <p data-testid="history-totals">
        {interpolate(words.totals, { in: kwh(totals.inWh), out: kwh(totals.outWh) })}
      </p>
      <details className={styles.details}>
        <summary>{words.showTable}</summary>
        <table className={styles.table} data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">{words.day}</th>
              <th scope="col">{words.charged}</th>
              <th scope="col">{words.discharged}</th>
              <th scope="col">{words.socRange}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatDate(d.day, locale)}</th>
                <td>{kwh(d.inWh)}</td>
                <td>{kwh(d.outWh)}</td>
                <td>
                  {d.socMinPct === null
                    ? units.percent(null)
                    : interpolate(words.socRangeValue, {
                        min: units.percent(d.socMinPct),
                        max: units.percent(d.socMaxPct),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
