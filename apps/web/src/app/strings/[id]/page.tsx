import { Badge } from '@fleet/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { interpolate } from '../../../i18n/dictionary';
import { getI18n } from '../../../i18n/server';
import { FindingsPanel } from './findings-panel';
import { LivePack } from './live-pack';
import { getLatestSample, getStringDetail, getStringFindings } from './queries';
import styles from './string.module.css';

export const metadata: Metadata = { title: 'String · Fleet' };

interface StringPageProps {
  params: Promise<{ id: string }>;
}

export default async function StringPage({ params }: StringPageProps) {
  const { id } = await params;
  const [{ t }, detail, latest, findings] = await Promise.all([
    getI18n(),
    getStringDetail(id),
    getLatestSample(id),
    getStringFindings(id),
  ]);
  if (!detail) {
    notFound();
  }
  return (
    <main className="page">
      <nav className={styles.breadcrumb} aria-label={t.string.breadcrumb}>
        <Link href="/sites">{t.shell.sites}</Link> / <span>{detail.site.name}</span>
      </nav>
      <header className={styles.header}>
        <div>
          <h1 className="page-title" data-testid="string-name">
            {detail.name}
          </h1>
          <p className="page-subtitle">
            {detail.site.address ?? detail.site.name} ·{' '}
            {interpolate(t.string.gateway, { id: detail.gatewayId })} ·{' '}
            {interpolate(t.string.busAddress, { bus: detail.bus, address: detail.bmsAddress })}
          </p>
        </div>
        <Badge tone="info">
          {detail.moduleCount ? `${detail.moduleCount} × ${detail.moduleType}` : detail.moduleType}
        </Badge>
        <Link className="fleet-button" href={`/strings/${detail.id}/trends`} data-testid="trends-link">
          {t.trends.openTrends}
        </Link>
        <Link className="fleet-button" href={`/strings/${detail.id}/warranty`} data-testid="warranty-link">
          {t.warranty.string.link}
        </Link>
        <Link className="fleet-button" href={`/strings/${detail.id}/evidence`} data-testid="evidence-link">
          {t.evidence.link}
        </Link>
      </header>
      <LivePack
        stringId={detail.id}
        initial={latest}
        serverNow={Date.now()}
        timeZone={detail.site.timezone}
      />
      <FindingsPanel findings={findings} t={t.intelligence} />
    </main>
  );
}
