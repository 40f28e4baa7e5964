import { Card } from '@fleet/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '../../../i18n/server';
import { getMe } from '../../../lib/me';
import { getWeeklyPreview } from './queries';
import styles from './weekly.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.reports.weekly.pageTitle} · Fleet` };
}

/**
 * The weekly fleet report as its mail looks, in the reader's language (org admins only; others
 * get the not-found page, as by URL). The mail's HTML is shown in a sandboxed frame: its own
 * document (plain tables for mail clients), no scripts, no access to this page.
 */
export default async function WeeklyReportPage() {
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  if (me?.role !== 'org_admin') {
    notFound();
  }
  const w = t.reports.weekly;
  const html = await getWeeklyPreview(locale);
  return (
    <main className="page">
      <h1 className="page-title">{w.pageTitle}</h1>
      <p className="page-subtitle">{w.subtitle}</p>
      <p className="page-subtitle" data-testid="report-language">
        {w.language}
      </p>
      <Card>
        <iframe
          className={styles.frame}
          title={w.frameTitle}
          srcDoc={html}
          sandbox=""
          data-testid="report-preview"
        />
      </Card>
    </main>
  );
}
