'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { concerns } from './live-event';

interface LiveUpdatesProps {
  /** Refresh only for events about this alarm (the detail page); every alarm event otherwise. */
  alarmId?: string;
  labels: { updated: string; liveOn: string; liveOff: string };
}

const HINT_MS = 8000;

/**
 * Subscribes to the same-origin event stream (/alarms/stream) and re-renders the server
 * components in place (router.refresh: no reload, scroll and focus stay) when an alarm changes,
 * with a visible "updated" hint. EventSource reconnects by itself after a network error.
 */
export function LiveUpdates({ alarmId, labels }: LiveUpdatesProps) {
  const router = useRouter();
  const [connected, setConnected] = useState<boolean | undefined>(undefined);
  const [updatedAt, setUpdatedAt] = useState<number | undefined>(undefined);

  useEffect(() => {
    const source = new EventSource('/alarms/stream');
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('revoked', () => source.close());
    source.addEventListener('alarm', (event) => {
      if (concerns((event as MessageEvent<string>).data, alarmId)) {
        router.refresh();
        setUpdatedAt(Date.now());
      }
    });
    return () => source.close();
  }, [alarmId, router]);

  useEffect(() => {
    if (updatedAt === undefined) {
      return;
    }
    const timer = setTimeout(() => setUpdatedAt(undefined), HINT_MS);
    return () => clearTimeout(timer);
  }, [updatedAt]);

  return (
    <p className="live-status" role="status" data-testid="live-status" data-live={connected ? 'on' : 'off'}>
      {updatedAt !== undefined ? (
        <span className="live-status__updated" data-testid="live-updated">
          {labels.updated}
        </span>
      ) : connected === false ? (
        labels.liveOff
      ) : connected ? (
        labels.liveOn
      ) : null}
    </p>
  );
}
