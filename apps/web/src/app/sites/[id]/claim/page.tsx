import { Card } from '@fleet/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getI18n } from '../../../../i18n/server';
import { getMe } from '../../../../lib/me';
import { ClaimForm } from './claim-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.claim.pageTitle} · Fleet` };
}

interface ClaimPageProps {
  params: Promise<{ id: string }>;
}

/** Claim a gateway onto this site by its code (installers and org admins; the API checks the site). */
export default async function ClaimPage({ params }: ClaimPageProps) {
  const [{ t }, me, { id }] = await Promise.all([getI18n(), getMe(), params]);
  if (me?.role !== 'org_admin' && me?.role !== 'installer') {
    notFound();
  }
  return (
    <main className="page">
      <h1 className="page-title">{t.claim.pageTitle}</h1>
      <p className="page-subtitle">{t.claim.subtitle}</p>
      <Card>
        <ClaimForm siteId={id} />
      </Card>
      <p>
        <Link href={`/sites/${id}`}>{t.claim.backToSite}</Link>
      </p>
    </main>
  );
}
