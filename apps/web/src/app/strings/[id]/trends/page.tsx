import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getI18n } from '../../../../i18n/server';
import { compareCandidates } from '../../../../lib/charts/compare-candidates';
import { compareFromParam, rangeFromParams } from '../../../../lib/charts/range';
import { getSites } from '../../../sites/queries';
import { getStringDetail } from '../queries';
import styles from './trends.module.css';
import { TrendsView } from './trends-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.trends.pageTitle };
}

interface TrendsPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * A string's history: the range comes from the URL (`?range=30d`, `?from=…&to=…`, `&compare=…`),
 * so presets, the custom form and zooming are plain navigation and every view can be linked.
 * The charts load their data in the browser through `./data`.
 */
export default async function TrendsPage({ params, searchParams }: TrendsPageProps) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [{ t }, detail, sites] = await Promise.all([getI18n(), getStringDetail(id), getSites()]);
  if (!detail) {
    notFound();
  }
  // Times of the form and the charts are on the site's clock.
  const timeZone = detail.site.timezone;
  const { choice, range } = rangeFromParams(query, Date.now(), timeZone);
  const candidates = compareCandidates(sites, { id: detail.id, siteId: detail.site.id });
  return (
    <main className={`page ${styles.trends}`}>
      <nav className={styles.breadcrumb} aria-label={t.trends.breadcrumb}>
        <Link href="/sites">{t.shell.sites}</Link> / <span>{detail.site.name}</span> /{' '}
        <Link href={`/strings/${detail.id}`}>{detail.name}</Link>
      </nav>
      <h1 className="page-title" data-testid="trends-title">
        {t.trends.title} · {detail.name}
      </h1>
      <TrendsView
        stringId={detail.id}
        stringName={detail.name}
        choice={choice}
        range={range}
        compare={compareFromParam(query.compare, detail.id)}
        candidates={candidates}
        timeZone={timeZone}
      />
    </main>
  );
}
