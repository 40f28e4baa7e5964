import { Badge } from '@fleet/ui';
import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { Locale } from '../../../i18n/locale';
import { getMe } from '../../../lib/me';
import styles from './topology.module.css';
import { TopologyForm, type TopologyFormRow } from './topology-form';
import { getTopology } from './topology-queries';
import { firmwareText, formatAt, mismatchText, placeText, samePlace } from './topology-text';
import type { SiteTopology } from './topology-types';

interface SectionProps {
  siteId: string;
  t: Dictionary;
  locale: Locale;
  /** The site's IANA zone, for the report and confirmation times. */
  timeZone: string;
}

/** What the site's gateways found, the confirmed installation, the mismatches, and the confirm form. */
export async function TopologySection({ siteId, t, locale, timeZone }: SectionProps) {
  const tt = t.topology;
  const [result, me] = await Promise.all([getTopology(siteId), getMe()]);
  const canConfirm = me?.role === 'org_admin' || me?.role === 'installer';
  return (
    <section
      className={`fleet-card ${styles.section}`}
      aria-labelledby="topology-title"
      data-testid="topology"
    >
      <h2 id="topology-title" className={styles.title}>
        {tt.title}
      </h2>
      <p className={styles.muted}>{tt.intro}</p>
      {result.ok ? (
        <TopologyBody
          topology={result.data}
          t={tt}
          locale={locale}
          timeZone={timeZone}
          canConfirm={canConfirm}
        />
      ) : (
        <p role="alert" className="state-message">
          {interpolate(tt.error, { message: result.message })}
        </p>
      )}
    </section>
  );
}

/** Suspense fallback while the section loads. */
export function TopologyLoading({ t }: { t: Dictionary }) {
  return (
    <section className={`fleet-card ${styles.section}`} aria-busy="true">
      <h2 className={styles.title}>{t.topology.title}</h2>
      <p className="state-message">{t.topology.loading}</p>
    </section>
  );
}

interface BodyProps {
  topology: SiteTopology;
  t: Dictionary['topology'];
  locale: Locale;
  timeZone: string;
  canConfirm: boolean;
}

function TopologyBody({ topology, t, locale, timeZone, canConfirm }: BodyProps) {
  const { reports, found, confirmation, mismatches } = topology;
  const at = (iso: string) => formatAt(iso, locale, timeZone);
  const rows = formRows(topology, t);
  return (
    <>
      {reports.length === 0 ? (
        <p className="state-message">{t.empty}</p>
      ) : (
        <ul className={styles.reports}>
          {reports.map((r) => (
            <li key={`${r.gatewayId}|${r.bus}`}>
              {interpolate(t.reported, { gateway: r.gatewayId, bus: r.bus, at: at(r.reportedAt) })}
            </li>
          ))}
        </ul>
      )}
      {found.length > 0 ? <FoundTable topology={topology} t={t} /> : null}
      <p data-testid="topology-confirmation">
        {confirmation
          ? interpolate(t.confirmedBy, {
              name: confirmation.confirmedByName ?? confirmation.confirmedBy,
              at: at(confirmation.confirmedAt),
            })
          : t.notConfirmed}
      </p>
      <MismatchList mismatches={mismatches} confirmed={confirmation !== null} t={t} />
      {/* Nothing found and nothing confirmed: nothing to confirm yet. */}
      {canConfirm && rows.length > 0 ? <TopologyForm siteId={topology.siteId} rows={rows} /> : null}
    </>
  );
}

/** Before a confirmation only duplicated addresses can show; without any, the list is left out. */
function MismatchList({
  mismatches,
  confirmed,
  t,
}: {
  mismatches: SiteTopology['mismatches'];
  confirmed: boolean;
  t: Dictionary['topology'];
}) {
  if (mismatches.length === 0 && !confirmed) {
    return null;
  }
  return (
    <>
      <h3 className={styles.subtitle}>{t.mismatches}</h3>
      {mismatches.length === 0 ? (
        <p className={styles.muted} data-testid="topology-no-mismatches">
          {t.noMismatches}
        </p>
      ) : (
        <ul className={styles.mismatches} data-testid="topology-mismatches">
          {mismatches.map((m) => (
            <li key={`${m.kind}|${placeText(t, m.place)}`} data-kind={m.kind}>
              <Badge tone={m.kind === 'unexpected-string' ? 'warning' : 'danger'}>{t.kinds[m.kind]}</Badge>{' '}
              {mismatchText(t, m)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FoundTable({ topology, t }: { topology: SiteTopology; t: Dictionary['topology'] }) {
  const { found, confirmation, mismatches } = topology;
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid="topology-found">
        <caption className={styles.caption}>{t.found}</caption>
        <thead>
          <tr>
            <th scope="col">{t.place}</th>
            <th scope="col">{t.address}</th>
            <th scope="col">{t.string}</th>
            <th scope="col">{t.modules}</th>
            <th scope="col">{t.serial}</th>
            <th scope="col">{t.firmware}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {found.map((f, i) => {
            const own = mismatches.filter((m) => m.kind !== 'expected-absent' && samePlace(m.place, f));
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a duplicated address shows the same place twice
              <tr key={i}>
                <td>
                  {f.gatewayId} · {f.bus}
                </td>
                <td>{f.bmsAddress}</td>
                <td>
                  {f.stringId ? (
                    <a href={`/strings/${f.stringId}`}>{f.name}</a>
                  ) : (
                    <span className={styles.muted}>{t.notRegistered}</span>
                  )}
                </td>
                <td>{f.moduleCount ?? '—'}</td>
                <td className={styles.mono}>
                  {f.bmsSerial ?? <span className={styles.muted}>{t.noSerial}</span>}
                </td>
                <td>{firmwareText(t, f) ?? '—'}</td>
                <td>
                  {own.length > 0 ? (
                    own.map((m) => (
                      <Badge key={m.kind} tone="danger">
                        {t.kinds[m.kind]}
                      </Badge>
                    ))
                  ) : (
                    <Badge tone={confirmation ? 'success' : 'neutral'}>
                      {confirmation ? t.ok : t.unconfirmed}
                    </Badge>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The form's rows: every string found, then every confirmed string that was not found. */
function formRows(topology: SiteTopology, t: Dictionary['topology']): TopologyFormRow[] {
  const confirmed = topology.confirmation?.strings ?? [];
  const rows: TopologyFormRow[] = topology.found.map((f, i) => {
    const c = confirmed.find((e) => samePlace(e, f));
    return {
      key: `found-${i}`,
      place: { gatewayId: f.gatewayId, bus: f.bus, bmsAddress: f.bmsAddress },
      label: placeText(t, f),
      serial: f.bmsSerial ?? c?.bmsSerial ?? '',
      modules: String(c?.moduleCount ?? f.moduleCount ?? ''),
    };
  });
  for (const c of confirmed) {
    if (!rows.some((r) => samePlace(r.place, c))) {
      rows.push({
        key: `confirmed-${rows.length}`,
        place: { gatewayId: c.gatewayId, bus: c.bus, bmsAddress: c.bmsAddress },
        label: placeText(t, c),
        serial: c.bmsSerial ?? '',
        modules: String(c.moduleCount),
      });
    }
  }
  return rows;
}
