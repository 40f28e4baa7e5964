import { getI18n } from '../../../../i18n/server';

export default async function Loading() {
  const { t } = await getI18n();
  return (
    <main className="page">
      <p className="state-message" aria-busy="true" data-testid="evidence-loading">
        {t.evidence.loading}
      </p>
    </main>
  );
}
