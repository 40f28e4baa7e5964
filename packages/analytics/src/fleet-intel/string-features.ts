// Per-string features over its daily rows: the numbers the early-warning rules judge.
import { sohTrend } from '../soh/soh-trend.js';
import { fitLine } from '../stats/fit-line.js';
import { median } from './robust-stats.js';
import type { StringDay } from './string-day.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** SOC the Pylontech LV spec's full-charge request treats as full (protocol reference §6). */
export const FULL_CHARGE_SOC_PCT = 97;

export interface StringFeatures {
  days: number;
  /** Rows set aside: no finite `dayMs` (the rest of the string's rows are still used). */
  rejectedDays: number;
  firstDayMs: number | null;
  lastDayMs: number | null;
  /** SOH fade, %/year (+ = losing); null without 60 days of SOH. */
  fadePctPerYear: number | null;
  /** Slope of the weekly median cell spread, mV/week; null with fewer than 4 weeks. */
  spreadGrowthMvPerWeek: number | null;
  /** Median daily cell spread over the last quarter of the span, mV. */
  recentSpreadMv: number | null;
  /** The cell most often lowest of the day, how many days it was, out of how many. */
  cutoffCell: { cellNo: number; days: number; of: number } | null;
  /** Days from the last day at or above FULL_CHARGE_SOC_PCT (or the first day) to the last day. */
  daysSinceFull: number | null;
  /** Days with an SOC reading in that stretch, so a data gap is not read as a starved string. */
  observedDaysSinceFull: number;
  highTempHoursPerDay: number | null;
  highSocHoursPerDay: number | null;
  cyclesPerDay: number | null;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function finite(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

function spreadFeatures(
  days: readonly StringDay[],
): Pick<StringFeatures, 'spreadGrowthMvPerWeek' | 'recentSpreadMv'> {
  const withSpread = days.filter((d) => d.cellSpreadMaxMv !== null && Number.isFinite(d.cellSpreadMaxMv));
  const byWeek = new Map<number, number[]>();
  for (const d of withSpread) {
    const week = Math.floor(d.dayMs / WEEK_MS);
    byWeek.set(week, [...(byWeek.get(week) ?? []), d.cellSpreadMaxMv!]);
  }
  const weeks = [...byWeek.keys()].sort((a, b) => a - b);
  const weekly = weeks.map((w) => median(byWeek.get(w)!)!);
  const fit = weeks.length >= 4 ? fitLine(weeks, weekly) : null;
  const first = withSpread[0]?.dayMs ?? 0;
  const last = withSpread[withSpread.length - 1]?.dayMs ?? 0;
  const recent = withSpread
    .filter((d) => d.dayMs >= last - (last - first) / 4)
    .map((d) => d.cellSpreadMaxMv!);
  return { spreadGrowthMvPerWeek: fit?.slope ?? null, recentSpreadMv: median(recent) };
}

function cutoffFeature(days: readonly StringDay[]): StringFeatures['cutoffCell'] {
  const cells = finite(days.map((d) => d.cutoffCellNo));
  const counts = new Map<number, number>();
  for (const c of cells) {
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: StringFeatures['cutoffCell'] = null;
  for (const [cellNo, n] of counts) {
    if (best === null || n > best.days) {
      best = { cellNo, days: n, of: cells.length };
    }
  }
  return best;
}

function fullChargeFeature(
  days: readonly StringDay[],
): Pick<StringFeatures, 'daysSinceFull' | 'observedDaysSinceFull'> {
  const withSoc = days.filter((d) => d.socMaxPct !== null && Number.isFinite(d.socMaxPct));
  const last = withSoc[withSoc.length - 1];
  if (last === undefined) {
    return { daysSinceFull: null, observedDaysSinceFull: 0 };
  }
  let lastFull = -1;
  for (let i = withSoc.length - 1; i >= 0; i--) {
    if (withSoc[i]!.socMaxPct! >= FULL_CHARGE_SOC_PCT) {
      lastFull = i;
      break;
    }
  }
  const from = withSoc[Math.max(0, lastFull)]!;
  return {
    daysSinceFull: Math.round((last.dayMs - from.dayMs) / DAY_MS),
    observedDaysSinceFull: withSoc.length - 1 - Math.max(0, lastFull),
  };
}

export function stringFeatures(input: readonly StringDay[]): StringFeatures {
  const days = input.filter((d) => Number.isFinite(d.dayMs)).sort((a, b) => a.dayMs - b.dayMs);
  const soh = days.filter((d) => d.sohPct !== null).map((d) => ({ ts: d.dayMs, sohPct: d.sohPct! }));
  const trend = sohTrend(soh, { minSpanDays: 60 });
  return {
    days: days.length,
    rejectedDays: input.length - days.length,
    firstDayMs: days[0]?.dayMs ?? null,
    lastDayMs: days[days.length - 1]?.dayMs ?? null,
    fadePctPerYear: trend.kind === 'fit' ? trend.fadePctPerYear : null,
    ...spreadFeatures(days),
    cutoffCell: cutoffFeature(days),
    ...fullChargeFeature(days),
    highTempHoursPerDay: mean(finite(days.map((d) => d.highTempHours))),
    highSocHoursPerDay: mean(finite(days.map((d) => d.highSocHours))),
    cyclesPerDay: mean(finite(days.map((d) => d.cycles))),
  };
}
