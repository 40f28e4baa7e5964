'use client';

import { Card } from '@fleet/ui';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import type { LatestPackSample } from '../../../lib/api/types';
import type { LatestResponse } from './latest-response';
import { PackView } from './pack-view';
import styles from './string.module.css';

/** The live view asks for the newest sample this often; gateways sample every few seconds. */
const POLL_MS = 2000;

interface LivePackProps {
  stringId: string;
  /** Rendered on the server, so the first paint already has values. */
  initial: LatestPackSample | null;
  /** The server's clock at render time: the first client render must print the same "x s ago". */
  serverNow: number;
}

/**
 * Keeps the pack values current without a reload: polls the same-origin route handler, one
 * request at a time. A failed poll keeps the last values on screen and says so; a refused
 * session sends the user to sign in again.
 */
export function LivePack({ stringId, initial, serverNow }: LivePackProps) {
  const router = useRouter();
  const { t } = useI18n();
  const [sample, setSample] = useState(initial);
  const [now, setNow] = useState(serverNow);
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/strings/${encodeURIComponent(stringId)}/latest`, {
          cache: 'no-store',
        });
        if (response.status === 401) {
          router.replace('/login?reason=expired');
          return;
        }
        const body = (await response.json()) as LatestResponse;
        if ('error' in body) {
          throw new Error(body.error);
        }
        if (!stopped) {
          setSample(body.sample);
          setProblem(undefined);
        }
      } catch (error) {
        if (!stopped) {
          setProblem(error instanceof Error ? error.message : 'network error');
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
  }, [stringId, router]);

  return (
    <section aria-live="polite">
      {problem ? (
        <p className={styles.problem} role="status" data-testid="live-error">
          {interpolate(t.string.paused, { problem })}
        </p>
      ) : null}
      {sample ? (
        <PackView sample={sample} now={now} />
      ) : (
        <Card>
          <p className="state-message" data-testid="no-data">
            {t.string.noData}
          </p>
        </Card>
      )}
    </section>
  );
}
