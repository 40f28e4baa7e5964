'use client';

import { useEffect, useState } from 'react';
import type { TimeRange } from '../../../../lib/charts/trend-data';
import { fetchTrend, type TrendDataState } from './use-trend-data';

/**
 * The trend of each string in `ids` over the range, by id, loaded side by side through the same
 * data route as the page's own string (so each is checked against the caller's access).
 */
export function useCompareData(
  ids: readonly string[],
  range: TimeRange,
): ReadonlyMap<string, TrendDataState> {
  const [states, setStates] = useState<ReadonlyMap<string, TrendDataState>>(new Map());
  const key = ids.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids' content
  useEffect(() => {
    const controller = new AbortController();
    const list = key ? key.split(',') : [];
    setStates(new Map(list.map((id) => [id, { status: 'loading' }])));
    for (const id of list) {
      fetchTrend(id, range, controller.signal).then(
        (state) => setStates((prev) => new Map(prev).set(id, state)),
        (error: unknown) => {
          if (!controller.signal.aborted) {
            setStates((prev) =>
              new Map(prev).set(id, { status: 'error', message: (error as Error).message }),
            );
          }
        },
      );
    }
    return () => controller.abort();
  }, [key, range.from, range.to]);
  return states;
}
