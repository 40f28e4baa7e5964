import { Card } from '@fleet/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '../../i18n/server';
import { parseHistoryRange } from '../../lib/owner/daily-history';
import { selectionQuery, selectSystem } from '../../lib/owner/owner-selection';
import { timezoneChoices } from '../../lib/owner/preferences-form';
import { requireSessionToken } from '../../lib/session';
import { HealthSection } from './health-section';
import { HistorySection } from './history-section';
import styles from './my-system.module.css';
import { NotificationForm } from './notification-form';
import {
  history,
  notificationPreferences,
  ownedSites,
  ownerAlarms,
  pushKey,
  siteTimezone,
  warrantyOf,
} from './queries';
import { SystemPicker } from './system-picker';
import { loadToday } from './today-data';
import { TodayLive } from './today-live';
import { WarrantySection } from './warranty-section';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.owner.pageTitle };
}

interface MySystemProps {
  searchParams: Promise<{ site?: string | string[]; string?: string | string[]; days?: string | string[] }>;
}

/**
 * The owner portal: one calm page about the owner's own system. Every id in the URL is checked
 * against the caller's own sites (GET /api/sites is scoped by the API), so another owner's site
 * or string is not found here, exactly like one that does not exist.
 */
export default async function MySystemPage({ searchParams }: MySystemProps) {
  const query = await searchParams;
  const [{ t, locale }, token] = await Promise.all([getI18n(), requireSessionToken()]);
  const sites = await ownedSites(token);
  const selection = selectSystem(sites, query);
  if (selection.kind === 'not-found') {
    notFound();
  }
  if (selection.kind === 'none') {
    return (
      <main className="page">
        <h1 className="page-title">{t.owner.title}</h1>
        <Card>
          <p className="state-message" data-testid="no-system">
            {t.owner.noSystem}
          </p>
        </Card>
      </main>
    );
  }
  const { site, stringIds, stringId } = selection;
  const range = parseHistoryRange(query.days);
  const timeZone = await siteTimezone(token, site.id);
  const [today, days, alarms, warranties, preferences, vapid] = await Promise.all([
    loadToday(token, stringIds, timeZone),
    history(token, stringIds, range, new Date()),
    ownerAlarms(token, site.id, stringIds),
    Promise.all(stringIds.map((id) => warrantyOf(token, id))),
    notificationPreferences(token),
    pushKey(token),
  ]);
  const names = new Map(site.strings.map((s) => [s.id, s.name]));
  const own = selectionQuery(site.id, stringId);
  return (
    <main className="page">
      <h1 className="page-title">{t.owner.title}</h1>
      <p className="page-subtitle" data-testid="system-name">
        {stringId ? `${site.name} · ${names.get(stringId)}` : site.name}
      </p>
      <SystemPicker sites={sites} siteId={site.id} stringId={stringId} t={t} />
      <div className={styles.grid}>
        <TodayLive initial={today} query={own} timeZone={timeZone} />
        <HealthSection readings={today.readings} alarms={alarms} now={today.now} t={t} locale={locale} />
        <HistorySection days={days} range={range} query={own} t={t} locale={locale} />
        <WarrantySection
          items={stringIds.map((id, i) => ({
            name: names.get(id) ?? id,
            result: warranties[i] ?? { kind: 'failed' },
          }))}
          t={t}
          locale={locale}
        />
        <NotificationForm
          initial={preferences}
          pushKey={vapid}
          timezones={timezoneChoices(
            preferences?.timezone ?? 'UTC',
            timeZone,
            Intl.supportedValuesOf('timeZone'),
          )}
        />
      </div>
    </main>
  );
}
