'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { LatestPackSample } from '../../../lib/api/types';
import type { LatestResponse } from './latest-response';

/** Gateways sample every few seconds; the string page polls at the same pace. */
const POLL_MS = 2000;

/**
 * The newest sample of a string, kept current by polling this page's same-origin route
 * (`./latest/route.ts`, which forwards the session's token), one request at a time. A failed
 * poll keeps the last values and reports the problem; a refused session signs in again. Used by
 * the string page and by each string of the site view.
 */
export function useLatestSample(stringId: string, initial: LatestPackSample | null, serverNow: number) {
  const router = useRouter();
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

  return { sample, now, problem };
}
