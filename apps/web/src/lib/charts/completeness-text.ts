import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';
import { formatSiteTime } from '../format/site-time';
import type { UnitFormatter } from '../format/units';
import type { Completeness } from './completeness';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Gaps listed by name; the rest are counted ("… and 4 more"). */
export const LISTED_GAPS = 10;

export interface CompletenessText {
  /** "Data complete 97.4 % of the range; 3 gaps." */
  summary: string;
  /** "20 Nov 2026, 07:00 CET – 20 Nov 2026, 13:00 CET (6 h)" on the site's clock, oldest first. */
  gaps: string[];
  /** "… and 4 more", or null when every gap is listed. */
  more: string | null;
}

/** The words for a completeness result (the page's accessible summary of the shading). */
export function completenessText(
  c: Completeness,
  t: Dictionary,
  fmt: UnitFormatter,
  timeZone: string,
): CompletenessText {
  const words = t.trends.completeness;
  if (c.percent === null) {
    return { summary: words.noPast, gaps: [], more: null };
  }
  const n = c.missing.length;
  const summary = interpolate(words.summary, {
    percent: fmt.percentTenths(c.percent),
    gaps: n === 1 ? words.gapsOne : interpolate(words.gapsMany, { n }),
  });
  const gaps = c.missing.slice(0, LISTED_GAPS).map((g) =>
    interpolate(words.gapItem, {
      from: formatSiteTime(g.from, timeZone, fmt.locale),
      to: formatSiteTime(g.to, timeZone, fmt.locale),
      duration: describeDuration(g.to - g.from, t),
    }),
  );
  const more = n > LISTED_GAPS ? interpolate(words.more, { n: n - LISTED_GAPS }) : null;
  return { summary, gaps, more };
}

/** A gap's length in the largest unit that keeps it readable: 45 min, 6 h, 3 d. */
export function describeDuration(ms: number, t: Dictionary): string {
  const words = t.trends.completeness;
  if (ms < 2 * HOUR_MS) {
    return interpolate(words.durationMinutes, { n: Math.max(1, Math.round(ms / MINUTE_MS)) });
  }
  if (ms < 2 * DAY_MS) {
    return interpolate(words.durationHours, { n: Math.round(ms / HOUR_MS) });
  }
  return interpolate(words.durationDays, { n: Math.round(ms / DAY_MS) });
}
