import { type ApiCallOptions, callApi } from '../../../../../lib/api/client';
import { GAP_WINDOW_MS, rangeWindows } from '../../../../../lib/charts/range';
import type { Gap, TimeRange, TrendData } from '../../../../../lib/charts/trend-data';

export type TrendDataResult = { ok: true; data: TrendData } | { ok: false; status: number; message: string };

/**
 * The string's trend over the range (the API picks the tier: bucket=auto) and the data gaps from
 * its first point to the end of the range. A gap lies between two samples, so nothing before the
 * first point is asked for; the gap report's one-year limit is met by asking year by year.
 */
export async function loadTrendData(
  options: ApiCallOptions,
  id: string,
  range: TimeRange,
  now: number,
): Promise<TrendDataResult> {
  const query = { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
  const trend = await callApi(options, (api) =>
    api.GET('/api/strings/{id}/trend', {
      params: { path: { id }, query: { ...query, bucket: 'auto' } },
    }),
  );
  if (!trend.ok) {
    return { ok: false, status: trend.status, message: trend.message };
  }
  const first = trend.data.points[0];
  const gapRange = {
    from: first ? Math.max(range.from, Date.parse(first.bucketStart)) : range.to,
    to: Math.min(range.to, now),
  };
  const answers = await Promise.all(
    rangeWindows(gapRange, GAP_WINDOW_MS).map((w) =>
      callApi(options, (api) =>
        api.GET('/api/strings/{id}/gaps', {
          params: {
            path: { id },
            query: { from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() },
          },
        }),
      ),
    ),
  );
  const gaps: Gap[] = [];
  for (const answer of answers) {
    if (!answer.ok) {
      return { ok: false, status: answer.status, message: answer.message };
    }
    gaps.push(...answer.data.gaps);
  }
  return { ok: true, data: { trend: trend.data, gaps } };
}
