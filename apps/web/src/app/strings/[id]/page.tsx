import { Badge } from '@fleet/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LivePack } from './live-pack';
import { getLatestSample, getStringDetail } from './queries';
import styles from './string.module.css';

export const metadata: Metadata = { title: 'String · Fleet' };

interface StringPageProps {
  params: Promise<{ id: string }>;
}

export default async function StringPage({ params }: StringPageProps) {
  const { id } = await params;
  const [detail, latest] = await Promise.all([getStringDetail(id), getLatestSample(id)]);
  if (!detail) {
    notFound();
  }
  return (
    <main className="page">
      <nav className={styles.breadcrumb} aria-label="Breadcrumb">
        <Link href="/sites">Sites</Link> / <span>{detail.site.name}</span>
      </nav>
      <header className={styles.header}>
        <div>
          <h1 className="page-title" data-testid="string-name">
            {detail.name}
          </h1>
          <p className="page-subtitle">
            {detail.site.address ?? detail.site.name} · gateway {detail.gatewayId} · {detail.bus} address{' '}
            {detail.bmsAddress}
          </p>
        </div>
        <Badge tone="info">
          {detail.moduleCount ? `${detail.moduleCount} × ${detail.moduleType}` : detail.moduleType}
        </Badge>
      </header>
      <LivePack stringId={detail.id} initial={latest} serverNow={Date.now()} />
    </main>
  );
}
