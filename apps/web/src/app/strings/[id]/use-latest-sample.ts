'use client';

import type { LatestPackSample } from '../../../lib/api/types';
import { usePolledRoute } from '../../../lib/use-polled-route';

/** Gateways sample every few seconds; the string page polls at the same pace. */
const POLL_MS = 2000;

/**
 * The newest sample of a string, kept current by polling this page's same-origin route
 * (`./latest/route.ts`). Used by the string page and by each string of the site view.
 */
export function useLatestSample(stringId: string, initial: LatestPackSample | null, serverNow: number) {
  const { data, polledAt, problem } = usePolledRoute(`/strings/${encodeURIComponent(stringId)}/latest`, {
    initial: { sample: initial },
    initialAt: serverNow,
    pollMs: POLL_MS,
  });
  return { sample: data.sample, now: polledAt, problem };
}
