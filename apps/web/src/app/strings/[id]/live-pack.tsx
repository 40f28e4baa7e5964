'use client';

import { Card } from '@fleet/ui';
import { useI18n } from '../../../i18n/client';
import { interpolate } from '../../../i18n/dictionary';
import type { LatestPackSample } from '../../../lib/api/types';
import { PackView } from './pack-view';
import styles from './string.module.css';
import { useLatestSample } from './use-latest-sample';

interface LivePackProps {
  stringId: string;
  /** Rendered on the server, so the first paint already has values. */
  initial: LatestPackSample | null;
  /** The server's clock at render time: the first client render must print the same "x s ago". */
  serverNow: number;
  /** The site's IANA zone, for the sample time. */
  timeZone: string;
}

/**
 * Keeps the pack values current without a reload: polls the same-origin route handler, one
 * request at a time. A failed poll keeps the last values on screen and says so; a refused
 * session sends the user to sign in again.
 */
export function LivePack({ stringId, initial, serverNow, timeZone }: LivePackProps) {
  const { t } = useI18n();
  const { sample, now, problem } = useLatestSample(stringId, initial, serverNow);

  return (
    <section aria-live="polite">
      {problem ? (
        <p className={styles.problem} role="status" data-testid="live-error">
          {interpolate(t.string.paused, { problem })}
        </p>
      ) : null}
      {sample ? (
        <PackView sample={sample} now={now} timeZone={timeZone} />
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
