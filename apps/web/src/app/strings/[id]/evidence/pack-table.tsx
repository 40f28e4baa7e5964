'use client';

import { Badge } from '@fleet/ui';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import { formatSiteTime } from '../../../../lib/format/site-time';
import { createUnitFormatter } from '../../../../lib/format/units';
import styles from './evidence.module.css';
import { lastDayOf } from './parse-period';
import type { EvidencePack } from './queries';

const TONE = { queued: 'info', running: 'info', ready: 'success', failed: 'danger' } as const;

interface PackTableProps {
  stringId: string;
  packs: EvidencePack[];
  /** The site's IANA zone: when a pack was asked for, on the site's clock (the period stays in UTC days, as in the PDF). */
  timeZone: string;
}

/** The string's packs: period, when asked for, status with live progress, downloads with their SHA-256. */
export function PackTable({ stringId, packs, timeZone }: PackTableProps) {
  const { t, locale } = useI18n();
  const l = t.evidence.list;
  const f = createUnitFormatter(locale);
  if (packs.length === 0) {
    return (
      <p className="state-message" data-testid="evidence-empty">
        {l.empty}
      </p>
    );
  }
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="evidence-packs">
        <thead>
          <tr>
            <th scope="col">{l.period}</th>
            <th scope="col">{l.requested}</th>
            <th scope="col">{l.status}</th>
            <th scope="col">{l.files}</th>
          </tr>
        </thead>
        <tbody>
          {packs.map((p) => {
            const period = { from: p.from.slice(0, 10), to: lastDayOf(p.to) };
            return (
              <tr key={p.id} data-testid="evidence-pack" data-status={p.status} data-pack-id={p.id}>
                <td>{interpolate(l.periodValue, period)}</td>
                <td>{formatSiteTime(p.createdAt, timeZone, locale)}</td>
                <td aria-live="polite">
                  <Badge tone={TONE[p.status]}>{t.evidence.status[p.status]}</Badge>
                  {p.status === 'queued' || p.status === 'running' ? (
                    <span className={styles.progress} data-testid="evidence-progress">
                      {interpolate(l.progress, {
                        step: p.progress.step,
                        of: p.progress.of,
                        message: p.progress.message ?? '',
                      })}
                    </span>
                  ) : null}
                  {p.error ? <span className={styles.progress}>{p.error}</span> : null}
                </td>
                <td>
                  <div className={styles.files}>
                    {(['pdf', 'zip'] as const).map((kind) => {
                      const file = p[kind];
                      if (!file) {
                        return null;
                      }
                      const name = kind === 'pdf' ? l.downloadPdf : l.downloadZip;
                      return (
                        <div key={kind}>
                          <a
                            href={`/strings/${stringId}/evidence/${p.id}/${kind}`}
                            download
                            aria-label={interpolate(l.downloadLabel, { file: name, ...period })}
                            data-testid={`evidence-download-${kind}`}
                          >
                            {name}
                          </a>{' '}
                          ({interpolate(l.bytes, { n: f.count(file.bytes) })})
                          <span className={styles.sha} data-testid={`evidence-sha-${kind}`}>
                            {l.sha} {file.sha256}
                          </span>
                        </div>
                      );
                    })}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
