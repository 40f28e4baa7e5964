import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import { getI18n } from '../../../i18n/server';
import { createUnitFormatter, type UnitFormatter } from '../../../lib/format/units';
import { getMe } from '../../../lib/me';
import { ChecklistPanel } from './checklist-panel';
import { getCommissioning } from './checklist-query';
import { EnergyFlow } from './energy-flow';
import { InviteOwner } from './invite-owner';
import { getCells, getEnergy, getLatest, getModules, getOpenAlarms, getSiteDetail } from './queries';
import styles from './site.module.css';
import { SiteHeader } from './site-header';
import type { SiteDetail } from './site-types';
import { type StringData, StringPanel } from './string-panel';
import { TopologyLoading, TopologySection } from './topology-section';
import { worstAlarmByString } from './worst-alarm';

interface SitePageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ date?: string | string[] }>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const [{ t }, { id }] = await Promise.all([getI18n(), params]);
  const site = await getSiteDetail(id);
  return { title: interpolate(t.site.pageTitle, { name: site?.name ?? t.site.notFound }) };
}

/** Everything the strings of the site show, fetched in parallel. */
async function loadStrings(site: SiteDetail): Promise<StringData[]> {
  const alarms = worstAlarmByString(await getOpenAlarms(site.id));
  return Promise.all(
    site.strings.map(async (string) => {
      const [latest, modules, cells] = await Promise.all([
        getLatest(string.id),
        getModules(string.id),
        getCells(string.id),
      ]);
      return { string, latest, modules, cells, worstAlarm: alarms.get(string.id) };
    }),
  );
}

export default async function SitePage({ params, searchParams }: SitePageProps) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const asked = typeof query.date === 'string' && DAY.test(query.date) ? query.date : undefined;
  const [{ t, locale }, site, me] = await Promise.all([getI18n(), getSiteDetail(id), getMe()]);
  if (!site) {
    notFound();
  }
  // The checklist is field work: the managing organisation's installers, technicians and admins.
  const fieldRole = me?.role === 'org_admin' || me?.role === 'installer' || me?.role === 'technician';
  const [strings, energy, commissioning] = await Promise.all([
    loadStrings(site),
    getEnergy(site.id, asked),
    fieldRole ? getCommissioning(site.id) : null,
  ]);
  const now = Date.now();
  const u = createUnitFormatter(locale);
  return (
    <main className="page">
      <nav className={styles.breadcrumb} aria-label={t.site.breadcrumb}>
        <Link href="/sites">{t.shell.sites}</Link> / <span aria-current="page">{site.name}</span>
      </nav>
      <SiteHeader
        site={site}
        now={now}
        t={t}
        locale={locale}
        canClaim={me?.role === 'org_admin' || me?.role === 'installer'}
      />
      {commissioning ? (
        <ChecklistPanel
          siteId={site.id}
          initial={commissioning}
          timeZone={site.timezone}
          canComplete={me?.role === 'org_admin' || me?.role === 'installer'}
        />
      ) : null}
      {me?.role === 'org_admin' || me?.role === 'installer' ? <InviteOwner siteId={site.id} t={t} /> : null}
      <StringGroups site={site} strings={strings} now={now} t={t} u={u} />
      <EnergyFlow siteId={site.id} energy={energy} date={asked} t={t} u={u} />
      <Suspense fallback={<TopologyLoading t={t} />}>
        <TopologySection siteId={site.id} t={t} locale={locale} timeZone={site.timezone} />
      </Suspense>
    </main>
  );
}

interface GroupsProps {
  site: SiteDetail;
  strings: StringData[];
  now: number;
  t: Dictionary;
  u: UnitFormatter;
}

/** The MBMS1000 groups with their strings, then the strings without a group. */
function StringGroups({ site, strings, now, t, u }: GroupsProps) {
  if (strings.length === 0) {
    return <p className="fleet-card state-message">{t.site.noStrings}</p>;
  }
  const byId = new Map(strings.map((s) => [s.string.id, s]));
  const grouped = new Set(site.mbmsGroups.flatMap((g) => g.stringIds));
  const ungrouped = strings.filter((s) => !grouped.has(s.string.id));
  const panels = (list: StringData[]) =>
    list.map((s) => (
      <StringPanel key={s.string.id} siteId={site.id} timeZone={site.timezone} {...s} now={now} t={t} u={u} />
    ));
  return (
    <>
      {site.mbmsGroups.map((g) => (
        <section
          key={g.id}
          className={styles.group}
          aria-labelledby={`group-${g.id}`}
          data-testid="mbms-group"
        >
          <h2 id={`group-${g.id}`} className={styles.groupTitle}>
            {interpolate(t.site.group, { name: g.name })}
            {g.serial ? (
              <span className={styles.muted}> · {interpolate(t.site.groupSerial, { serial: g.serial })}</span>
            ) : null}
          </h2>
          {panels(g.stringIds.flatMap((sid) => byId.get(sid) ?? []))}
        </section>
      ))}
      {ungrouped.length > 0 ? (
        <section className={styles.group} aria-labelledby="ungrouped-title">
          <h2 id="ungrouped-title" className={styles.groupTitle}>
            {t.site.ungrouped}
          </h2>
          {panels(ungrouped)}
        </section>
      ) : null}
    </>
  );
}
