import { Card } from '@fleet/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { interpolate } from '../../../../i18n/dictionary';
import { getI18n } from '../../../../i18n/server';
import { createUnitFormatter } from '../../../../lib/format/units';
import { getMe } from '../../../../lib/me';
import { getStringDetail } from '../queries';
import { ExcursionsTable } from './excursions-table';
import { day } from './projection-texts';
import { getWarranty } from './queries';
import { CommissioningForm, RegionForm } from './record-forms';
import { mayCommission, maySetRegion } from './roles';
import { SohChart } from './soh-chart';
import { GaugesSection, IdentitySection, ProjectionsSection, warrantyDates } from './status-sections';
import styles from './warranty.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.warranty.string.link} · Fleet` };
}

interface WarrantyPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ excursions?: string }>;
}

/** A string's warranty life: install record, usage against the terms, projected dates, excursions. */
export default async function StringWarrantyPage({ params, searchParams }: WarrantyPageProps) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const offset = Math.max(0, Number.parseInt(query.excursions ?? '0', 10) || 0);
  const [{ t, locale }, me, s, detail] = await Promise.all([
    getI18n(),
    getMe(),
    getWarranty(id, offset),
    getStringDetail(id),
  ]);
  if (!s || !detail) {
    notFound();
  }
  const timeZone = detail.site.timezone;
  const dates = warrantyDates(timeZone, locale);
  const w = t.warranty.string;
  const f = createUnitFormatter(locale);
  const c = s.commissioning;
  return (
    <main className="page">
      <nav className={styles.breadcrumb} aria-label={w.breadcrumb}>
        <Link href="/sites">{t.shell.sites}</Link> / <span>{s.string.siteName}</span> /{' '}
        <Link href={`/strings/${s.string.id}`}>{s.string.name}</Link>
      </nav>
      <h1 className="page-title">{interpolate(w.title, { name: s.string.name })}</h1>
      {s.gaps.length > 0 ? (
        <ul className={styles.gaps} data-testid="warranty-gaps">
          {s.gaps.map((g) => (
            <li key={g}>{w.gaps[g]}</li>
          ))}
        </ul>
      ) : null}
      <div className={styles.grid}>
        <Card title={w.identity}>
          <IdentitySection s={s} w={w} dates={dates} />
        </Card>
        <Card title={w.usage}>
          <GaugesSection s={s} w={w} f={f} dates={dates} />
          <h3 className={styles.subheading}>{w.projections}</h3>
          <ProjectionsSection s={s} w={w} dates={dates} />
        </Card>
      </div>
      <Card title={w.chart}>
        <SohChart soh={s.soh} t={w} />
      </Card>
      <section id="excursions" aria-labelledby="excursions-title" className={styles.section}>
        <h2 id="excursions-title">{w.excursions}</h2>
        <ExcursionsTable
          excursions={s.excursions}
          hasTerms={s.terms !== null}
          stringId={s.string.id}
          t={w}
          f={f}
          timeZone={timeZone}
          locale={locale}
        />
      </section>
      {me && (mayCommission(me.role) || maySetRegion(me.role)) ? (
        <div className={styles.grid}>
          {mayCommission(me.role) ? (
            <Card>
              <CommissioningForm
                stringId={s.string.id}
                initial={{
                  day: c ? day(c.commissionedAt) : '',
                  by: c?.commissionedBy ?? '',
                  notes: c?.notes ?? '',
                }}
              />
            </Card>
          ) : null}
          {maySetRegion(me.role) ? (
            <Card>
              <RegionForm
                stringId={s.string.id}
                siteId={s.string.siteId}
                initial={s.string.warrantyRegion ?? ''}
              />
            </Card>
          ) : null}
        </div>
      ) : null}
    </main>
  );
}
