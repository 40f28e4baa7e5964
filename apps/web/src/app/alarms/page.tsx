import { Card } from '@fleet/ui';
import type { Metadata } from 'next';
import { getI18n } from '../../i18n/server';
import { getMe } from '../../lib/me';
import { mayHandleAlarms } from '../../shell/nav';
import { getSites } from '../sites/queries';
import { AlarmInbox, type PlaceNames } from './alarm-inbox';
import styles from './alarms.module.css';
import { FilterForm } from './filter-form';
import { fitStringToSite, hasFilters, parseFilters } from './filters';
import { LiveUpdates } from './live-updates';
import { getAlarmPage } from './queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.alarms.title} · Fleet` };
}

interface AlarmsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AlarmsPage({ searchParams }: AlarmsPageProps) {
  const [{ t }, me, sites] = await Promise.all([getI18n(), getMe(), getSites()]);
  const filters = fitStringToSite(parseFilters(await searchParams), sites);
  const page = await getAlarmPage(filters);
  const names: PlaceNames = { sites: {}, strings: {} };
  for (const site of sites) {
    names.sites[site.id] = site.name;
    for (const s of site.strings) {
      names.strings[s.id] = s.name;
    }
  }
  const canAct = me !== undefined && mayHandleAlarms(me.role);
  return (
    <main className="page">
      <div className={styles.heading}>
        <div>
          <h1 className="page-title">{t.alarms.title}</h1>
          <p className="page-subtitle">{t.alarms.subtitle}</p>
        </div>
        <LiveUpdates labels={t.alarms} />
      </div>
      <FilterForm
        filters={filters}
        sites={sites.map((s) => ({
          id: s.id,
          name: s.name,
          strings: s.strings.map((x) => ({ id: x.id, name: x.name })),
        }))}
        t={t}
      />
      {page.items.length === 0 ? (
        <Card>
          <p className="state-message" data-testid="alarms-empty">
            {hasFilters(filters) ? t.alarms.empty : t.alarms.emptyAll}
          </p>
        </Card>
      ) : (
        <AlarmInbox initial={page} filters={filters} names={names} canAct={canAct} now={Date.now()} t={t} />
      )}
    </main>
  );
}
