import Link from 'next/link';
import { getI18n } from '../../../i18n/server';

export default async function AlarmNotFound() {
  const { t } = await getI18n();
  return (
    <main className="page">
      <div className="fleet-card">
        <h1 className="page-title">{t.alarm.notFound}</h1>
        <p className="page-subtitle">{t.alarm.notFoundText}</p>
        <Link href="/alarms">{t.alarm.back}</Link>
      </div>
    </main>
  );
}
