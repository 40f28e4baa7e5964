import Link from 'next/link';
import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { Locale } from '../../../i18n/locale';
import { formatSiteTime } from '../../../lib/format/site-time';
import { formatAge } from '../../../lib/format/units';
import styles from './site.module.css';
import type { SiteDetail } from './site-types';

interface SiteHeaderProps {
  site: SiteDetail;
  now: number;
  t: Dictionary;
  locale: Locale;
  /** Installers and org admins may claim gateways onto the site (issue 10). */
  canClaim?: boolean;
}

/** Name, address, time zone and the gateways with when each was last heard from. */
export function SiteHeader({ site, now, t, locale, canClaim = false }: SiteHeaderProps) {
  const s = t.site;
  return (
    <header className={styles.header}>
      <div>
        <h1 className="page-title" data-testid="site-name">
          {site.name}
        </h1>
        <p className="page-subtitle">
          {site.address ?? s.noAddress} · {interpolate(s.timezone, { tz: site.timezone })}
        </p>
      </div>
      <section className={styles.gateways} aria-labelledby="gateways-title">
        <h2 id="gateways-title" className={styles.smallTitle}>
          {s.gateways}
        </h2>
        {site.gateways.length === 0 ? (
          <p className={styles.muted}>{s.noGateways}</p>
        ) : (
          <ul>
            {site.gateways.map((g) => (
              <li key={g.id} data-testid="gateway">
                <span className={styles.mono}>{g.id}</span> {g.name !== g.id ? g.name : null} ·{' '}
                {g.lastSeenAt ? (
                  <time dateTime={g.lastSeenAt} data-testid="gateway-last-seen">
                    {interpolate(s.lastSeenAt, {
                      time: formatSiteTime(g.lastSeenAt, site.timezone, locale),
                      age: formatAge(g.lastSeenAt, now, t),
                    })}
                  </time>
                ) : (
                  <span>{s.neverSeen}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {canClaim ? (
          <Link href={`/sites/${site.id}/claim`} data-testid="claim-link">
            {t.claim.link}
          </Link>
        ) : null}
      </section>
    </header>
  );
}
