import type { ChartColumns } from '../charts/series';

/** A day of the string's findings response (same fields as @fleet/analytics StringDay). */
export type FindingDay = { dayMs: number } & Record<string, number | null>;

const DAY_MS = 86_400_000;

/**
 * One finding's chart: the field over the days, oldest first, x in seconds. A missing day between
 * two readings breaks the line (a null row), so a silent month is not drawn as a straight trend.
 */
export function findingColumns(days: readonly FindingDay[], field: string): ChartColumns {
  const sorted = [...days].sort((a, b) => a.dayMs - b.dayMs);
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  let previous: number | null = null;
  for (const d of sorted) {
    if (previous !== null && d.dayMs - previous > 1.5 * DAY_MS) {
      xs.push((previous + DAY_MS) / 1000);
      ys.push(null);
    }
    xs.push(d.dayMs / 1000);
    const v = d[field];
    ys.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    previous = d.dayMs;
  }
  return { xs, ys: [ys] };
}
