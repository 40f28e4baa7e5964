import { interpolate } from '../../../../i18n/dictionary';
import type { Dictionary } from '../../../../i18n/en';

const DAY_MS = 86_400_000;
/** The API's limit (apps/api/src/evidence/evidence.service.ts). */
export const MAX_PERIOD_DAYS = 3660;

export type PeriodResult =
  | { ok: true; from: string; to: string }
  | { ok: false; fieldErrors: { from?: string; to?: string } };

function dayStart(text: unknown): number | null {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return null;
  }
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text ? null : ms;
}

/**
 * The form's first and last day (inclusive, UTC) as the API's period: from the first day's
 * midnight to the midnight after the last day (end exclusive).
 */
export function parsePeriod(from: unknown, to: unknown, p: Dictionary['evidence']['problems']): PeriodResult {
  const first = dayStart(from);
  const last = dayStart(to);
  if (first === null || last === null) {
    return {
      ok: false,
      fieldErrors: { ...(first === null ? { from: p.date } : {}), ...(last === null ? { to: p.date } : {}) },
    };
  }
  if (last < first) {
    return { ok: false, fieldErrors: { to: p.order } };
  }
  const end = last + DAY_MS;
  if ((end - first) / DAY_MS > MAX_PERIOD_DAYS) {
    return { ok: false, fieldErrors: { to: interpolate(p.tooLong, { days: MAX_PERIOD_DAYS }) } };
  }
  return { ok: true, from: new Date(first).toISOString(), to: new Date(end).toISOString() };
}

/** The default period: the last 365 days up to today (UTC), as form values. */
export function defaultPeriod(now: number): { from: string; to: string } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return {
    from: new Date(today - 364 * DAY_MS).toISOString().slice(0, 10),
    to: new Date(today).toISOString().slice(0, 10),
  };
}

/** The last day of a period whose end is exclusive, for display. */
export function lastDayOf(toIso: string): string {
  return new Date(Date.parse(toIso) - 1).toISOString().slice(0, 10);
}
