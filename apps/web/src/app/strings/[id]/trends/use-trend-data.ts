'use client';

import { useCallback, useEffect, useState } from 'react';
import { rangeQuery } from '../../../../lib/charts/range';
import type { TimeRange, TrendData } from '../../../../lib/charts/trend-data';

export type TrendDataState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: TrendData };

/**
 * The trend and gaps of one string over the range, from the same-origin data route. A newer
 * range aborts the older request, so a slow answer never replaces a newer one; `reload` retries.
 */
export function useTrendData(stringId: string, range: TimeRange): TrendDataState & { reload: () => void } {
  const [state, setState] = useState<TrendDataState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchTrend(stringId, range, controller.signal).then(
      (next) => setState(next),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', message: (error as Error).message });
        }
      },
    );
    return () => controller.abort();
  }, [stringId, range.from, range.to, attempt]);

  return { ...state, reload };
}

export async function fetchTrend(
  stringId: string,
  range: TimeRange,
  signal: AbortSignal,
): Promise<TrendDataState> {
  const response = await fetch(`/strings/${stringId}/trends/data?${rangeQuery(range)}`, {
    signal,
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => ({}))) as TrendData & { error?: string };
  if (!response.ok) {
    return { status: 'error', message: body.error ?? `HTTP ${response.status}` };
  }
  return { status: 'ready', data: body };
}
