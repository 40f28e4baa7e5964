import { Card } from '@fleet/ui';
import { interpolate } from '../../../i18n/dictionary';
import type { Dictionary } from '../../../i18n/en';
import type { Locale } from '../../../i18n/locale';
import type { AlarmDetail } from '../../../lib/api/types';
import { formatSiteTime } from '../../../lib/format/site-time';
import { createUnitFormatter, formatAge } from '../../../lib/format/units';
import styles from './alarm.module.css';
import { actorName } from './alarm-history';

interface AlarmFactsProps {
  alarm: AlarmDetail;
  names: Map<string, string>;
  now: number;
  t: Dictionary;
  locale: Locale;
  /** The alarm's site's IANA zone: every time is shown on the site's clock. */
  timeZone: string;
}

/** The alarm's key facts as a definition list: when, how often, who has it. */
export function AlarmFacts({ alarm, names, now, t, locale, timeZone }: AlarmFactsProps) {
  const units = createUnitFormatter(locale);
  const at = (ts: string | null | undefined) => formatSiteTime(ts, timeZone, locale);
  const rows: [string, string, string?][] = [
    [t.alarm.firstFired, `${at(alarm.firstFiredAt)} (${formatAge(alarm.firstFiredAt, now, t)})`],
    [t.alarm.lastFired, `${at(alarm.lastFiredAt)} (${formatAge(alarm.lastFiredAt, now, t)})`],
    [t.alarm.count, interpolate(t.alarm.countTimes, { n: units.count(alarm.count) }), 'alarm-count'],
    [
      t.alarm.assignee,
      alarm.assigneeId ? actorName(alarm.assigneeId, names, t) : t.alarm.nobody,
      'alarm-assignee',
    ],
  ];
  if (alarm.acknowledgedBy) {
    rows.push([
      t.alarm.acknowledgedBy,
      `${actorName(alarm.acknowledgedBy, names, t)} · ${at(alarm.acknowledgedAt)}`,
      'alarm-acknowledged-by',
    ]);
  }
  if (alarm.snoozedUntil && Date.parse(alarm.snoozedUntil) > now) {
    rows.push([t.alarm.snoozedUntil, at(alarm.snoozedUntil), 'alarm-snoozed']);
  }
  rows.push([t.alarm.code, alarm.code]);
  return (
    <Card>
      <dl className={styles.facts}>
        {rows.map(([label, value, testId]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
