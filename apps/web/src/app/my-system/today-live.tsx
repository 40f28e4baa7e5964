'use client';

import { Card } from '@fleet/ui';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/client';
import styles from './my-system.module.css';
import type { TodayData, TodayResponse } from './today-data';
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
 * Keeps Today current without a reload: polls /my-system/latest, one request at a time. A failed
 * poll keeps the last values and says so quietly; a refused session goes to sign in again.
 */
export function TodayLive({ initial, query, timeZone }: TodayLiveProps) {
  const router = useRouter();
  const { t, locale } = useI18n();
  const [data, setData] = useState(initial);
  const [now, setNow] = useState(initial.now);
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/my-system/latest?${query}`, { cache: 'no-store' });
        if (response.status === 401) {
          router.replace('/login?reason=expired');
          return;
        }
        const body = (await response.json()) as TodayResponse;
        if ('error' in body) {
          throw new Error(body.error);
        }
        if (!stopped) {
          setData(body);
          setPaused(false);
        }
      } catch {
        if (!stopped) {
          setPaused(true);
        }
      } finally {
        if (!stopped) {
          setNow(Date.now());
          timer = setTimeout(poll, POLL_MS);
        }
      }
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [query, router]);

  return (
    <Card title={t.owner.today.title} className={styles.section}>
      {paused ? (
        <p className={styles.paused} role="status" data-testid="live-error">
          {t.owner.today.paused}
        </p>
      ) : null}
      <TodayView data={data} now={now} timeZone={timeZone} t={t} locale={locale} />
    </Card>
  );
}
