import { Card } from '@fleet/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '../../i18n/server';
import { getMe } from '../../lib/me';
import { formValuesOf, getTerms } from './queries';
import styles from './terms.module.css';
import { TermsForm } from './terms-form';
import { TermsTable } from './terms-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.warranty.terms.pageTitle} · Fleet` };
}

interface TermsPageProps {
  searchParams: Promise<{ edit?: string; saved?: string; deleted?: string }>;
}

/** Warranty terms of the organisation (org admins only; others get the not-found page, as by URL). */
export default async function WarrantyTermsPage({ searchParams }: TermsPageProps) {
  const [{ t, locale }, me, query] = await Promise.all([getI18n(), getMe(), searchParams]);
  if (me?.role !== 'org_admin') {
    notFound();
  }
  const w = t.warranty.terms;
  const items = await getTerms();
  const editing = items.find((x) => x.id === query.edit);
  const notice = query.saved ? w.saved : query.deleted ? w.deleted : null;
  return (
    <main className="page">
      <h1 className="page-title">{w.pageTitle}</h1>
      <p className="page-subtitle">{w.subtitle}</p>
      <div className={styles.layout}>
        {notice ? (
          <p role="status" className={styles.notice} data-testid="terms-notice">
            {notice}
          </p>
        ) : null}
        <Card>
          {items.length === 0 ? (
            <p className="state-message" data-testid="terms-empty">
              {w.empty}
            </p>
          ) : (
            <TermsTable items={items} t={t} locale={locale} />
          )}
        </Card>
        <Card>
          <TermsForm
            key={editing?.id ?? 'new'}
            id={editing?.id}
            initial={editing ? formValuesOf(editing) : { moduleType: 'H48050' }}
          />
        </Card>
      </div>
    </main>
  );
}
