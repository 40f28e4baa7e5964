'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ChecklistResponse, CommissioningStatus } from './checklist-types';

/** Heartbeats come once a minute and samples every few seconds; 5 s keeps the ticks prompt and cheap. */
const POLL_MS = 5000;

/**
 * The site's checklist, kept current by polling `./checklist` one request at a time until the
 * commissioning record exists (then nothing changes any more). A failed poll keeps the last state
 * and reports the problem; a refused session signs in again.
 */
export function useChecklist(siteId: string, initial: CommissioningStatus) {
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const [problem, setProblem] = useState<string | undefined>();
  const done = status.record !== null;

  useEffect(() => {
    if (done) {
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/sites/${encodeURIComponent(siteId)}/checklist`, { cache: 'no-store' });
        if (response.status === 401) {
          router.replace('/login?reason=expired');
          return;
        }
        const body = (await response.json()) as ChecklistResponse;
        if ('error' in body) {
          throw new Error(body.error);
        }
        if (!stopped) {
          setStatus(body.status);
          setProblem(undefined);
        }
      } catch (error) {
        if (!stopped) {
          setProblem(error instanceof Error ? error.message : 'network error');
        }
      } finally {
        if (!stopped) {
          timer = setTimeout(poll, POLL_MS);
        }
      }
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [siteId, router, done]);

  return { status, problem };
}
