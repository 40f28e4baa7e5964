'use client';

import { usePolledRoute } from '../../../lib/use-polled-route';
import type { CommissioningStatus } from './checklist-types';

/** Heartbeats come once a minute and samples every few seconds; 5 s keeps the ticks prompt and cheap. */
const POLL_MS = 5000;

/**
 * The site's checklist, kept current by polling `./checklist` until the commissioning record
 * exists (then nothing changes any more).
 */
export function useChecklist(siteId: string, initial: CommissioningStatus) {
  const { data, problem } = usePolledRoute(`/sites/${encodeURIComponent(siteId)}/checklist`, {
    initial: { status: initial },
    pollMs: POLL_MS,
    keepPolling: (body) => body.status.record === null,
  });
  return { status: data.status, problem };
}
