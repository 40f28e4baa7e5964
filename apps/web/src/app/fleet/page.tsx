import { Card } from '@fleet/ui';
import type { Metadata } from 'next';
import { mapTiles } from '../../config/map-tiles';
import { interpolate } from '../../i18n/dictionary';
import { getI18n } from '../../i18n/server';
import { getMe } from '../../lib/me';
import { mayHandleAlarms } from '../../shell/nav';
import { FilterForm } from './filter-form';
import { FleetFindings } from './findings-panel';
import styles from './fleet.module.css';
import { FleetMap } from './fleet-map';
import { fleetSearch, hasFilters, parseFleetQuery } from './fleet-query';
import { FleetTable } from './fleet-table';
import { getFleetFindings, getFleetPage, getFleetSites, getSavedViews } from './queries';
import { SavedViews } from './saved-views';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.fleet.title} · Fleet` };
}

interface FleetPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function FleetPage({ searchParams }: FleetPageProps) {
  const query = parseFleetQuery(await searchParams);
  const search = fleetSearch(query);
  const [{ t }, me, page, sites, saved, findings] = await Promise.all([
    getI18n(),
    getMe(),
    getFleetPage(query),
    getFleetSites(),
    getSavedViews(),
    getFleetFindings(),
  ]);
  // Owners keep no saved views (the API refuses them); everyone else may.
  const views = me && mayHandleAlarms(me.role) ? saved : undefined;
  const filtered = hasFilters(query);
  const count = filtered
    ? interpolate(t.fleet.totalFiltered, { n: page.total })
    : page.total === 1
      ? t.fleet.totalOne
      : interpolate(t.fleet.total, { n: page.total });
  return (
    <main className="page">
      <h1 className="page-title">{t.fleet.title}</h1>
      <p className="page-subtitle">{t.fleet.subtitle}</p>
      <FilterForm query={query} sites={sites?.sites ?? []} t={t} />
      <p className={styles.count} data-testid="fleet-total" aria-live="polite">
        {count}
      </p>
      <div className={styles.layout}>
        <div className={styles.main}>
          {page.total === 0 ? (
            <Card>
              <p className="state-message" data-testid="fleet-empty">
                {filtered ? t.fleet.emptyFiltered : t.fleet.empty}
              </p>
            </Card>
          ) : (
            <FleetTable key={search} initial={page} search={search} now={Date.now()} />
          )}
        </div>
        <aside className={styles.side}>
          {views ? <SavedViews views={views} search={search} /> : null}
          <FleetMap sites={sites} tiles={mapTiles()} query={query} />
          <FleetFindings findings={findings} t={t.intelligence} />
        </aside>
      </div>
    </main>
  );
}
