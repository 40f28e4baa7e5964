import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { interpolate } from '../../../../i18n/dictionary';
import { getI18n } from '../../../../i18n/server';
import { getStringDetail } from '../queries';
import styles from './evidence.module.css';
import { EvidencePanel } from './evidence-panel';
import { defaultPeriod } from './parse-period';
import { getEvidencePacks } from './queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.evidence.link} · Fleet` };
}

interface EvidencePageProps {
  params: Promise<{ id: string }>;
}

/** A string's evidence packs: ask for one over a period, watch it being made, download PDF and ZIP. */
export default async function EvidencePage({ params }: EvidencePageProps) {
  const { id } = await params;
  const [{ t }, detail, packs] = await Promise.all([getI18n(), getStringDetail(id), getEvidencePacks(id)]);
  if (!detail || !packs) {
    notFound();
  }
  return (
    <main className="page">
      <nav className={styles.breadcrumb} aria-label={t.evidence.breadcrumb}>
        <Link href="/sites">{t.shell.sites}</Link> / <span>{detail.site.name}</span> /{' '}
        <Link href={`/strings/${detail.id}`}>{detail.name}</Link>
      </nav>
      <h1 className="page-title">{interpolate(t.evidence.pageTitle, { name: detail.name })}</h1>
      <p className={styles.intro}>{t.evidence.intro}</p>
      <EvidencePanel
        stringId={detail.id}
        initial={packs}
        defaults={defaultPeriod(Date.now())}
        timeZone={detail.site.timezone}
      />
    </main>
  );
}
