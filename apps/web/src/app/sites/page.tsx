import { Card } from '@fleet/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { interpolate } from '../../i18n/dictionary';
import { getI18n } from '../../i18n/server';
import { getMe } from '../../lib/me';
import { counted } from './counted';
import { getSitePage, siteSearch } from './queries';
import { SiteList } from './site-list';
import styles from './sites.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.sites.title} · Fleet` };
}

interface SitesPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The caller's sites by name, 50 at a time, searchable by name or address (`?q=`, a GET form). */
export default async function SitesPage({ searchParams }: SitesPageProps) {
  const q = siteSearch((await searchParams).q);
  const [{ t }, me, page] = await Promise.all([getI18n(), getMe(), getSitePage(q)]);
  const now = Date.now();
  const strings = page.items.reduce((n, s) => n + s.strings.length, 0);
  return (
    <main className="page">
      <h1 className="page-title">{me?.role === 'owner' ? t.sites.mySystemTitle : t.sites.title}</h1>
      {q === undefined && page.nextCursor === null ? (
        <p className="page-subtitle">
          {counted(page.items.length, t.sites.siteCountOne, t.sites.siteCount)} ·{' '}
          {counted(strings, t.sites.stringCountOne, t.sites.stringCount)}
        </p>
      ) : null}
      <form method="get" action="/sites" className={styles.search} aria-label={t.sites.search}>
        <label>
          <span>{t.sites.searchLabel}</span>
          <input type="search" name="q" defaultValue={q ?? ''} maxLength={200} data-testid="sites-search" />
        </label>
        <button type="submit" className="fleet-button fleet-button--primary">
          {t.sites.searchButton}
        </button>
        {q !== undefined ? (
          <Link href="/sites" className="fleet-button">
            {t.sites.clearSearch}
          </Link>
        ) : null}
      </form>
      {page.items.length === 0 ? (
        <Card>
          <p className="state-message" data-testid="sites-empty">
            {q === undefined ? t.sites.empty : interpolate(t.sites.noMatch, { q })}
          </p>
        </Card>
      ) : (
        <SiteList key={q ?? ''} initial={page} q={q} now={now} t={t} />
      )}
    </main>
  );
}
