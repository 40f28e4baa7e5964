import Link from 'next/link';
import { getI18n } from '../../i18n/server';

/** Another owner's site or string, or an id that does not exist: the same answer for both. */
export default async function MySystemNotFound() {
  const { t } = await getI18n();
  return (
    <main className="page">
      <div className="fleet-card" data-testid="not-found">
        <h1 className="page-title">{t.owner.notFound}</h1>
        <p className="page-subtitle">{t.owner.notFoundText}</p>
        <Link href="/my-system">{t.owner.backToMySystem}</Link>
      </div>
    </main>
  );
}
