'use client';

import { Card } from '@fleet/ui';
import { useI18n } from '../../i18n/client';
import { usePolledRoute } from '../../lib/use-polled-route';
import styles from './my-system.module.css';
import type { TodayData } from './today-data';
import { TodayView } from './today-view';

/** Gateways report every few seconds; an owner's page does not need every one. */
const POLL_MS = 5000;

interface TodayLiveProps {
  initial: TodayData;
  /** `site=…&string=…` of the page, for the live route. */
  query: string;
  timeZone: string;
}

/**
 * Keeps Today current without a reload by polling /my-system/latest. A failed poll keeps the last
 * values and says so quietly.
 */
export function TodayLive({ initial, query, timeZone }: TodayLiveProps) {
  const { t, locale } = useI18n();
  const { data, polledAt, problem } = usePolledRoute(`/my-system/latest?${query}`, {
    initial,
    initialAt: initial.now,
    pollMs: POLL_MS,
  });
  const paused = problem !== undefined;

  return (
    <Card title={t.owner.today.title} className={styles.section}>
      {paused ? (
        <p className={styles.paused} role="status" data-testid="live-error">
          {t.owner.today.paused}
        </p>
      ) : null}
      <TodayView data={data} now={polledAt} timeZone={timeZone} t={t} locale={locale} />
    </Card>
  );
}
