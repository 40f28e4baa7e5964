import { interpolate } from '../../../../i18n/dictionary';
import type { Dictionary } from '../../../../i18n/en';
import type { Locale } from '../../../../i18n/locale';
import { FALLBACK_TIME_ZONE, formatSiteDate, formatSiteTime } from '../../../../lib/format/site-time';
import type { UnitFormatter } from '../../../../lib/format/units';
import {
  type DateText,
  sohProjectionText,
  throughputProjectionText,
  type WarrantyStatus,
} from './projection-texts';
import { UsageBar } from './usage-bar';
import styles from './warranty.module.css';

type Texts = Dictionary['warranty']['string'];

/**
 * The page's two kinds of date, in the reader's language: a recorded calendar day (commissioning
 * and the term's end, entered as a UTC day) and an instant's day on the site's clock (projections).
 */
export interface WarrantyDates {
  recordedDay: DateText;
  siteDay: DateText;
}

export function warrantyDates(timeZone: string, locale: Locale): WarrantyDates {
  return {
    recordedDay: (iso) => formatSiteDate(iso, FALLBACK_TIME_ZONE, locale),
    siteDay: (iso) => formatSiteDate(iso, timeZone, locale),
  };
}

/** Commissioning, region, terms used and module serials. */
export function IdentitySection({ s, w, dates }: { s: WarrantyStatus; w: Texts; dates: WarrantyDates }) {
  const c = s.commissioning;
  return (
    <dl className={styles.facts} data-testid="warranty-identity">
      <dt>{w.commissioned}</dt>
      <dd data-testid="commissioned-at">{c ? dates.recordedDay(c.commissionedAt) : w.notCommissioned}</dd>
      {c ? (
        <>
          <dt>{w.commissionedBy}</dt>
          <dd>{c.commissionedBy}</dd>
          {c.notes ? (
            <>
              <dt>{w.installNotes}</dt>
              <dd>{c.notes}</dd>
            </>
          ) : null}
        </>
      ) : null}
      <dt>{w.region}</dt>
      <dd>{s.string.warrantyRegion ?? w.regionMissing}</dd>
      <dt>{w.termsUsed}</dt>
      <dd data-testid="terms-used">
        {s.terms ? (
          <>
            {interpolate(w.termsSummary, {
              product: `${s.terms.moduleType}${s.terms.bmsModel ? ` / ${s.terms.bmsModel}` : ''}`,
              region: s.terms.region,
              from: s.terms.validFrom,
              years: s.terms.termYears,
            })}
            <br />
            {interpolate(w.termsSource, { source: s.terms.source })}
          </>
        ) : (
          '—'
        )}
      </dd>
      <dt>{w.modules}</dt>
      <dd>
        {s.modules.length === 0 ? (
          w.modulesEmpty
        ) : (
          <ul className={styles.modules} data-testid="module-serials">
            {s.modules.map((m) => (
              <li key={m.position}>
                {interpolate(w.position, { n: m.position })}: {m.moduleType} · {m.serial ?? w.serialMissing}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

/** Time, throughput and SOH as gauges with their numbers. */
export function GaugesSection({
  s,
  w,
  f,
  dates,
}: {
  s: WarrantyStatus;
  w: Texts;
  f: UnitFormatter;
  dates: WarrantyDates;
}) {
  const kwh = (wh: number) => f.kilowattHours(wh / 1000);
  const tp = s.throughput;
  const soh = s.soh;
  const sohText = soh.latest
    ? soh.guaranteedAtLatestPct === null
      ? f.percent(soh.latest.sohPct)
      : interpolate(w.sohVsLine, {
          soh: f.percent(soh.latest.sohPct),
          line: f.percentTenths(soh.guaranteedAtLatestPct),
        })
    : w.sohNoData;
  return (
    <div className={styles.gauges}>
      <UsageBar
        label={w.time}
        testId="gauge-time"
        fraction={s.time?.fraction ?? null}
        text={
          s.time
            ? `${interpolate(w.timeUsed, {
                used: f.count(Math.floor(s.time.elapsedDays)),
                total: f.count(Math.round(s.time.elapsedDays + s.time.remainingDays)),
              })} · ${interpolate(w.termEnds, { date: dates.recordedDay(s.time.end) })}`
            : '—'
        }
      />
      <UsageBar
        label={w.throughput}
        testId="gauge-throughput"
        fraction={tp.fraction}
        text={
          tp.capWh === null
            ? interpolate(w.throughputNoCap, { used: kwh(tp.usedWh) })
            : interpolate(w.throughputUsed, { used: kwh(tp.usedWh), cap: kwh(tp.capWh) })
        }
      />
      <UsageBar
        label={w.soh}
        testId="gauge-soh"
        fraction={soh.latest ? soh.latest.sohPct / 100 : null}
        text={sohText}
      />
      {soh.marginPct === null ? null : (
        <p className={styles.note} data-testid="soh-margin">
          {interpolate(w.sohMargin, { margin: f.percentTenths(soh.marginPct) })}
        </p>
      )}
    </div>
  );
}

/** The date each limit is reached: term end (fixed), throughput cap and retained capacity (projected). */
export function ProjectionsSection({ s, w, dates }: { s: WarrantyStatus; w: Texts; dates: WarrantyDates }) {
  return (
    <dl className={styles.facts} data-testid="projections">
      <dt>{w.projectionTerm}</dt>
      <dd>{s.time ? dates.recordedDay(s.time.end) : w.notApplicable}</dd>
      <dt>{w.projectionThroughput}</dt>
      <dd data-testid="projection-throughput">
        {throughputProjectionText(s.throughput.projection, w, dates.siteDay)}
      </dd>
      <dt>{w.projectionSoh}</dt>
      <dd data-testid="projection-soh">{sohProjectionText(s.soh.projection, w, dates.siteDay)}</dd>
    </dl>
  );
}

/** When the status was computed, for the footer. */
export const computedAt = (s: WarrantyStatus, timeZone: string, locale: Locale) =>
  formatSiteTime(s.computedAt, timeZone, locale);
