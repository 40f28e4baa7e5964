'use client';

import { useActionState } from 'react';
import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import { formatSiteTime } from '../../../lib/format/site-time';
import { MISSING } from '../../../lib/format/units';
import styles from './checklist.module.css';
import { type CompleteState, completeCommissioning } from './checklist-actions';
import type { ChecklistItem, CommissioningStatus } from './checklist-types';
import { useChecklist } from './use-checklist';

interface ChecklistPanelProps {
  siteId: string;
  initial: CommissioningStatus;
  /** Installers and admins of the managing organisation may complete it. */
  canComplete: boolean;
  /** The site's IANA zone: observed and completed times on the site's clock. */
  timeZone: string;
}

const MARK = { passed: '✓', failed: '✗', pending: '…' } as const;

const evidenceText = (item: ChecklistItem) =>
  Object.fromEntries(Object.entries(item.evidence).map(([k, v]) => [k, v === null ? MISSING : String(v)]));

/** The commissioning checklist of a site: ticks turn green as data arrives, then one button completes it. */
export function ChecklistPanel({ siteId, initial, canComplete, timeZone }: ChecklistPanelProps) {
  const { t, locale } = useI18n();
  const at = (ts: string) => formatSiteTime(ts, timeZone, locale);
  const c = t.checklist;
  const { status, problem } = useChecklist(siteId, initial);
  const [state, action, pending] = useActionState<CompleteState>(
    completeCommissioning.bind(null, siteId),
    {},
  );
  const record = status.record;
  return (
    <section className="fleet-card" aria-labelledby="checklist-title" data-testid="commissioning-checklist">
      <h2 id="checklist-title" className={styles.title}>
        {c.title}
      </h2>
      <p className={styles.muted}>{c.intro}</p>
      {problem ? (
        <p className={styles.muted} role="status">
          {interpolate(c.paused, { problem })}
        </p>
      ) : null}
      <ol className={styles.items} aria-live="polite">
        {status.items.map((item) => (
          <li
            key={item.id}
            className={styles.item}
            data-testid={`checklist-${item.id}`}
            data-state={item.state}
          >
            <span className={`${styles.mark} ${styles[item.state]}`} aria-hidden="true">
              {MARK[item.state]}
            </span>
            <div>
              <p className={styles.itemTitle}>
                {c.items[item.id]}{' '}
                <span className={styles[`${item.state}Text`]}>· {c.state[item.state]}</span>
              </p>
              <p className={styles.reason}>
                {interpolate(c.reasons[item.reason] ?? item.explanation, evidenceText(item))}
              </p>
              {item.observedAt ? (
                <p className={styles.muted}>{interpolate(c.observed, { time: at(item.observedAt) })}</p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {record ? (
        <p role="status" data-testid="commissioning-record" className={styles.passedText}>
          {interpolate(c.completed, {
            time: at(record.completedAt),
            name: record.installerName,
          })}
        </p>
      ) : canComplete ? (
        <form action={action} className={styles.actions}>
          <button
            type="submit"
            className="fleet-button"
            aria-busy={pending}
            disabled={!status.complete || pending}
            aria-describedby={status.complete ? undefined : 'checklist-not-yet'}
            data-testid="complete-commissioning"
          >
            {pending ? c.completing : c.complete}
          </button>
          {status.complete ? null : (
            <p id="checklist-not-yet" className={styles.muted}>
              {c.notYet}
            </p>
          )}
          {state.error ? (
            <p role="alert" className={styles.failedText}>
              {state.error}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
