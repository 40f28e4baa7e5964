import type { Locale } from '../../i18n/locale';
import { MISSING } from './units';

// Times of a site in the site's own time zone (its IANA `timezone`, e.g. Europe/Berlin), with the
// zone's short name so nobody has to guess: "26 Nov 2026, 14:05 CET" / "26.11.2026, 14:05 MEZ".
// The zone is always an argument — never the runtime's — so the server and the browser print the
// same text. The text is assembled from Intl's parts in a fixed order per language, so a different
// ICU version (Node vs the browser) cannot change the punctuation between date and time.

/** Where a site's zone is unknown (or not a zone Intl knows), times are shown in UTC and say so. */
export const FALLBACK_TIME_ZONE = 'UTC';

/** The CLDR locale whose words the dashboard uses: day-month-year and a 24-hour clock in both. */
const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', de: 'de-DE' };

type Instant = string | number | Date | null | undefined;

const valid = new Map<string, boolean>();

/** `timeZone` when Intl knows it, else UTC: a bad zone in the data must not break a page. */
export function siteTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) {
    return FALLBACK_TIME_ZONE;
  }
  let ok = valid.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    valid.set(timeZone, ok);
  }
  return ok ? timeZone : FALLBACK_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone,
      year: 'numeric',
      month: locale === 'de' ? '2-digit' : 'short',
      day: locale === 'de' ? '2-digit' : 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(key, f);
  }
  return f;
}

function toDate(ts: Instant): Date | null {
  if (ts === null || ts === undefined || ts === '') {
    return null;
  }
  const date = ts instanceof Date ? ts : new Date(ts);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface SiteTimeParts {
  date: string;
  time: string;
  zone: string;
}

function parts(date: Date, timeZone: string, locale: Locale, seconds: boolean): SiteTimeParts {
  const found = formatter(locale, siteTimeZone(timeZone), seconds).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => found.find((p) => p.type === type)?.value ?? '';
  const dateText =
    locale === 'de'
      ? `${part('day')}.${part('month')}.${part('year')}`
      : `${part('day')} ${part('month')} ${part('year')}`;
  const time = [part('hour'), part('minute'), ...(seconds ? [part('second')] : [])].join(':');
  return { date: dateText, time, zone: part('timeZoneName') };
}

export interface SiteTimeOptions {
  /** Show seconds too (a live sample's time). */
  seconds?: boolean;
}

/**
 * An instant as the site's wall clock with the zone's short name: "26 Nov 2026, 14:05 CET",
 * "26.11.2026, 14:05 MEZ", "26 Nov 2026, 22:05 GMT+9"; a dash when missing or unreadable.
 */
export function formatSiteTime(
  ts: Instant,
  timeZone: string | null | undefined,
  locale: Locale,
  options: SiteTimeOptions = {},
): string {
  const date = toDate(ts);
  if (!date) {
    return MISSING;
  }
  const p = parts(date, siteTimeZone(timeZone), locale, options.seconds ?? false);
  return `${p.date}, ${p.time} ${p.zone}`;
}

/** The calendar day of an instant at the site: "26 Nov 2026" / "26.11.2026"; a dash when missing. */
export function formatSiteDate(ts: Instant, timeZone: string | null | undefined, locale: Locale): string {
  const date = toDate(ts);
  return date ? parts(date, siteTimeZone(timeZone), locale, false).date : MISSING;
}

/** The zone's short name at an instant ("CET" in winter, "CEST" in summer; "MEZ"/"MESZ" in German). */
export function siteZoneName(timeZone: string | null | undefined, locale: Locale, at: Instant): string {
  const date = toDate(at) ?? new Date(0);
  return parts(date, siteTimeZone(timeZone), locale, false).zone;
}

/**
 * An instant in UTC for pages without one site (members, audit), saying "UTC" in every
 * language: "26 Nov 2026, 13:05 UTC" / "26.11.2026, 13:05 UTC".
 */
export function formatUtcTime(ts: Instant, locale: Locale): string {
  return formatSiteTime(ts, FALLBACK_TIME_ZONE, locale);
}

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The site's wall clock at an instant (ms), as numbers. */
export function wallClock(ms: number, timeZone: string | null | undefined): WallClock {
  const zone = siteTimeZone(timeZone);
  let f = wallFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormatters.set(zone, f);
  }
  const found = f.formatToParts(new Date(ms));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(found.find((p) => p.type === type)?.value ?? 0);
  return {
    year: n('year'),
    month: n('month'),
    day: n('day'),
    hour: n('hour'),
    minute: n('minute'),
    second: n('second'),
  };
}

/** How far the site's clock is ahead of UTC at an instant, in ms (+3 600 000 for Berlin in winter). */
export function zoneOffsetMs(ms: number, timeZone: string | null | undefined): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-25T13:00`: the value of a datetime-local input showing the site's wall clock. */
export function toZonedInput(ms: number, timeZone: string | null | undefined): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant of a datetime-local value read as the site's wall clock, or NaN. The offset is
 * taken at the guessed instant, so a value on a DST change day lands right; a wall time the
 * spring change skips (02:30 in Berlin) reads as the same minutes after the change (03:30).
 */
export function fromZonedInput(value: string, timeZone: string | null | undefined): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) {
    return Number.NaN;
  }
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) {
    return Number.NaN;
  }
  const guess = asUtc - zoneOffsetMs(asUtc, timeZone);
  return asUtc - zoneOffsetMs(guess, timeZone);
}
