import Link from 'next/link';
import { getI18n } from '../../../i18n/server';

export default async function StringNotFound() {
  const { t } = await getI18n();
  return (
    <main className="page">
      <div className="fleet-card">
        <h1 className="page-title">{t.string.notFound}</h1>
        <p className="page-subtitle">{t.string.notFoundText}</p>
        <Link href="/sites">{t.string.backToSites}</Link>
      </div>
    </main>
  );
}
