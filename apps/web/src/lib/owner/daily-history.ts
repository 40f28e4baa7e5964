/** The fields of a 1-day trend bucket the history reads (GET /api/strings/{id}/trend?bucket=1d). */
export interface DayPoint {
  bucketStart: string;
  socMinPct: number | null;
  socMaxPct: number | null;
  energyInWh: number;
  energyOutWh: number;
}

/** One day of the owner's system: all its strings together. */
export interface HistoryDay {
  /** `YYYY-MM-DD`, the UTC day the 1-day rollups bucket by. */
  day: string;
  /** null: no string reported that day (a gap, not a day without use). */
  inWh: number | null;
  outWh: number | null;
  socMinPct: number | null;
  socMaxPct: number | null;
}

export const HISTORY_RANGES = [7, 30] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

const DAY_MS = 86_400_000;

/** `?days=30` → 30; anything else the default 7. */
export function parseHistoryRange(value: unknown): HistoryRange {
  return value === '30' ? 30 : 7;
}

/** [from, to) of the last `days` UTC days, today included, for the 1d trend query. */
export function historyWindow(now: Date, days: HistoryRange): { from: Date; to: Date } {
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(todayStart - (days - 1) * DAY_MS), to: new Date(todayStart + DAY_MS) };
}

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Every day of the window, oldest first, with the strings' energy summed and their SOC range
 * widened to cover all of them; a day no string has a bucket for stays null, so the chart shows
 * a gap rather than a misleading zero.
 */
export function dailyHistory(
  perString: readonly (readonly DayPoint[])[],
  window: { from: Date; to: Date },
): HistoryDay[] {
  const days = new Map<string, HistoryDay>();
  for (let t = window.from.getTime(); t < window.to.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, inWh: null, outWh: null, socMinPct: null, socMaxPct: null });
  }
  for (const point of perString.flat()) {
    const entry = days.get(point.bucketStart.slice(0, 10));
    if (entry) {
      entry.inWh = (entry.inWh ?? 0) + point.energyInWh;
      entry.outWh = (entry.outWh ?? 0) + point.energyOutWh;
      entry.socMinPct = minOf(entry.socMinPct, point.socMinPct);
      entry.socMaxPct = maxOf(entry.socMaxPct, point.socMaxPct);
    }
  }
  return [...days.values()];
}

/** Energy in and out over the whole window, Wh. */
export function historyTotals(days: readonly HistoryDay[]): { inWh: number; outWh: number } {
  return days.reduce((sum, d) => ({ inWh: sum.inWh + (d.inWh ?? 0), outWh: sum.outWh + (d.outWh ?? 0) }), {
    inWh: 0,
    outWh: 0,
  });
}

/** Sum of energy over hourly buckets (today's charged / discharged so far), Wh. */
export function energySum(points: readonly (readonly Pick<DayPoint, 'energyInWh' | 'energyOutWh'>[])[]): {
  inWh: number;
  outWh: number;
} {
  return points
    .flat()
    .reduce((sum, p) => ({ inWh: sum.inWh + p.energyInWh, outWh: sum.outWh + p.energyOutWh }), {
      inWh: 0,
      outWh: 0,
    });
}
