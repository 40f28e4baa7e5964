import Link from 'next/link';
import { getI18n } from '../../../i18n/server';

export default async function SiteNotFound() {
  const { t } = await getI18n();
  return (
    <main className="page">
      <div className="fleet-card" data-testid="site-not-found">
        <h1 className="page-title">{t.site.notFound}</h1>
        <p className="page-subtitle">{t.site.notFoundText}</p>
        <Link href="/sites">{t.site.backToSites}</Link>
      </div>
    </main>
  );
}
