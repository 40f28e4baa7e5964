import { SeverityBadge } from '@fleet/ui';
import Link from 'next/link';
import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import { formatAge, type UnitFormatter } from '../../lib/format/units';
import { cohortCellText } from './cohort-cell';
import styles from './fleet.module.css';
import type { FleetRow } from './fleet-types';

/** What the state column says: the status, and for a silent string how long it has been silent. */
export function statusText(row: FleetRow, now: number, t: Dictionary): string {
  const label = t.fleet.statuses[row.status];
  if (row.status === 'stale' || row.status === 'offline') {
    const age = row.lastTs ? formatAge(row.lastTs, now, t) : t.fleet.never;
    return interpolate(row.status === 'stale' ? t.fleet.staleFor : t.fleet.offlineFor, { age });
  }
  return label;
}

interface RowProps {
  row: FleetRow;
  index: number;
  now: number;
  t: Dictionary;
  u: UnitFormatter;
}

/** One string of the table; `aria-rowindex` counts the header row as 1. */
export function FleetTableRow({ row, index, now, t, u }: RowProps) {
  return (
    <tr
      aria-rowindex={index + 2}
      data-index={index}
      data-testid="fleet-row"
      data-status={row.status}
      data-severity={row.worstSeverity ?? 'none'}
      className={styles.row}
    >
      <th scope="row" className={styles.nameCell}>
        <Link href={`/strings/${row.stringId}`} data-testid="fleet-string-link" className={styles.rowLink}>
          {row.name}
        </Link>
      </th>
      <td>
        <Link href={`/sites/${row.siteId}`} data-testid="fleet-site-link">
          {row.siteName}
        </Link>
        {row.siteAddress ? <span className={styles.address}>{row.siteAddress}</span> : null}
      </td>
      <td>
        {row.worstSeverity ? (
          <SeverityBadge severity={row.worstSeverity} label={t.severity[row.worstSeverity]} />
        ) : (
          <span className={styles.muted}>{t.fleet.noAlarm}</span>
        )}
      </td>
      <td data-testid="fleet-status" className={styles[`status_${row.status}`]}>
        {statusText(row, now, t)}
      </td>
      <td className={styles.num}>{u.percent(row.socPct)}</td>
      <td className={styles.num}>{u.percent(row.sohPct)}</td>
      <td className={styles.num}>{u.percentTenths(row.completenessPct)}</td>
      <td className={styles.num} title={row.lastTs ?? undefined}>
        {row.lastTs ? formatAge(row.lastTs, now, t) : t.fleet.never}
      </td>
      <CohortCell row={row} t={t} u={u} />
    </tr>
  );
}

/**
 * Fade and spread growth beside the cohort's medians; ▲ marks a value the analysis judged worse.
 * The compact lines are hidden from screen readers, which read the full sentence instead.
 */
function CohortCell({ row, t, u }: { row: FleetRow; t: Dictionary; u: UnitFormatter }) {
  const cell = cohortCellText(row.cohort, t, u.locale);
  return (
    <td data-testid="fleet-cohort" className={styles.cohortCell} title={cell.description}>
      <span aria-hidden="true">
        {cell.placeholder !== null ? (
          <span className={styles.muted}>{cell.placeholder}</span>
        ) : (
          cell.lines.map((line) => (
            <span
              key={line.key}
              data-worse={line.worse}
              className={line.worse ? styles.cohortWorse : styles.cohortLine}
            >
              {line.worse ? '▲ ' : ''}
              {line.text}
            </span>
          ))
        )}
      </span>
      <span className="visually-hidden">{cell.description}</span>
    </td>
  );
}

export function FleetTableHead({ t }: { t: Dictionary }) {
  const c = t.fleet.columns;
  return (
    <thead className={styles.head}>
      <tr aria-rowindex={1}>
        <th scope="col">{c.string}</th>
        <th scope="col">{c.site}</th>
        <th scope="col">{c.alarm}</th>
        <th scope="col">{c.state}</th>
        <th scope="col" className={styles.num}>
          {c.soc}
        </th>
        <th scope="col" className={styles.num}>
          {c.soh}
        </th>
        <th scope="col" className={styles.num}>
          {c.completeness}
        </th>
        <th scope="col" className={styles.num}>
          {c.lastSeen}
        </th>
        <th scope="col">{c.cohort}</th>
      </tr>
    </thead>
  );
}
