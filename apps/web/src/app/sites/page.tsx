import { Badge, Card } from '@fleet/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import { getI18n } from '../../i18n/server';
import type { SiteSummary } from '../../lib/api/types';
import { formatAge } from '../../lib/format/units';
import { getMe } from '../../lib/me';
import { getSites } from './queries';
import styles from './sites.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.sites.title} · Fleet` };
}

function counted(n: number, one: string, many: string): string {
  return n === 1 ? one : interpolate(many, { n });
}

export default async function SitesPage() {
  const [{ t }, me, sites] = await Promise.all([getI18n(), getMe(), getSites()]);
  const now = Date.now();
  const strings = sites.reduce((n, s) => n + s.strings.length, 0);
  return (
    <main className="page">
      <h1 className="page-title">{me?.role === 'owner' ? t.sites.mySystemTitle : t.sites.title}</h1>
      <p className="page-subtitle">
        {counted(sites.length, t.sites.siteCountOne, t.sites.siteCount)} ·{' '}
        {counted(strings, t.sites.stringCountOne, t.sites.stringCount)}
      </p>
      {sites.length === 0 ? (
        <Card>
          <p className="state-message">{t.sites.empty}</p>
        </Card>
      ) : (
        <div className={styles.grid}>
          {sites.map((site) => (
            <SiteCard key={site.id} site={site} now={now} t={t} />
          ))}
        </div>
      )}
    </main>
  );
}

function SiteCard({ site, now, t }: { site: SiteSummary; now: number; t: Dictionary }) {
  const count = site.strings.length;
  return (
    <Card
      title={
        <Link href={`/sites/${site.id}`} data-testid="site-link">
          {site.name}
        </Link>
      }
      aside={<Badge>{counted(count, t.sites.stringCountOne, t.sites.stringCount)}</Badge>}
    >
      <p className={styles.address}>{site.address ?? t.sites.noAddress}</p>
      {count === 0 ? (
        <p className={styles.empty}>{t.sites.noStrings}</p>
      ) : (
        <ul className={styles.strings} data-testid="site-strings">
          {site.strings.map((s) => (
            <li key={s.id}>
              <Link href={`/strings/${s.id}`} className={styles.stringLink} data-testid="string-link">
                <span className={styles.stringName}>{s.name}</span>
                <span className={styles.stringMeta}>
                  {s.moduleCount ? `${s.moduleCount} × ${s.moduleType}` : s.moduleType} · {t.sites.address}{' '}
                  {s.bmsAddress}
                </span>
                <span className={styles.stringAge} title={s.lastSampleAt ?? undefined}>
                  {s.lastSampleAt
                    ? interpolate(t.sites.lastSample, { age: formatAge(s.lastSampleAt, now, t) })
                    : t.sites.noDataYet}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
