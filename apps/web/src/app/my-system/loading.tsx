import { getI18n } from '../../i18n/server';

export default async function Loading() {
  const { t } = await getI18n();
  return (
    <main className="page">
      <h1 className="page-title">{t.owner.title}</h1>
      <p className="state-message" aria-busy="true" data-testid="my-system-loading">
        {t.owner.loading}
      </p>
    </main>
  );
}
