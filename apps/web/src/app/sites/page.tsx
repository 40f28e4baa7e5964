import { Badge, Card, formatAge } from '@fleet/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { SiteSummary } from '../../lib/api/types';
import { getSites } from './queries';
import styles from './sites.module.css';

export const metadata: Metadata = { title: 'Sites · Fleet' };

export default async function SitesPage() {
  const sites = await getSites();
  const now = Date.now();
  return (
    <main className="page">
      <h1 className="page-title">Sites</h1>
      <p className="page-subtitle">
        {plural(sites.length, 'site')} ·{' '}
        {plural(
          sites.reduce((n, s) => n + s.strings.length, 0),
          'string',
        )}
      </p>
      {sites.length === 0 ? (
        <Card>
          <p className="state-message">
            No sites yet. Sites appear here once an installer has registered them.
          </p>
        </Card>
      ) : (
        <div className={styles.grid}>
          {sites.map((site) => (
            <SiteCard key={site.id} site={site} now={now} />
          ))}
        </div>
      )}
    </main>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function SiteCard({ site, now }: { site: SiteSummary; now: number }) {
  const count = site.strings.length;
  return (
    <Card title={site.name} aside={<Badge>{plural(count, 'string')}</Badge>}>
      <p className={styles.address}>{site.address ?? 'No address on record'}</p>
      {count === 0 ? (
        <p className={styles.empty}>No strings registered at this site.</p>
      ) : (
        <ul className={styles.strings} data-testid="site-strings">
          {site.strings.map((s) => (
            <li key={s.id}>
              <Link href={`/strings/${s.id}`} className={styles.stringLink} data-testid="string-link">
                <span className={styles.stringName}>{s.name}</span>
                <span className={styles.stringMeta}>
                  {s.moduleCount ? `${s.moduleCount} × ${s.moduleType}` : s.moduleType} · address{' '}
                  {s.bmsAddress}
                </span>
                <span className={styles.stringAge} title={s.lastSampleAt ?? undefined}>
                  {s.lastSampleAt ? `last sample ${formatAge(s.lastSampleAt, now)}` : 'no data yet'}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
