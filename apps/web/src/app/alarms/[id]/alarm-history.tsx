import { Card } from '@fleet/ui';
import type { Dictionary } from '../../../i18n/en';
import type { Locale } from '../../../i18n/locale';
import type { AlarmDetail } from '../../../lib/api/types';
import { formatSiteTime } from '../../../lib/format/site-time';
import { formatAge } from '../../../lib/format/units';
import styles from './alarm.module.css';

type Transition = AlarmDetail['transitions'][number];

/** Who did it: a known member's name, "system", or the raw id when we may not read members. */
export function actorName(actor: string, names: Map<string, string>, t: Dictionary): string {
  if (actor === 'system') {
    return t.common.system;
  }
  return names.get(actor) ?? actor;
}

/** The free text a transition carries: a comment, a note, or whom it was assigned to. */
function transitionText(entry: Transition, names: Map<string, string>, t: Dictionary): string | undefined {
  const { detail } = entry;
  if (typeof detail.text === 'string') {
    return detail.text;
  }
  if (typeof detail.note === 'string') {
    return detail.note;
  }
  if (entry.transition === 'assigned') {
    return typeof detail.assigneeId === 'string'
      ? `→ ${actorName(detail.assigneeId, names, t)}`
      : t.alarm.unassign;
  }
  return undefined;
}

interface AlarmHistoryProps {
  transitions: Transition[];
  names: Map<string, string>;
  now: number;
  t: Dictionary;
  locale: Locale;
  /** The alarm's site's IANA zone. */
  timeZone: string;
}

/** The audit trail, newest first: what happened, who did it, when (on the site's clock, and how long ago). */
export function AlarmHistory({ transitions, names, now, t, locale, timeZone }: AlarmHistoryProps) {
  const newestFirst = [...transitions].sort((a, b) => b.seq - a.seq);
  return (
    <Card title={t.alarm.history}>
      {newestFirst.length === 0 ? (
        <p className={styles.muted}>{t.alarm.noHistory}</p>
      ) : (
        <ol className={styles.history} data-testid="alarm-history">
          {newestFirst.map((entry) => {
            const text = transitionText(entry, names, t);
            return (
              <li key={entry.seq} data-testid="history-entry" data-transition={entry.transition}>
                <span className={styles.historyWhat}>{t.transition[entry.transition]}</span>
                <span className={styles.historyWho}>{actorName(entry.actor, names, t)}</span>
                <time dateTime={entry.at} className={styles.historyWhen} title={formatAge(entry.at, now, t)}>
                  {formatSiteTime(entry.at, timeZone, locale)}
                </time>
                {text ? <p className={styles.historyText}>{text}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
