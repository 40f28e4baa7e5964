import { getI18n } from '../../../i18n/server';

export default async function Loading() {
  const { t } = await getI18n();
  return (
    <main className="page">
      <p className="state-message" aria-busy="true">
        {t.reports.weekly.loading}
      </p>
    </main>
  );
}
