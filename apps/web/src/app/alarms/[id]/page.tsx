import { Badge, Card, SeverityBadge } from '@fleet/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getI18n } from '../../../i18n/server';
import { getMe } from '../../../lib/me';
import { mayHandleAlarms, mayReadMembers } from '../../../shell/nav';
import { LiveUpdates } from '../live-updates';
import styles from './alarm.module.css';
import { AlarmActions } from './alarm-actions';
import { AlarmFacts } from './alarm-facts';
import { AlarmHistory } from './alarm-history';
import { CatalogueCard } from './catalogue-card';
import { alarmNames } from './people';
import { getAlarmDetail, getMembers, getSiteTimeZone } from './queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: `${t.alarms.title} · Fleet` };
}

interface AlarmPageProps {
  params: Promise<{ id: string }>;
}

export default async function AlarmPage({ params }: AlarmPageProps) {
  const { id } = await params;
  const [{ t, locale }, me, alarm] = await Promise.all([getI18n(), getMe(), getAlarmDetail(id)]);
  if (!alarm) {
    notFound();
  }
  const canAct = me !== undefined && mayHandleAlarms(me.role);
  const [members, timeZone] = await Promise.all([
    me && mayReadMembers(me.role) ? getMembers() : [],
    getSiteTimeZone(alarm.siteId),
  ]);
  const names = alarmNames(alarm.people, members, me, t.common.you);
  const now = Date.now();
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/alarms">{t.alarm.back}</Link>
      </nav>
      <header className={styles.header}>
        <div>
          <h1 className="page-title" data-testid="alarm-title">
            {alarm.title}
          </h1>
          <p className={styles.badges}>
            <SeverityBadge
              severity={alarm.severity}
              label={t.severity[alarm.severity]}
              testId="alarm-severity"
            />
            <Badge tone={alarm.status === 'open' ? 'danger' : 'neutral'} testId="alarm-detail-status">
              {t.status[alarm.status]}
            </Badge>
            {alarm.flapping ? <Badge tone="warning">{t.alarm.flapping}</Badge> : null}
          </p>
        </div>
        <LiveUpdates alarmId={alarm.id} labels={t.alarms} />
      </header>
      <div className={styles.layout}>
        <div className={styles.primary}>
          <CatalogueCard catalogue={alarm.catalogue} t={t} />
          <AlarmHistory
            transitions={alarm.transitions}
            names={names}
            now={now}
            t={t}
            locale={locale}
            timeZone={timeZone}
          />
        </div>
        <div className={styles.side}>
          <AlarmFacts alarm={alarm} names={names} now={now} t={t} locale={locale} timeZone={timeZone} />
          <Card title={t.alarm.actions}>
            {canAct && me ? (
              <AlarmActions alarm={alarm} me={me} members={members} t={t} />
            ) : (
              <p className={styles.muted} data-testid="owner-no-actions">
                {t.alarm.ownerNoActions}
              </p>
            )}
          </Card>
        </div>
      </div>
      {alarm.stringId ? (
        <p>
          <Link href={`/strings/${alarm.stringId}`}>{t.alarm.viewString}</Link>
        </p>
      ) : null}
    </main>
  );
}
