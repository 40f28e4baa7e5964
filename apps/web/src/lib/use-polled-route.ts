'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

export interface PolledRouteOptions<T> {
  /** What the server rendered, shown until the first poll answers. */
  initial: T;
  /** When `initial` was read (ms); `polledAt` starts here. */
  initialAt?: number;
  pollMs: number;
  /** Asked after every answer: false stops polling (nothing will change any more). */
  keepPolling?: (data: T) => boolean;
}

/**
 * Keeps a page's live part current by polling one of its own same-origin route handlers (which
 * forward the session's token), one request at a time. The route answers `T` or `{ error }`. A
 * failed poll keeps the last data and reports the problem; a refused session signs in again.
 * Shared by the string page, the site view, its commissioning checklist and the owner's Today.
 */
export function usePolledRoute<T extends object>(url: string, options: PolledRouteOptions<T>) {
  const { pollMs } = options;
  const router = useRouter();
  const [data, setData] = useState(options.initial);
  const enabled = options.keepPolling?.(data) ?? true;
  const [polledAt, setPolledAt] = useState(options.initialAt ?? 0);
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    if (!enabled) {
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(url, { cache: 'no-store' });
        if (response.status === 401) {
          router.replace('/login?reason=expired');
          return;
        }
        const body = (await response.json()) as T | { error: string };
        if ('error' in body) {
          throw new Error(body.error);
        }
        if (!stopped) {
          setData(body);
          setProblem(undefined);
        }
      } catch (error) {
        if (!stopped) {
          setProblem(error instanceof Error ? error.message : 'network error');
        }
      } finally {
        if (!stopped) {
          setPolledAt(Date.now());
          timer = setTimeout(poll, pollMs);
        }
      }
    };
    timer = setTimeout(poll, pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url, pollMs, enabled, router]);

  return { data, polledAt, problem };
}
