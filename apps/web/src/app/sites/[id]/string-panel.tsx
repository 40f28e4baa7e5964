import { SeverityBadge } from '@fleet/ui';
import Link from 'next/link';
import type { Dictionary } from '../../../i18n/en';
import type { UnitFormatter } from '../../../lib/format/units';
import { CellHeatmap } from './cell-heatmap';
import { LiveValues } from './live-values';
import { moduleRows } from './module-rows';
import { ModulesTable } from './modules-table';
import styles from './site.module.css';
import type { Alarm, LatestPackSample, SiteString, StringCells, StringModule } from './site-types';

export interface StringData {
  string: SiteString;
  latest: LatestPackSample | null;
  modules: StringModule[];
  cells: StringCells | null;
  worstAlarm: Alarm | undefined;
}

interface StringPanelProps extends StringData {
  siteId: string;
  /** The site's IANA zone, for the heatmap's sample time. */
  timeZone: string;
  now: number;
  t: Dictionary;
  u: UnitFormatter;
}

/** One string of the site: live values, worst open alarm, modules and the cell heatmap. */
export function StringPanel({
  siteId,
  timeZone,
  string,
  latest,
  modules,
  cells,
  worstAlarm,
  now,
  t,
  u,
}: StringPanelProps) {
  const s = t.site;
  const titleId = `string-${string.id}`;
  return (
    <section
      className={`fleet-card ${styles.stringPanel}`}
      aria-labelledby={titleId}
      data-testid="string-panel"
    >
      <header className={styles.cardHeader}>
        <h3 id={titleId} className="fleet-card__title">
          {string.name}
        </h3>
        <nav className={styles.links} aria-label={string.name}>
          <Link href={`/strings/${string.id}`} data-testid="open-string">
            {s.live.openString}
          </Link>
          {/* The inbox filters by site; its alarms list names each alarm's string. */}
          <Link href={`/alarms?site=${siteId}`}>{s.live.alarms}</Link>
        </nav>
      </header>
      <p className={styles.alarmLine} data-testid="worst-alarm">
        <span className={styles.muted}>{s.live.worstAlarm}: </span>
        {worstAlarm ? (
          <>
            <SeverityBadge severity={worstAlarm.severity} label={t.severity[worstAlarm.severity]} />{' '}
            <Link href={`/alarms/${worstAlarm.id}`}>{worstAlarm.title}</Link>
          </>
        ) : (
          s.live.noAlarm
        )}
      </p>
      <h4 className={styles.smallTitle}>{s.live.title}</h4>
      <LiveValues stringId={string.id} initial={latest} serverNow={now} />
      <h4 className={styles.smallTitle}>{s.modules.title}</h4>
      <ModulesTable
        rows={moduleRows(modules, cells, string.moduleType)}
        stringName={string.name}
        t={t}
        u={u}
      />
      <h4 className={styles.smallTitle}>{s.heatmap.title}</h4>
      {cells ? (
        <CellHeatmap cells={cells} stringName={string.name} timeZone={timeZone} />
      ) : (
        <p className="state-message" data-testid="no-cells">
          {s.heatmap.noSnapshot}
        </p>
      )}
    </section>
  );
}
